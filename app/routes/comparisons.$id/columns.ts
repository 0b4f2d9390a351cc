export const MAX_COLUMNS = 4;

/** Which articles stand in columns: `?cols=3,7` (one to four ids of the comparison), else the first four. */
export function pickColumns(memberIds: number[], raw: string | null): number[] {
  const wanted = (raw ?? "")
    .split(",")
    .map((s) => Number(s))
    .filter((n) => memberIds.includes(n));
  const unique = [...new Set(wanted)].slice(0, MAX_COLUMNS);
  return unique.length >= 1 ? unique : memberIds.slice(0, MAX_COLUMNS);
}

/** Adds the articles a chart link points at to the columns, dropping the oldest others beyond four. */
export function withColumns(columns: number[], need: number[]): number[] {
  const missing = need.filter((x) => !columns.includes(x));
  if (!missing.length) return columns;
  const keep = columns.filter((c) => !need.includes(c));
  const room = Math.max(0, MAX_COLUMNS - need.length);
  return [...keep.slice(0, Math.min(keep.length, room)), ...need].slice(0, MAX_COLUMNS);
}
