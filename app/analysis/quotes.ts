// Direct quotations: one linear scan over the quote marks, paragraph by paragraph.
// A quote left open at a paragraph end continues when the next paragraph opens with a mark
// (the newspaper convention for multi-paragraph quotes); otherwise it is closed there (recovery).
import type { AttributionKind, Span } from "./types";
import { countWords } from "./nlp";

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

/** A quotation as the distance markers read it: the quoted words and the span with its marks. */
export interface QuoteSegment {
  /** The quoted words, without the quotation marks. */
  inner: Span;
  /** Including the marks. */
  outer: Span;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Every quotation in the text for scare quotes and claims: the double-mark quotations `findQuotes` gives the
 * sourcing engine, and single-mark segments (‘…’, '…') outside them whose marks are not apostrophes.
 * In the order they close.
 */
export function quoteSegments(text: string, paragraphs: Span[]): QuoteSegment[] {
  const doubles = new QuoteIndex(findQuotes(text, paragraphs));
  const out: QuoteSegment[] = doubles.quotes.map((q) => {
    const open = text[q.start] === "'" && text[q.start + 1] === "'" ? 2 : 1;
    const close = q.unbalanced ? 0 : text[q.end - 1] === "'" && text[q.end - 2] === "'" ? 2 : 1;
    return { inner: { start: q.start + open, end: Math.max(q.start + open, q.end - close) }, outer: { start: q.start, end: q.end } };
  });
  for (const p of paragraphs) {
    let sOpen = -1;
    for (let i = p.start; i < p.end; i++) {
      const c = text[i]!;
      if (c !== "‘" && c !== "'" && c !== "’") continue;
      if (doubles.containing(i) || (c === "'" && (text[i + 1] === "'" || text[i - 1] === "'"))) {
        sOpen = -1;
        continue;
      }
      const prev = text[i - 1] ?? " ";
      const next = text[i + 1] ?? " ";
      const prevL = LETTER.test(prev);
      const nextL = LETTER.test(next);
      if (!prevL && nextL && sOpen < 0 && c !== "’") sOpen = i;
      else if (sOpen >= 0 && !nextL && (prevL || /[.,!?]/.test(prev)) && c !== "‘") {
        out.push({ inner: { start: sOpen + 1, end: i }, outer: { start: sOpen, end: i + 1 } });
        sOpen = -1;
      }
    }
  }
  return out.sort((a, b) => a.outer.end - b.outer.end);
}

/**
 * Words quoted in an attribution: every word of a direct quotation's content; otherwise the words inside
 * quotation marks (double or single) within its content pieces. The one count every page, chart, export and
 * the CLI show, per attribution and summed per source.
 */
export function quotedWordCount(text: string, kind: AttributionKind, content: Span[]): number {
  let n = 0;
  let all = 0;
  for (const p of content) {
    const from = Math.max(0, p.start - 1);
    const s = text.slice(from, Math.min(text.length, p.end + 1));
    all += countWords(text.slice(p.start, p.end));
    const re = /[“"«‘]([^”"»’]*)[”"»’]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) n += countWords(m[1]!);
  }
  if (kind === "direct") return all;
  return Math.min(n, all);
}
