// Bars and dots that are links: each one opens the reader on the spans behind its number. Recharts calls
// these as shape functions with the element's geometry and its data row. A link's <title> is both its tooltip
// and its accessible name (SVG-AAM), so no aria-label repeats it.

export interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  cx?: number;
  cy?: number;
  payload?: Record<string, unknown>;
}

export function linkedBar(
  link: (row: Record<string, unknown>) => { href: string | null; label: string },
  opts: { patternId?: string | null } = {},
) {
  return function LinkedBar(raw: unknown) {
    const { x = 0, y = 0, width = 0, height = 0, fill = "#888", payload = {} } = raw as ShapeProps;
    if (!(width > 0.5) || !(height > 0.5)) return <g />;
    const { href, label } = link(payload);
    const body = (
      <>
        <rect x={x} y={y} width={width} height={height} fill={fill} stroke="#ffffff" strokeWidth={0.75} />
        {opts.patternId ? (
          <rect x={x} y={y} width={width} height={height} fill={`url(#${opts.patternId})`} pointerEvents="none" />
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
  };
}

export function linkedDot(
  link: (row: Record<string, unknown>) => {
    href: string | null;
    label: string;
    fill: string;
    r: number;
    square?: boolean;
  },
) {
  return function LinkedDot(raw: unknown) {
    const { cx = 0, cy = 0, payload = {} } = raw as ShapeProps;
    const { href, label, fill, r, square } = link(payload);
    const shape = square ? (
      <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={fill} stroke="#1d2430" strokeWidth={1} />
    ) : (
      <circle cx={cx} cy={cy} r={r} fill={fill} stroke="#1d2430" strokeWidth={1} />
    );
    if (!href) return <g>{shape}</g>;
    return (
      <a href={href} className="chart-link">
        <title>{label}</title>
        {shape}
      </a>
    );
  };
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

/**
 * Axis ticks as plain SVG text: recharts' own Text measures words in the DOM to wrap them, which the server
 * cannot do, so server and browser would render different tick markup (a hydration error).
 */
export function plainTick(opts: {
  anchor: "start" | "middle" | "end";
  dy?: number;
  max?: number;
  format?: (v: unknown) => string;
  fontSize?: number;
}) {
  return function PlainTick(raw: unknown) {
    const { x = 0, y = 0, payload } = raw as { x?: number; y?: number; payload?: { value?: unknown } };
    const full = opts.format ? opts.format(payload?.value) : String(payload?.value ?? "");
    const max = opts.max ?? 60;
    const s = full.length > max ? full.slice(0, max - 1) + "…" : full;
    return (
      <text
        x={x}
        y={y}
        dy={opts.dy ?? 4}
        dx={opts.anchor === "end" ? -4 : 0}
        textAnchor={opts.anchor}
        fontSize={opts.fontSize ?? 11}
        fill="#4a5566"
      >
        {s !== full ? <title>{full}</title> : null}
        {s}
      </text>
    );
  };
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
