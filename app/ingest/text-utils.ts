/** Collapses whitespace (incl. NBSP) and strips invisible characters; keeps ZWNJ/ZWJ (Persian, Indic). */
export function clean(s: string): string {
  return s
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Words in a clean body: runs of letters or digits, with inner apostrophes and hyphens; "40,000" is one. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu);
  return m ? m.length : 0;
}
