/** Collapses whitespace (incl. NBSP) and strips invisible characters; keeps ZWNJ/ZWJ (Persian, Indic). */
export function clean(s: string): string {
  return s
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

// One word counter for the whole app (the analysis' own): ingest and analysis never disagree on a count.
export { countWords } from "#app/analysis/nlp";
