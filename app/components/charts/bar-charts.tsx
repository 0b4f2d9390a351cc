import { AXIS_STYLE, LinkedRect, niceTicks, PatternDefs, r, TickText, ValueAxis } from "./bar-link";
import { articleColour, codebookLabel, inkOn, KIND_COLOURS, KIND_PATTERNS } from "./palette";
import type { CategoryRow, ChartArticle, SourcingRow } from "./types";

export const CHART_WIDTH = 640;
/** Height of the value axis under a bar chart (tick marks and labels). */
const AXIS_H = 30;

type Href = (token: string) => string;

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

const SINGULAR: Record<string, string> = { attributions: "attribution", "words quoted": "word quoted" };

function counted(v: number, unit: string): string {
  return `${fmt(v)} ${v === 1 ? (SINGULAR[unit] ?? unit) : unit}`;
}

/** The category axis on the left: its line, and one label per row, centred on the row. */
function CategoryAxis({
  labels,
  x0,
  y0,
  band,
  maxChars,
  fontSize,
}: {
  labels: string[];
  x0: number;
  y0: number;
  band: number;
  maxChars: number;
  fontSize?: number;
}) {
  return (
    <g {...AXIS_STYLE}>
      <line x1={x0} x2={x0} y1={y0} y2={r(y0 + band * labels.length)} stroke="#666" />
      {labels.map((l, i) => {
        const y = y0 + band * (i + 0.5);
        return (
          <g key={i}>
            <line x1={x0 - 6} x2={x0} y1={r(y)} y2={r(y)} stroke="#666" />
            <TickText x={x0 - 12} y={y} text={l} anchor="end" max={maxChars} fontSize={fontSize} />
          </g>
        );
      })}
    </g>
  );
}

/** Stacked horizontal bars: one row per article, one segment per source kind (colour and hatch per kind). */
export function SourcingChart({
  rows,
  articles,
  by,
  href,
  kinds,
}: {
  rows: SourcingRow[];
  articles: ChartArticle[];
  by: "count" | "words";
  href: Href;
  kinds: string[];
}) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const unit = by === "words" ? "words quoted" : "attributions";
  const height = 50 + rows.length * 46;
  const m = { top: 8, right: 24, bottom: 8, left: 8 };
  const x0 = m.left + 160;
  const x1 = CHART_WIDTH - m.right;
  const y0 = m.top;
  const y1 = height - m.bottom - AXIS_H;
  const band = (y1 - y0) / Math.max(1, rows.length);
  const cellsOf = (row: SourcingRow) => (by === "words" ? row.words : row.count);
  const totals = rows.map((row) => kinds.reduce((s, k) => s + (cellsOf(row)[k]?.v ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals), false);
  const scale = (x1 - x0) / (ticks[ticks.length - 1] || 1);
  const names = rows.map((row) => byId.get(row.articleId)?.short ?? String(row.articleId));
  const h = Math.max(1, band - 16);
  const segments = rows.flatMap((row, i) => {
    const cells = cellsOf(row);
    let x = x0;
    return kinds.map((k) => {
      const c = cells[k];
      const v = c?.v ?? 0;
      const w = v * scale;
      x += w;
      return {
        row: row.articleId,
        kind: k,
        v,
        x: x - w,
        y: y0 + i * band + 8,
        w,
        h,
        fill: KIND_COLOURS[k] ?? "#888888",
        href: c?.f ? href(c.f) : null,
        label: `${names[i]}: ${codebookLabel("sourceKinds", k)}, ${counted(v, unit)}`,
      };
    });
  });
  return (
    <svg
      className="chart-surface"
      id="chart-sourcing-mix-svg"
      width={CHART_WIDTH}
      height={height}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
    >
      <PatternDefs prefix="sm-pat" patterns={KIND_PATTERNS} light={["unnamed"]} />
      <ValueAxis ticks={ticks} x0={x0} x1={x1} y0={y0} y1={y1} />
      <CategoryAxis labels={names} x0={x0} y0={y0} band={band} maxChars={24} fontSize={12} />
      {segments.map((g) => (
        <LinkedRect
          key={`${g.row}-${g.kind}`}
          x={g.x}
          y={g.y}
          width={g.w}
          height={g.h}
          fill={g.fill}
          href={g.href}
          label={g.label}
          patternId={KIND_PATTERNS[g.kind] ? `sm-pat-${g.kind}` : null}
        />
      ))}
      {/* The value inside its segment, only where the segment is wide enough to hold it. */}
      <g textAnchor="middle" fontSize={11} pointerEvents="none">
        {segments
          .filter((g) => g.v && g.w >= 22)
          .map((g) => (
            <text key={`${g.row}-${g.kind}`} x={r(g.x + g.w / 2)} y={r(g.y + g.h / 2)} dy={4} fill={inkOn(g.fill)}>
              {fmt(g.v)}
            </text>
          ))}
      </g>
    </svg>
  );
}

/** Grouped horizontal bars: one row per category, one bar per article (slate shades, value at the end). */
export function GroupedBars({
  id,
  rows,
  articles,
  href,
  unit,
  labelWidth = 170,
  decimals = false,
}: {
  id: string;
  rows: CategoryRow[];
  articles: ChartArticle[];
  href: Href;
  unit: string;
  labelWidth?: number;
  decimals?: boolean;
}) {
  const barH = articles.length > 3 ? 9 : 12;
  const height = 40 + rows.length * (articles.length * barH + 12);
  const m = { top: 4, right: 40, bottom: 8, left: 8 };
  const x0 = m.left + labelWidth;
  const x1 = CHART_WIDTH - m.right;
  const y0 = m.top;
  const y1 = height - m.bottom - AXIS_H;
  const band = (y1 - y0) / Math.max(1, rows.length);
  const ticks = niceTicks(
    Math.max(0, ...rows.flatMap((row) => articles.map((a) => row.cells[a.id]?.v ?? 0))),
    decimals,
  );
  const scale = (x1 - x0) / (ticks[ticks.length - 1] || 1);
  const group = articles.length * barH + Math.max(0, articles.length - 1);
  const bars = rows.flatMap((row, i) =>
    articles.map((a, j) => {
      const c = row.cells[a.id];
      const v = c?.v ?? 0;
      return {
        key: `${row.id}-${a.id}`,
        v,
        y: y0 + i * band + (band - group) / 2 + j * (barH + 1),
        w: v * scale,
        fill: articleColour(j),
        href: c?.f ? href(c.f) : null,
        label: `${a.short}, ${row.label}: ${counted(v, unit)}`,
      };
    }),
  );
  return (
    <svg
      className="chart-surface"
      id={`chart-${id}-svg`}
      width={CHART_WIDTH}
      height={height}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
    >
      <ValueAxis ticks={ticks} x0={x0} x1={x1} y0={y0} y1={y1} />
      <CategoryAxis
        labels={rows.map((row) => row.label)}
        x0={x0}
        y0={y0}
        band={band}
        maxChars={Math.floor(labelWidth / 6.2)}
      />
      {bars.map((b) => (
        <LinkedRect key={b.key} x={x0} y={b.y} width={b.w} height={barH} fill={b.fill} href={b.href} label={b.label} />
      ))}
      {/* A zero is a measured value too: it shows "0" at the axis, so a missing bar never reads as missing data. */}
      <g fontSize={11} fill="#1d2430" pointerEvents="none">
        {bars.map((b) => (
          <text key={b.key} x={r(x0 + b.w + 4)} y={r(b.y + barH / 2)} dy={3.5}>
            {fmt(b.v)}
          </text>
        ))}
      </g>
    </svg>
  );
}
