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
  return ch === undefined || /[\s([{\u2014\u2013\-/]/.test(ch);
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
      // Most characters are not marks: every mark is ", ', «, » or at U+201C and above.
      const cc = text.charCodeAt(i);
      if (cc < 0x201c && cc !== 34 && cc !== 39 && cc !== 0xab && cc !== 0xbb) continue;
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
      else if (CLOSE.has(ch))
        opening = open < 0 && isSpaceOrOpenPunct(before) && after !== undefined && !/\s/.test(after);
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

const SINGLE_OPEN = new Set(["‘", "'"]);
const SINGLE_CLOSE = new Set(["’", "'"]);
/** Words that open with an apostrophe (elision), never with a quotation mark. */
const ELIDED = /^(?:\d\d?s?\b|em\b|tis\b|twas\b|cause\b|til\b|n\b|round\b|bout\b)/i;
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/“"«„]/;
const CLOSE_AFTER = /[\s.,;:!?)\]}\u2014\u2013\-”"»…]/;

function singleOpensAt(text: string, i: number, para: Span): boolean {
  const c = text[i]!;
  if (!SINGLE_OPEN.has(c) || text[i + 1] === "'" || text[i - 1] === "'") return false;
  const before = i > para.start ? text[i - 1]! : " ";
  const after = i + 1 < para.end ? text[i + 1]! : " ";
  if (!OPEN_BEFORE.test(before) || /\s/.test(after)) return false;
  return !ELIDED.test(text.slice(i + 1, i + 8));
}

function singleClosesAt(text: string, i: number, para: Span): boolean {
  const c = text[i]!;
  if (!SINGLE_CLOSE.has(c) || text[i + 1] === "'" || text[i - 1] === "'") return false;
  const before = i > para.start ? text[i - 1]! : " ";
  const after = i + 1 < para.end ? text[i + 1]! : " ";
  return !/\s/.test(before) && CLOSE_AFTER.test(after);
}

/**
 * The text with every quotation written in the American style the engine reads: outer quotations in
 * double marks (“…”), quotations inside them in single marks. Each mark is one code unit and is replaced
 * by one, so every offset is unchanged. Rewritten: guillemets (« » and » «), low-high marks („ “), CJK corner
 * brackets (「」, 『』 inside), and quotations in single marks (‘…’, '…') outside double-mark quotations, with
 * the double marks nested in them. Apostrophes (don't, the '90s, Hamas' leaders) are never marks. A single
 * mark left open at its paragraph's end is a quotation only when the next paragraph opens with one (a
 * quotation continued); otherwise it was an apostrophe and nothing is rewritten. Returns `text` itself when
 * nothing changes (American text stays as it is).
 */
export function normaliseQuoteStyle(text: string, paragraphs: Span[]): string {
  if (!/[‘'«»„「『\u2014\u2015]/.test(text)) return text;
  const rep = new Map<number, string>();
  // 1. Guillemets, low-high marks and corner brackets: paired within a paragraph.
  const foreign = /[«»„「『』]/.test(text);
  for (const p of foreign ? paragraphs : []) {
    let open = -1;
    let close = "";
    for (let i = p.start; i < p.end; i++) {
      const c = text[i]!;
      if (open < 0) {
        if (c === "«") [open, close] = [i, "»"];
        else if (c === "»" && i + 1 < p.end && !/\s/.test(text[i + 1]!)) [open, close] = [i, "«"];
        else if (c === "„") [open, close] = [i, "“”"];
        else if (c === "「") [open, close] = [i, "」"];
        if (open === i) continue;
      } else if (close.includes(c)) {
        rep.set(open, "“");
        rep.set(i, "”");
        open = -1;
      }
      if (c === "『") rep.set(i, "‘");
      else if (c === "』") rep.set(i, "’");
    }
    // Left open: an opening mark, continued in the next paragraph or closed at this one's end (as “ is).
    if (open >= 0) rep.set(open, "“");
  }
  let base = text;
  if (rep.size) {
    const chars = text.split("");
    for (const [i, ch] of rep) chars[i] = ch;
    base = chars.join("");
  }
  // 2. Single-mark quotations outside the double-mark ones, continued across paragraphs like them.
  const doubles = new QuoteIndex(findQuotes(base, paragraphs));
  const pending = new Map<number, string>();
  let open = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const cands: { i: number; opens: boolean; closes: boolean }[] = [];
    for (let i = para.start; i < para.end; i++) {
      const c = base[i]!;
      if (c !== "‘" && c !== "’" && c !== "'") continue;
      if (doubles.containing(i)) continue;
      const opens = singleOpensAt(base, i, para);
      const closes = singleClosesAt(base, i, para);
      if (opens || closes) cands.push({ i, opens, closes });
    }
    if (open >= 0) {
      const first = cands[0];
      if (first && first.i === para.start && first.opens) {
        pending.set(first.i, "“"); // the repeated opening mark of a continued quotation
        cands.shift();
      } else {
        pending.clear(); // never closed: an apostrophe after all
        open = -1;
      }
    }
    for (let k = 0; k < cands.length; k++) {
      const { i, opens, closes } = cands[k]!;
      if (open < 0) {
        if (opens && base[i] !== "’") {
          open = i;
          pending.set(i, "“");
        }
        continue;
      }
      if (!closes || base[i] === "‘") continue;
      // "Hamas' leaders": a mark after s with a word following is a possessive when a later mark can close.
      if (
        /s/i.test(base[i - 1]!) &&
        /\s/.test(base[i + 1] ?? "") &&
        /[\p{L}\p{N}]/u.test(base[i + 2] ?? "") &&
        cands.slice(k + 1).some((x) => x.closes && base[x.i] !== "‘")
      )
        continue;
      pending.set(i, "”");
      // Double marks inside become the inner (single) marks.
      for (const q of doubles.quotes) {
        if (q.start <= open || q.end > i || base[q.start] === "'") continue;
        pending.set(q.start, "‘");
        if (!q.unbalanced) pending.set(q.end - 1, "’");
      }
      for (const [pos, ch] of pending) rep.set(pos, ch);
      pending.clear();
      open = -1;
    }
  }
  dashQuotations(base, paragraphs, doubles, rep);
  if (!rep.size) return text;
  const chars = text.split("");
  for (const [i, ch] of rep) chars[i] = ch;
  return chars.join("");
}

const DASH_CUE =
  /^(?:said|says|asked|asks|added|adds|replied|replies|told|tells|explained|explains|insisted|insists|answered|answers|continued|continues|recalled|recalls|wrote|writes)\b/;

/**
 * A paragraph opening with an em dash is a quotation (the dialogue dash of many European styles): the dash opens
 * it, and it ends at the comma before an inserted "said X" (", said Torvik", ", Torvik said") or at a dash before
 * one ("— said Torvik —", reopened after it); otherwise at the paragraph's end. Not where the paragraph has marks.
 */
function dashQuotations(base: string, paragraphs: Span[], doubles: QuoteIndex, rep: Map<number, string>): void {
  if (!/\n[\u2014\u2015]|^[\u2014\u2015]/.test(base)) return;
  for (const p of paragraphs) {
    const d = base[p.start];
    if ((d !== "\u2014" && d !== "\u2015") || !/[\s\p{L}]/u.test(base[p.start + 1] ?? "")) continue;
    if (doubles.containing(p.start) || /[“”"]/.test(base.slice(p.start, p.end))) continue;
    rep.set(p.start, "“");
    // Closed at the paragraph's final stop, so that the next dash paragraph is a quotation of its own.
    let last = p.end - 1;
    while (last > p.start && /\s/.test(base[last]!)) last--;
    if (/[.!?…]/.test(base[last]!)) rep.set(last, "”");
    for (let i = p.start + 2; i < p.end; i++) {
      const c = base[i]!;
      if (c !== "," && c !== "\u2014" && c !== "\u2015") continue;
      const rest = base.slice(i + 1, Math.min(p.end, i + 60)).trimStart();
      const name = /^(?:\p{Lu}[\p{L}.'-]*\s+){1,3}/u.exec(rest);
      if (!DASH_CUE.test(rest) && !(name && DASH_CUE.test(rest.slice(name[0].length)))) continue;
      rep.set(i, "”");
      // "— said Torvik — and then …": the quotation goes on after the second dash.
      const again = base.indexOf(c === "," ? "," : c, i + 1);
      if (c !== "," && again > 0 && again < last - 1) rep.set(again, "“");
      else if (rep.get(last) === "”") rep.delete(last);
      break;
    }
  }
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
 * Every quotation in the text for scare quotes and claims: the quotations `findQuotes` gives the sourcing
 * engine (in any style, read through `normaliseQuoteStyle`), and single-mark segments (‘…’, '…') outside them whose marks are not apostrophes.
 * In the order they close.
 */
export function quoteSegments(original: string, paragraphs: Span[], shared?: QuoteStructure): QuoteSegment[] {
  return sharedQuotes(original, paragraphs, shared).segments;
}

/**
 * The quotation structure of one text, found once per analysis and handed to every stage that reads quotations
 * (the sourcing engine's context, voice, markers, claims). Read-only for its users.
 */
export interface QuoteStructure {
  /** The text and paragraphs it was found in (a structure is used only for the same two). */
  text: string;
  paragraphs: Span[];
  /** `normaliseQuoteStyle(text, paragraphs)`. */
  normalised: string;
  /** `findQuotes(normalised, paragraphs)`, indexed. */
  doubles: QuoteIndex;
  /** `quoteSegments(text, paragraphs)`. */
  segments: QuoteSegment[];
}

export function quoteStructure(original: string, paragraphs: Span[]): QuoteStructure {
  // Read in the American style (offsets unchanged), so a single-mark quotation is one segment, not two.
  const text = normaliseQuoteStyle(original, paragraphs);
  const doubles = new QuoteIndex(findQuotes(text, paragraphs));
  return { text: original, paragraphs, normalised: text, doubles, segments: segmentsOf(text, paragraphs, doubles) };
}

/** `shared` when it was found in this very text and paragraphs, else a structure found now. */
export function sharedQuotes(text: string, paragraphs: Span[], shared?: QuoteStructure): QuoteStructure {
  return shared && shared.text === text && shared.paragraphs === paragraphs ? shared : quoteStructure(text, paragraphs);
}

function segmentsOf(text: string, paragraphs: Span[], doubles: QuoteIndex): QuoteSegment[] {
  const out: QuoteSegment[] = doubles.quotes.map((q) => {
    const open = text[q.start] === "'" && text[q.start + 1] === "'" ? 2 : 1;
    const close = q.unbalanced ? 0 : text[q.end - 1] === "'" && text[q.end - 2] === "'" ? 2 : 1;
    return {
      inner: { start: q.start + open, end: Math.max(q.start + open, q.end - close) },
      outer: { start: q.start, end: q.end },
    };
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
export function quotedWordCount(text: string, kind: AttributionKind, content: Span[], contentWords?: number): number {
  // `contentWords`: the words of the content pieces, when the caller has counted them already.
  let n = 0;
  let all = 0;
  for (const p of content) {
    const from = Math.max(0, p.start - 1);
    const s = text.slice(from, Math.min(text.length, p.end + 1));
    if (contentWords === undefined) all += countWords(text.slice(p.start, p.end));
    const re = /[“"«‘]([^”"»’]*)[”"»’]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) n += countWords(m[1]!);
  }
  if (contentWords !== undefined) all = contentWords;
  if (kind === "direct") return all;
  return Math.min(n, all);
}
