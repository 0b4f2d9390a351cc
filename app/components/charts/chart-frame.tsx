import type { ReactNode } from "react";
import type { ChartExportMeta } from "./chart-export";

export interface ChartFrameProps {
  /** The table id shared with the exports (sourcing-mix, voices, …); also the chart's DOM id. */
  id: string;
  title: string;
  guide: string;
  units: string;
  codebookVersion: string;
  legend: { label: string; colour: string; title?: string; className?: string }[];
  fileBase: string;
  csvHref: string;
  jsonHref: string;
  /** False for HTML matrices: no SVG to download. */
  image?: boolean;
  controls?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A chart with its title, reading guide, units and codebook version, legend, downloads and data table. Static
 * markup (the charts are an island, see island.tsx): the download buttons come disabled and are wired in the
 * browser by `enableChartExports`, which reads the file's title, legend and note from `data-export` (the articles charted, shared by every chart, from the
 * `data-export-note` around them).
 */
export function ChartFrame(p: ChartFrameProps) {
  const meta: ChartExportMeta = {
    title: p.title,
    legend: p.legend.map((l) => ({ label: l.label, colour: l.colour })),
    note: `${p.units} · Codebook ${p.codebookVersion}`,
    fileName: `${p.fileBase}-${p.id}`,
  };
  return (
    <figure
      className={`chart${p.wide ? " wide" : ""}`}
      id={`chart-${p.id}`}
      aria-labelledby={`chart-${p.id}-title`}
      data-chart={p.id}
      data-export={p.image !== false ? JSON.stringify(meta) : undefined}
    >
      <figcaption>
        <h3 id={`chart-${p.id}-title`}>{p.title}</h3>
        <p className="chart-guide">{p.guide}</p>
        <p className="meta">
          Units: {p.units} · Codebook {p.codebookVersion}
        </p>
      </figcaption>
      {p.controls ? <div className="chart-controls no-print">{p.controls}</div> : null}
      <div className="chart-box">{p.children}</div>
      {p.legend.length ? (
        <ul className="chart-legend" aria-label="Legend">
          {p.legend.map((l) => (
            <li key={l.label} title={l.title} className={l.className}>
              <span className="swatch" style={{ background: l.colour }} />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-actions no-print">
        {p.image !== false ? (
          <>
            <span className="meta">Download chart:</span>
            <button
              type="button"
              className="secondary small"
              disabled
              data-download="svg"
              aria-label={`Download “${p.title}” as SVG`}
            >
              SVG
            </button>
            <button
              type="button"
              className="secondary small"
              disabled
              data-download="png"
              aria-label={`Download “${p.title}” as PNG`}
            >
              PNG
            </button>
          </>
        ) : null}
        <span className="meta">Data:</span>
        <a href={p.csvHref} download aria-label={`Download the data of “${p.title}” as CSV`}>
          CSV
        </a>
        <a href={p.jsonHref} download aria-label={`Download the data of “${p.title}” as JSON`}>
          JSON
        </a>
        <span className="field-error" role="alert" hidden />
      </div>
      <details className="chart-table">
        <summary>Data table</summary>
        {p.table}
      </details>
    </figure>
  );
}
