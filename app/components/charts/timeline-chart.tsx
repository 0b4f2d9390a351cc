import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { linkedDot, plainTick } from "./bar-link";
import { CHART_WIDTH } from "./bar-charts";
import type { TimelinePoint } from "./types";

type Unit = "year" | "month" | "day";

function dateTick(t: number, unit: Unit): string {
  const d = new Date(t);
  const y = String(d.getUTCFullYear());
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  return unit === "year" ? y : unit === "month" ? `${y}-${m}` : `${y}-${m}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** Calendar ticks (years, months or days) inside the domain, at most about eight, each value once. */
export function calendarTicks(min: number, max: number): { ticks: number[]; unit: Unit } {
  const DAY = 86400000;
  const span = max - min;
  const out = new Set<number>();
  const start = new Date(min);
  if (span > 3 * 365 * DAY) {
    const step = Math.max(1, Math.ceil(span / (365 * DAY) / 8));
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= max; y += step)
      if (Date.UTC(y, 0, 1) >= min) out.add(Date.UTC(y, 0, 1));
    return { ticks: [...out], unit: "year" };
  }
  if (span > 90 * DAY) {
    const step = Math.max(1, Math.ceil(span / (30.4 * DAY) / 6));
    for (let i = 0; ; i += step) {
      const t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1);
      if (t > max) break;
      if (t >= min) out.add(t);
    }
    return { ticks: [...out], unit: "month" };
  }
  const step = Math.max(1, Math.ceil(span / DAY / 6));
  for (let i = 0; ; i += step) {
    const t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + i);
    if (t > max) break;
    if (t >= min) out.add(t);
  }
  return { ticks: [...out], unit: "day" };
}

/** The end (exclusive) of a date's period: a year-only date covers its whole year, a month-only date its month. */
export function periodEnd(t: number, precision: "year" | "month" | "day"): number {
  const d = new Date(t);
  if (precision === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (precision === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + 86400000;
}

/** Publication dates: the compared articles (squares, upper row) and the coverage to import (dots, lower row). */
export function TimelineChart({
  points,
  articleHref,
  candidateHref,
}: {
  points: TimelinePoint[];
  articleHref: (id: number) => string;
  candidateHref: (id: number) => string;
}) {
  // Dots on the same date are spread a little up and down so each stays clickable.
  const seen = new Map<string, number>();
  const data = points.map((p) => {
    const k = `${p.group}|${p.t}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const base = p.group === "article" ? 2 : 1;
    const offset = ((n % 7) - 3) * 0.09 * (n % 2 ? 1 : -1);
    // A year- or month-only date is not a day: its mark sits mid-period over a band spanning the period.
    const end = periodEnd(p.t, p.precision);
    return { ...p, t: p.precision === "day" ? p.t : (p.t + end) / 2, start: p.t, end, y: base + (n ? offset : 0) };
  });
  const ts = [...points.map((p) => p.t), ...data.map((p) => p.end)];
  const min = ts.length ? Math.min(...ts) : Date.UTC(2000, 0, 1);
  const max = ts.length ? Math.max(...ts) : Date.UTC(2001, 0, 1);
  const pad = Math.max((max - min) * 0.05, 15 * 86400000);
  const { ticks, unit } = calendarTicks(min - pad, max + pad);
  return (
    <ScatterChart
      id="chart-timeline-svg"
      width={CHART_WIDTH}
      height={190}
      margin={{ top: 12, right: 24, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#e4e0d8" />
      <XAxis
        type="number"
        dataKey="t"
        domain={[min - pad, max + pad]}
        ticks={ticks}
        interval={0}
        tick={plainTick({ anchor: "middle", dy: 12, format: (v) => dateTick(Number(v), unit) })}
      />
      <YAxis
        type="number"
        dataKey="y"
        domain={[0.4, 2.6]}
        ticks={[1, 2]}
        width={90}
        interval={0}
        tick={plainTick({
          anchor: "end",
          fontSize: 12,
          format: (v) => (v === 2 ? "Compared" : v === 1 ? "Coverage" : ""),
        })}
      />
      {data
        .filter((p) => p.precision !== "day")
        .map((p) => (
          <ReferenceLine
            key={`band-${p.group}-${p.id}`}
            segment={[
              { x: p.start, y: p.y },
              { x: p.end, y: p.y },
            ]}
            stroke={p.group === "article" ? "#1d2430" : "#98a5ba"}
            strokeOpacity={0.3}
            strokeWidth={10}
            strokeLinecap="butt"
          />
        ))}
      <Scatter
        data={data}
        isAnimationActive={false}
        fill="#1d2430"
        shape={linkedDot((row) => {
          const p = row as unknown as TimelinePoint;
          return p.group === "article"
            ? { href: articleHref(p.id), label: `${p.label}, ${dateLabel(p)}`, fill: "#1d2430", r: 6, square: true }
            : {
                href: candidateHref(p.id),
                label: `Coverage ${p.label ? `(${p.label}) ` : ""}${dateLabel(p)}`,
                fill: p.status === "imported" ? "#98a5ba" : "#ffffff",
                r: 4,
              };
        })}
      />
    </ScatterChart>
  );
}

function dateLabel(p: TimelinePoint): string {
  return p.precision === "year" ? `${p.date} (year only)` : p.precision === "month" ? `${p.date} (month only)` : p.date;
}
