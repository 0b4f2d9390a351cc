// Direct quotations: one linear scan over the quote marks, paragraph by paragraph.
// A quote left open at a paragraph end continues when the next paragraph opens with a mark
// (the newspaper convention for multi-paragraph quotes); otherwise it is closed there (recovery).
import type { Span } from "./types";

export interface Quote extends Span {
  /** True when no closing mark was found and the quote was closed at its paragraph end. */
  unbalanced: boolean;
  /** Number of paragraphs the quote runs over. */
  paragraphs: number;
}

const OPEN = new Set(["“", "«", "„"]);
const CLOSE = new Set(["”", "»"]);
const AMBIG = new Set(['"', "″"]);

export function isQuoteMark(ch: string | undefined): boolean {
  return ch !== undefined && (OPEN.has(ch) || CLOSE.has(ch) || AMBIG.has(ch) || ch === "''");
}

/** True when the text just before `end` is a closing quote mark (one character or two apostrophes). */
export function endsWithQuote(text: string, end: number): boolean {
  const c = text[end - 1];
  return isQuoteMark(c) || (c === "'" && text[end - 2] === "'");
}

/** True when a quote mark (one character or two apostrophes) starts at `start`. */
export function startsWithQuote(text: string, start: number): boolean {
  const c = text[start];
  return isQuoteMark(c) || (c === "'" && text[start + 1] === "'");
}

function isSpaceOrOpenPunct(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-\/]/.test(ch);
}

/** Find double-mark quotations in `text` within the given paragraphs (sorted, non-overlapping). */
export function findQuotes(text: string, paragraphs: Span[]): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  let openPara = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    if (open >= 0) {
      // Continue a multi-paragraph quote only when this paragraph opens with a mark.
      const first = text[para.start];
      if (!(OPEN.has(first!) || AMBIG.has(first!) || (first === "'" && text[para.start + 1] === "'"))) {
        const prev = paragraphs[p - 1]!;
        out.push({ start: open, end: prev.end, unbalanced: true, paragraphs: p - openPara });
        open = -1;
      }
    }
    const continuing = open >= 0;
    for (let i = para.start; i < para.end; i++) {
      let ch = text[i]!;
      // Two apostrophes stand for a double mark in some house styles ('' … '').
      let len = 1;
      if (ch === "'" && text[i + 1] === "'") {
        ch = '"';
        len = 2;
      }
      if (!(OPEN.has(ch) || CLOSE.has(ch) || AMBIG.has(ch))) continue;
      if (continuing && i === para.start) {
        i += len - 1;
        continue; // the repeated opening mark
      }
      const before = i > para.start ? text[i - 1] : undefined;
      const after = i + len < para.end ? text[i + len] : undefined;
      let opening: boolean;
      if (OPEN.has(ch)) opening = true;
      else if (CLOSE.has(ch)) opening = open < 0 && isSpaceOrOpenPunct(before) && after !== undefined && !/\s/.test(after);
      else opening = open < 0 ? isSpaceOrOpenPunct(before) || !/\s/.test(after ?? " ") : false;
      if (opening) {
        // A new opening mark before the last one closed drops the stray opener (recovery).
        open = i;
        openPara = p;
      } else if (open >= 0) {
        out.push({ start: open, end: i + len, unbalanced: false, paragraphs: p - openPara + 1 });
        open = -1;
      }
      i += len - 1;
    }
  }
  if (open >= 0 && paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1]!;
    out.push({ start: open, end: last.end, unbalanced: true, paragraphs: paragraphs.length - openPara });
  }
  return out;
}

/** Index quotes by their start and end offsets for O(1) boundary look-ups. */
export class QuoteIndex {
  readonly byStart = new Map<number, Quote>();
  readonly byEnd = new Map<number, Quote>();
  private readonly starts: number[];
  constructor(readonly quotes: Quote[]) {
    for (const q of quotes) {
      this.byStart.set(q.start, q);
      this.byEnd.set(q.end, q);
    }
    this.starts = quotes.map((q) => q.start);
  }
  /** The quote containing offset `pos` (start <= pos < end), if any. */
  containing(pos: number): Quote | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return undefined;
    const q = this.quotes[best]!;
    return pos < q.end ? q : undefined;
  }
}
