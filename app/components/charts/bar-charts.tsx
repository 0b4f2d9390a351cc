import { Bar, BarChart, CartesianGrid, Customized, LabelList, XAxis, YAxis } from "recharts";
import { linkedBar, niceTicks, PatternDefs, plainTick } from "./bar-link";
import { articleColour, codebookLabel, inkOn, KIND_COLOURS, KIND_PATTERNS } from "./palette";
import type { CategoryRow, ChartArticle, SourcingRow } from "./types";

export const CHART_WIDTH = 640;

type Href = (token: string) => string;

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

const SINGULAR: Record<string, string> = { attributions: "attribution", "words quoted": "word quoted" };

function counted(v: number, unit: string): string {
  return `${fmt(v)} ${v === 1 ? (SINGULAR[unit] ?? unit) : unit}`;
}

/** Value labels inside a bar segment, only where the segment is wide enough to hold them. */
function SegmentLabel(raw: unknown) {
  const {
    x = 0,
    y = 0,
    width = 0,
    height = 0,
    value,
    fill,
  } = raw as { x?: number; y?: number; width?: number; height?: number; value?: number; fill?: string };
  if (!value || width < 22) return <g />;
  return (
    <text
      x={x + width / 2}
      y={y + height / 2}
      dy={4}
      textAnchor="middle"
      fontSize={11}
      fill={inkOn(fill ?? "#888888")}
      pointerEvents="none"
    >
      {fmt(value)}
    </text>
  );
}

/** The value just after the end of a bar (plain text, see plainTick). */
function EndLabel(raw: unknown) {
  const {
    x = 0,
    y = 0,
    width = 0,
    height = 0,
    value,
  } = raw as { x?: number; y?: number; width?: number; height?: number; value?: number };
  // A zero is a measured value too: it shows "0" at the axis, so a missing bar never reads as missing data.
  if (typeof value !== "number" || !Number.isFinite(value)) return <g />;
  return (
    <text x={x + width + 4} y={y + height / 2} dy={3.5} fontSize={11} fill="#1d2430" pointerEvents="none">
      {fmt(value)}
    </text>
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
  const data = rows.map((r) => {
    const cells = by === "words" ? r.words : r.count;
    return {
      name: byId.get(r.articleId)?.short ?? String(r.articleId),
      ...Object.fromEntries(kinds.map((k) => [k, cells[k]?.v ?? 0])),
      __cells: cells,
    };
  });
  const height = 50 + rows.length * 46;
  const unit = by === "words" ? "words quoted" : "attributions";
  // Round ticks whose last one holds the longest row: recharts is given them and the domain they span.
  const ticks = niceTicks(
    Math.max(0, ...data.map((d) => kinds.reduce((t, k) => t + (d.__cells[k]?.v ?? 0), 0))),
    false,
  );
  return (
    <BarChart
      id="chart-sourcing-mix-svg"
      width={CHART_WIDTH}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      barCategoryGap={8}
    >
      <Customized component={<PatternDefs prefix="sm-pat" patterns={KIND_PATTERNS} light={["unnamed"]} />} />
      <CartesianGrid horizontal={false} stroke="#e4e0d8" />
      <XAxis
        type="number"
        allowDecimals={false}
        interval={0}
        ticks={ticks}
        domain={[0, ticks[ticks.length - 1]!]}
        tick={plainTick({ anchor: "middle", dy: 12 })}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={160}
        interval={0}
        tick={plainTick({ anchor: "end", max: 24, fontSize: 12 })}
      />
      {kinds.map((k) => (
        <Bar
          key={k}
          dataKey={k}
          stackId="mix"
          fill={KIND_COLOURS[k] ?? "#888888"}
          isAnimationActive={false}
          shape={linkedBar(
            (row) => {
              const c = (row.__cells as Record<string, { v: number; f: string | null }>)[k];
              return {
                href: c?.f ? href(c.f) : null,
                label: `${row.name as string}: ${codebookLabel("sourceKinds", k)}, ${counted(c?.v ?? 0, unit)}`,
              };
            },
            { patternId: KIND_PATTERNS[k] ? `sm-pat-${k}` : null },
          )}
        >
          <LabelList dataKey={k} content={(p) => SegmentLabel({ ...(p as object), fill: KIND_COLOURS[k] })} />
        </Bar>
      ))}
    </BarChart>
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
  const data = rows.map((r) => ({
    name: r.label,
    ...Object.fromEntries(articles.map((a) => [`a${a.id}`, r.cells[a.id]?.v ?? 0])),
    __cells: r.cells,
  }));
  const barH = articles.length > 3 ? 9 : 12;
  const height = 40 + rows.length * (articles.length * barH + 12);
  const ticks = niceTicks(Math.max(0, ...rows.flatMap((r) => articles.map((a) => r.cells[a.id]?.v ?? 0))), decimals);
  return (
    <BarChart
      id={`chart-${id}-svg`}
      width={CHART_WIDTH}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 40, bottom: 8, left: 8 }}
      barGap={1}
      barCategoryGap={6}
    >
      <CartesianGrid horizontal={false} stroke="#e4e0d8" />
      <XAxis
        type="number"
        allowDecimals={decimals}
        interval={0}
        ticks={ticks}
        domain={[0, ticks[ticks.length - 1]!]}
        tick={plainTick({ anchor: "middle", dy: 12 })}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={labelWidth}
        interval={0}
        tick={plainTick({ anchor: "end", max: Math.floor(labelWidth / 6.2) })}
      />
      {articles.map((a, i) => (
        <Bar
          key={a.id}
          dataKey={`a${a.id}`}
          fill={articleColour(i)}
          isAnimationActive={false}
          barSize={barH}
          shape={linkedBar((row) => {
            const c = (row.__cells as Record<number, { v: number; f: string | null }>)[a.id];
            return {
              href: c?.f ? href(c.f) : null,
              label: `${a.short}, ${row.name as string}: ${counted(c?.v ?? 0, unit)}`,
            };
          })}
        >
          <LabelList dataKey={`a${a.id}`} content={EndLabel} />
        </Bar>
      ))}
    </BarChart>
  );
}
