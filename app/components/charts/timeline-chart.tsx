import { AXIS_STYLE, LinkedDot, r, TickText } from "./bar-link";
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
  const W = CHART_WIDTH;
  const H = 190;
  const x0 = 8 + 90;
  const x1 = W - 24;
  const y0 = 12;
  const y1 = H - 8 - 30;
  const sx = (t: number) => x0 + ((t - (min - pad)) / (max + pad - (min - pad))) * (x1 - x0);
  const sy = (v: number) => y1 - ((v - 0.4) / 2.2) * (y1 - y0);
  return (
    <svg className="chart-surface" id="chart-timeline-svg" width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
      <g {...AXIS_STYLE}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={r(sx(t))} x2={r(sx(t))} y1={y0} y2={y1} stroke="#e4e0d8" />
            <line x1={r(sx(t))} x2={r(sx(t))} y1={y1} y2={y1 + 6} stroke="#666" />
            <TickText x={sx(t)} y={y1 + 8} dy={12} text={dateTick(t, unit)} anchor="middle" />
          </g>
        ))}
        {[1, 2].map((v) => (
          <g key={v}>
            <line x1={x0} x2={x1} y1={r(sy(v))} y2={r(sy(v))} stroke="#e4e0d8" />
            <line x1={x0 - 6} x2={x0} y1={r(sy(v))} y2={r(sy(v))} stroke="#666" />
            <TickText x={x0 - 12} y={sy(v)} text={v === 2 ? "Compared" : "Coverage"} anchor="end" fontSize={12} />
          </g>
        ))}
        <line x1={x0} x2={x1} y1={y1} y2={y1} stroke="#666" />
        <line x1={x0} x2={x0} y1={y0} y2={y1} stroke="#666" />
      </g>
      {data
        .filter((p) => p.precision !== "day")
        .map((p) => (
          <line
            key={`band-${p.group}-${p.id}`}
            x1={r(sx(p.start))}
            x2={r(sx(p.end))}
            y1={r(sy(p.y))}
            y2={r(sy(p.y))}
            stroke={p.group === "article" ? "#1d2430" : "#98a5ba"}
            strokeOpacity={0.3}
            strokeWidth={10}
            strokeLinecap="butt"
          />
        ))}
      {data.map((p) =>
        p.group === "article" ? (
          <LinkedDot
            key={`a${p.id}`}
            cx={sx(p.t)}
            cy={sy(p.y)}
            href={articleHref(p.id)}
            label={`${p.label}, ${dateLabel(p)}`}
            fill="#1d2430"
            radius={6}
            square
          />
        ) : (
          <LinkedDot
            key={`c${p.id}`}
            cx={sx(p.t)}
            cy={sy(p.y)}
            href={candidateHref(p.id)}
            label={`Coverage ${p.label ? `(${p.label}) ` : ""}${dateLabel(p)}`}
            fill={p.status === "imported" ? "#98a5ba" : "#ffffff"}
            radius={4}
          />
        ),
      )}
    </svg>
  );
}

function dateLabel(p: TimelinePoint): string {
  return p.precision === "year" ? `${p.date} (year only)` : p.precision === "month" ? `${p.date} (month only)` : p.date;
}
