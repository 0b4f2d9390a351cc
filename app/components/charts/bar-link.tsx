// The pieces of the dashboard's SVG charts, drawn as plain SVG on the server (no charting library ships to the
// browser): bars and dots that are links (each opens the reader on the spans behind its number), hatch
// patterns, axes and the "nice" ticks of a value axis.

// A link's <title> is both its tooltip and its accessible name (SVG-AAM), so no aria-label repeats it.

/** A bar that links to the reader; nothing is drawn for a zero-width bar (its value label still says 0). */
export function LinkedRect({
  x,
  y,
  width,
  height,
  fill,
  href,
  label,
  patternId,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  href: string | null;
  label: string;
  patternId?: string | null;
}) {
  if (!(width > 0.5) || !(height > 0.5)) return null;
  const body = (
    <>
      <rect x={r(x)} y={r(y)} width={r(width)} height={r(height)} fill={fill} stroke="#ffffff" strokeWidth={0.75} />
      {patternId ? (
        <rect x={r(x)} y={r(y)} width={r(width)} height={r(height)} fill={`url(#${patternId})`} pointerEvents="none" />
      ) : null}
    </>
  );
  if (!href) return <g>{body}</g>;
  return (
    <a href={href} className="chart-link">
      <title>{label}</title>
      {body}
    </a>
  );
}

/** A dot (or a square, for a compared article) that links to the reader or to its table row. */
export function LinkedDot({
  cx,
  cy,
  fill,
  radius,
  square,
  href,
  label,
}: {
  cx: number;
  cy: number;
  fill: string;
  radius: number;
  square?: boolean;
  href: string | null;
  label: string;
}) {
  const shape = square ? (
    <rect
      x={r(cx - radius)}
      y={r(cy - radius)}
      width={2 * radius}
      height={2 * radius}
      fill={fill}
      stroke="#1d2430"
      strokeWidth={1}
    />
  ) : (
    <circle cx={r(cx)} cy={r(cy)} r={radius} fill={fill} stroke="#1d2430" strokeWidth={1} />
  );
  if (!href) return <g>{shape}</g>;
  return (
    <a href={href} className="chart-link">
      <title>{label}</title>
      {shape}
    </a>
  );
}

/** Coordinates to a tenth of a pixel: the markup stays short and the drawing is the same. */
export function r(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Hatch patterns (one per kind) so stacked colours stay apart in greyscale. */
export function PatternDefs({
  prefix,
  patterns,
  light = [],
}: {
  prefix: string;
  patterns: Record<string, string | null>;
  light?: string[];
}) {
  return (
    <defs>
      {Object.entries(patterns).map(([k, p]) => {
        if (!p) return null;
        // On a dark fill (unnamed is black) the hatch is drawn in white, or it would not show.
        const ink = light.includes(k) ? "#fff" : "#000";
        return (
          <pattern key={k} id={`${prefix}-${k}`} patternUnits="userSpaceOnUse" width={6} height={6}>
            {p === "diag" ? <path d="M0,6 L6,0" stroke={ink} strokeOpacity={0.45} strokeWidth={1} /> : null}
            {p === "back" ? <path d="M0,0 L6,6" stroke={ink} strokeOpacity={0.45} strokeWidth={1} /> : null}
            {p === "horiz" ? <path d="M0,3 L6,3" stroke={ink} strokeOpacity={0.45} strokeWidth={1} /> : null}
            {p === "vert" ? <path d="M3,0 L3,6" stroke={ink} strokeOpacity={0.45} strokeWidth={1} /> : null}
            {p === "dots" ? <circle cx={3} cy={3} r={1} fill={ink} fillOpacity={0.5} /> : null}
            {p === "cross" ? <path d="M0,3 L6,3 M3,0 L3,6" stroke={ink} strokeOpacity={0.4} strokeWidth={0.8} /> : null}
            {p === "xcross" ? (
              <path d="M0,0 L6,6 M0,6 L6,0" stroke={ink} strokeOpacity={0.4} strokeWidth={0.8} />
            ) : null}
            {p === "rings" ? (
              <circle cx={3} cy={3} r={1.6} fill="none" stroke={ink} strokeOpacity={0.7} strokeWidth={0.8} />
            ) : null}
            {p === "zigzag" ? (
              <path d="M0,4 L1.5,2 L3,4 L4.5,2 L6,4" fill="none" stroke={ink} strokeOpacity={0.5} strokeWidth={0.8} />
            ) : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** The group around an axis: line colour, tick text size and colour, inherited by what it holds. */
export const AXIS_STYLE = { className: "axis", fontSize: 11, fill: "#4a5566" } as const;

/** A tick label as plain SVG text, cut with an ellipsis (the full text as its tooltip) beyond `max` characters. */
export function TickText({
  x,
  y,
  text,
  anchor,
  max = 60,
  fontSize,
  dy = 4,
}: {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  max?: number;
  fontSize?: number;
  dy?: number;
}) {
  const s = text.length > max ? text.slice(0, max - 1) + "…" : text;
  // Size (11 px unless given) and colour come from the axis group around it: one attribute instead of one per tick.
  return (
    <text x={r(x)} y={r(y)} dy={dy} textAnchor={anchor} fontSize={fontSize}>
      {s !== text ? <title>{text}</title> : null}
      {s}
    </text>
  );
}

/**
 * Ticks for a value axis from 0: about five round steps (1, 2, 2.5 or 5 times a power of ten) whose last
 * tick is at or above the largest value, so every bar ends inside the axis. Whole steps unless decimals are allowed.
 */
export function niceTicks(max: number, decimals: boolean, count = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  if (top === 0) return decimals ? [0, 0.25, 0.5, 0.75, 1] : [0, 1, 2, 3, 4];
  const raw = top / (count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const steps = decimals || mag >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  let step = (steps.find((s) => s * mag >= raw - 1e-9) ?? 10) * mag;
  if (!decimals) step = Math.max(1, Math.round(step));
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

export function fmtTick(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** The horizontal value axis of a bar chart: grid lines and tick labels at each tick, the axis line below. */
export function ValueAxis({
  ticks,
  x0,
  x1,
  y0,
  y1,
}: {
  ticks: number[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}) {
  const top = ticks[ticks.length - 1] || 1;
  return (
    <g {...AXIS_STYLE}>
      {ticks.map((t) => {
        const x = x0 + (t / top) * (x1 - x0);
        return (
          <g key={t}>
            <line x1={r(x)} x2={r(x)} y1={y0} y2={y1} stroke="#e4e0d8" />
            <line x1={r(x)} x2={r(x)} y1={y1} y2={y1 + 6} stroke="#666" />
            <TickText x={x} y={y1 + 8} dy={12} text={fmtTick(t)} anchor="middle" />
          </g>
        );
      })}
      <line x1={x0} x2={x1} y1={y1} y2={y1} stroke="#666" />
    </g>
  );
}
