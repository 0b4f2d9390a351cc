import type { Span } from "./types";

/**
 * Paragraphs are runs of text between newlines, trimmed of surrounding white space. Kept apart from nlp.ts
 * so the reader can use it in the browser without shipping the language model.
 */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
