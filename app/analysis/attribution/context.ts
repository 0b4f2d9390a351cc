import { type CueClass } from "../cues";
import { type Token, type TokenizedText } from "../nlp";
import { QuoteIndex, endsWithQuote, isQuoteMark, sharedQuotes, startsWithQuote, type QuoteStructure } from "../quotes";
import { type AttributionKind, type CueStance, type Span } from "../types";
import { SAY_LIKE } from "./word-sets";

export interface RawAttribution {
  kind: AttributionKind;
  /** Token range of the source phrase, inclusive, or null. */
  sourceTok: [number, number] | null;
  source: Span | null;
  /** The source as marked in the text when it differs from the phrase resolved (“the senator, who”). */
  shownSource?: Span;
  cue: Span | null;
  cueLemma: string;
  cueClass: CueClass | "according" | "unnamed" | "punct";
  cueStance: CueStance;
  content: Span[];
  rule: string;
  evidence: string[];
  /** Read like an attribution but reported apart: a non-response or the writer's own hedge (see `Aside`). */
  aside?: "no_comment" | "hedge";
}

export interface AttributionContext {
  text: string;
  tok: TokenizedText;
  lower: string[];
  sentStart: number[];
  sentEnd: number[];
  quotes: QuoteIndex;
  /** Paragraph index per token. */
  para: Int32Array;
  /** Sentence index per token (after re-joining). */
  sid: Int32Array;
  /** Lower-cased lemma per token, filled on first use (read through lemmaOf). */
  lemmas: (string | undefined)[];
}

/** The lower-cased lemma of token i: several matchers read it at every verb and noun, so it is lower-cased once. */
export function lemmaOf(ctx: AttributionContext, i: number): string {
  let l = ctx.lemmas[i];
  if (l === undefined) ctx.lemmas[i] = l = ctx.tok.tokens[i]!.lemma.toLowerCase();
  return l;
}

export const WINDOW = 160;

/** `quotes`: the analysis' quotation structure of this text, when already found (else found here). */
export function buildContext(original: string, tokIn: TokenizedText, quotes?: QuoteStructure): AttributionContext {
  // Every quotation style is read as the American one (one code unit for one, so offsets are unchanged).
  const qs = sharedQuotes(original, tokIn.paragraphs, quotes);
  const text = qs.normalised;
  const tok = text === original ? tokIn : withMarks(tokIn, text, original);
  const tokens = tok.tokens;
  const lower: string[] = [];
  for (let i = 0; i < tokens.length; i++) lower.push(tokens[i]!.value.toLowerCase());
  const para = new Int32Array(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (p < tok.paragraphs.length - 1 && tokens[i]!.start >= tok.paragraphs[p]!.end) p++;
    para[i] = p;
  }
  // The tokenizer's sentences, re-joined where it split inside a parenthesis, before a lower-case
  // continuation, or between a quotation ending in ?/! and its "she said".
  const ranges: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.sentence;
    const last = ranges[ranges.length - 1];
    if (last && tokens[last[1]]!.sentence === w) last[1] = i;
    else ranges.push([i, i]);
  }
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && para[prev[0]] === para[r[0]] && shouldMerge(tokens, lower, prev, r)) prev[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  const sid = new Int32Array(tokens.length);
  merged.forEach(([a, b], k) => {
    for (let i = a; i <= b; i++) sid[i] = k;
  });
  return {
    text,
    tok,
    lower,
    sentStart: merged.map((r) => r[0]),
    sentEnd: merged.map((r) => r[1]),
    sid,
    quotes: qs.doubles,
    para,
    lemmas: new Array<string | undefined>(tokens.length),
  };
}

/** The tokens with the rewritten quotation marks in their values (a mark token is punctuation). */
function withMarks(tok: TokenizedText, text: string, original: string): TokenizedText {
  // Object.assign, not a spread followed by properties: that form is slow on Node 20's V8 (see fromCue).
  const tokens = tok.tokens.map((t): Token => {
    const v = text.slice(t.start, t.end);
    if (v === original.slice(t.start, t.end)) return t;
    return Object.assign({}, t, t.end - t.start === 1 ? { value: v, lemma: v, pos: "PUNCT" } : { value: v });
  });
  return Object.assign({}, tok, { tokens });
}

export function shouldMerge(tokens: Token[], lower: string[], prev: [number, number], next: [number, number]): boolean {
  let open = 0;
  for (let i = prev[0]; i <= prev[1]; i++) {
    if (tokens[i]!.value === "(") open++;
    else if (tokens[i]!.value === ")") open--;
  }
  if (open > 0) return true;
  const first = tokens[next[0]]!;
  if (/^[\p{Ll},;)]/u.test(first.value) && first.value !== "i") return true;
  const lastV = tokens[prev[1]]!.value;
  const twoApos = lastV === "'" && tokens[prev[1] - 1]?.value === "'";
  const beforeMark = tokens[prev[1] - (twoApos ? 2 : 1)]?.value;
  if ((isQuoteMark(lastV) || lastV === "'") && (beforeMark === "?" || beforeMark === "!" || beforeMark === ",")) {
    for (let i = next[0]; i <= Math.min(next[1], next[0] + 6); i++) {
      const t = tokens[i]!;
      if (t.pos === "VERB" || t.pos === "AUX") return SAY_LIKE.has(t.lemma.toLowerCase()) && t.pos === "VERB";
      if (t.pos === "PUNCT" && t.value !== "." && t.value !== "-") return false;
    }
  }
  void lower;
  return false;
}

export function span(ctx: AttributionContext, a: number, b: number): Span {
  return { start: ctx.tok.tokens[a]!.start, end: ctx.tok.tokens[b]!.end };
}

/** Trim white space and sentence-final punctuation (kept when a closing quote mark follows it). */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:]/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (
    end > start &&
    /[.;:,!?\u2014\u2013-]/.test(text[end - 1]!) &&
    !(text[end - 1] === "?" || text[end - 1] === "!")
  )
    end--;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, Math.min(end, start + 200)))) return null;
  return { start, end };
}

export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= pos) lo = mid + 1;
    else if (t.start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function kindOf(ctx: AttributionContext, content: Span): AttributionKind {
  // Mixed: paraphrase holding a quoted fragment.
  const s = ctx.text.slice(content.start, content.end);
  if (/[“”"«»]|''/.test(s)) return startsWithQuote(s, 0) && endsWithQuote(s, s.length) ? "direct" : "mixed";
  return "indirect";
}

/** The fields of an attribution that its cue alone decides. */
export type CueFields = Pick<RawAttribution, "cue" | "cueLemma" | "cueClass" | "cueStance" | "evidence">;

/** An attribution from its cue's fields and what a rule found. Written out field by field: an object spread
 * (`{ ...base, kind }`) took tens of microseconds on Node 20's V8 and was a twentieth of the sourcing's time. */
export function fromCue(
  base: CueFields,
  kind: AttributionKind,
  sourceTok: [number, number] | null,
  source: Span | null,
  content: Span[],
  rule: string,
): RawAttribution {
  return {
    cue: base.cue,
    cueLemma: base.cueLemma,
    cueClass: base.cueClass,
    cueStance: base.cueStance,
    evidence: base.evidence,
    kind,
    sourceTok,
    source,
    content,
    rule,
  };
}

/** An attribution with one source phrase (token range) and one content span, its kind read from the content. */
export function withSource(
  ctx: AttributionContext,
  base: CueFields,
  src: [number, number],
  content: Span,
  rule: string,
): RawAttribution {
  return fromCue(base, kindOf(ctx, content), src, span(ctx, src[0], src[1]), [content], rule);
}
