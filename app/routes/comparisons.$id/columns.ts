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
