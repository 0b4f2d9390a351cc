import { lookupCue } from "../cues";
import { endsWithQuote, isQuoteMark, startsWithQuote } from "../quotes";
import { type Span } from "../types";
import { type AttributionContext, trimSpan } from "./context";
import { isFiniteVerb } from "./phrases";

import { CLAUSE_OPENERS, PARTICIPLE_STOP, PERSONAL, RELATIVE, SAY_LIKE, SUBORDINATORS, WH_OPENERS } from "./word-sets";

/** Does the relative clause starting at k report speech or a stance of its own ("…, who said …")? */
export function relativeHasCue(ctx: AttributionContext, k: number, b: number): boolean {
  const tokens = ctx.tok.tokens;
  for (let m = k; m <= Math.min(b, k + 4); m++) {
    const t = tokens[m]!;
    if (t.pos === "VERB") return !!lookupCue(t.lemma.toLowerCase());
    if (t.pos === "PUNCT") return false;
  }
  return false;
}

/** Where the reported clause ends: before a participle or relative clause, a new coordinated verb, a dash or parenthesis, or a trailing "in a statement on Monday". Quotations are never cut. */
export function clauseEnd(ctx: AttributionContext, k: number, b: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let inQuoteUntil = -1;
  // A reported clause with its own subject ("said [he left and took the files]") keeps its coordinated verbs and relative clauses.
  const clausal = lower[k] === "that" ? clauseFollows(ctx, k + 1, b) : clauseFollows(ctx, k, b);
  let verbSeen = false;
  // "described the show, in which contestants were given tasks and competed …": a verb joined inside a relative clause.
  let relSeen = false;
  // "that, if elected, he would …", "that since she left, …": a fronted subordinate clause ends at its comma.
  let frontSub =
    SUBORDINATORS.has(lower[lower[k] === "that" ? k + 1 : k] ?? "") || (lower[k] === "that" && lower[k + 1] === ",");
  // "X — who has called for a levy — spoke": inside a dash pair, the content ends at the closing dash.
  let inDashPair = false;
  {
    const s0 = ctx.sentStart[ctx.sid[k]!]!;
    let dashes = 0;
    for (let m = Math.max(s0, k - 60); m < k; m++) if (isDashToken(ctx, m)) dashes++;
    inDashPair = dashes % 2 === 1;
  }
  for (let m = k; m <= b; m++) {
    const t = tokens[m]!;
    if (m > k && (tokens[m - 1]!.pos === "VERB" || tokens[m - 1]!.pos === "AUX")) verbSeen = true;
    if (m > k + 1 && RELATIVE.has(lower[m - 1]!) && tokens[m - 1]!.pos !== "SCONJ") relSeen = true;
    if (t.start < inQuoteUntil) continue;
    const q = ctx.quotes.byStart.get(t.start);
    if (q) {
      inQuoteUntil = q.end;
      continue;
    }
    if (m === k) continue;
    const v = t.value;
    const n1 = tokens[m + 1];
    if (v === ";" || v === "(") return m - 1;
    if (inDashPair && isDashToken(ctx, m)) return m - 1;
    if (v === "," && n1 && m + 1 <= b) {
      const l1 = lower[m + 1]!;
      if (n1.pos === "VERB" && /ing$/.test(l1) && l1 !== "including" && l1 !== "according") return m - 1;
      // ", the senator added a caveat": a new main clause after the reported one (not after a fronted "that, if elected, …").
      if (
        !frontSub &&
        (n1.pos === "PROPN" || PERSONAL.has(l1) || n1.pos === "DET") &&
        l1 !== "that" &&
        (verbSeen || (!clausal && m > k + 1 && !CLAUSE_OPENERS.has(lower[k]!))) &&
        clauseFollows(ctx, m + 1, b)
      )
        return m - 1;
      // ", but her plan would …": a contrasting clause with its own subject.
      if (!frontSub && verbSeen && (l1 === "but" || l1 === "yet") && m + 2 <= b && clauseFollows(ctx, m + 2, b))
        return m - 1;
      // ", after he introduced a bill …", ", with Lewandowski taking …": a trailing adjunct of the main clause.
      if (!frontSub && verbSeen && (TRAIL_ADJUNCT.has(l1) || (l1 === "with" && n1.value === l1))) return m - 1;
      if (m > k + 1) frontSub = false;
      if ((l1 === "which" || l1 === "who" || l1 === "where") && !(clausal && !relativeHasCue(ctx, m + 2, b)))
        return m - 1;
    }
    if ((lower[m] === "and" || lower[m] === "but" || lower[m] === "yet") && m + 1 <= b) {
      let n = m + 1;
      while (n <= b && tokens[n]!.pos === "ADV") n++;
      const vt = tokens[n];
      if (vt && n <= b && isFiniteVerb(vt, lower[n]!) && !((clausal || relSeen) && !lookupCue(vt.lemma.toLowerCase())))
        return tokens[m - 1]!.value === "," ? m - 2 : m - 1;
    }
  }
  return b;
}

/** Subordinators that, after a comma and a finished clause, open an adjunct of the sentence's main clause. */
const TRAIL_ADJUNCT = new Set([
  "after",
  "because",
  "when",
  "while",
  "although",
  "though",
  "whereas",
  "before",
  "since",
]);

export function isDashToken(ctx: AttributionContext, m: number): boolean {
  const v = ctx.tok.tokens[m]!.value;
  return (
    v === "—" ||
    v === "―" ||
    v === "--" ||
    v === "–" ||
    (v === "-" && ctx.text[ctx.tok.tokens[m]!.start - 1] === " " && ctx.text[ctx.tok.tokens[m]!.end] === " ")
  );
}

/** A quotation opened inside tokens k..b that closes after the sentence. */
export function lastOpenQuote(ctx: AttributionContext, k: number, b: number) {
  const q = ctx.quotes.containing(ctx.tok.tokens[b]!.start);
  if (q && q.start >= ctx.tok.tokens[k]!.start) return q;
  return undefined;
}

/** A finite clause starts at k ("know [he was there]", "know [how it ends]"), not a noun object ("know the area"). */
export function clauseFollows(ctx: AttributionContext, k: number, b: number): boolean {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (k > b) return false;
  if (WH_OPENERS.has(lower[k]!)) return true;
  const t = tokens[k]!;
  if (!(t.pos === "PRON" || t.pos === "DET" || t.pos === "PROPN" || t.pos === "NOUN")) return false;
  if (t.pos === "PRON" && !PERSONAL.has(lower[k]!) && lower[k] !== "there") return false;
  for (let m = k + 1; m <= Math.min(b, k + 6); m++) {
    const u = tokens[m]!;
    if (u.pos === "AUX" || (u.pos === "VERB" && !/ing$/.test(lower[m]!))) return true;
    if (u.pos === "PUNCT" || u.pos === "ADP" || u.pos === "SCONJ" || lower[m] === "to") return false;
    // "a veto and attempted …": a verb after a conjunction opens a second predicate, not this phrase's clause.
    if (u.pos === "CCONJ" && m + 1 <= b && (tokens[m + 1]!.pos === "VERB" || tokens[m + 1]!.pos === "AUX"))
      return false;
  }
  return false;
}

/** Content from token k to the end of the sentence, extended over a quotation that runs on. */
export function contentAfter(ctx: AttributionContext, k: number, b0: number): Span | null {
  const tokens = ctx.tok.tokens;
  if (k > b0) return null;
  const b = clauseEnd(ctx, k, b0);
  const start = tokens[k]!.start;
  let end = tokens[b]!.end;
  const q = ctx.quotes.byStart.get(start) ?? lastOpenQuote(ctx, k, b);
  if (q && q.end > end) end = q.end;
  const closing = endsWithQuote(ctx.text, end);
  if (closing) return { start, end };
  return trimSpan(ctx.text, start, end);
}

/** After a post-position speaker/verb, the clause must end (or continue with a comma). */
export function endsClause(ctx: AttributionContext, k: number, b: number, lemma = "say"): boolean {
  if (k > b) return true;
  const v = ctx.tok.tokens[k]!.value;
  if (
    v === "," ||
    v === "." ||
    v === "!" ||
    v === "?" ||
    v === ";" ||
    v === "(" ||
    isQuoteMark(v) ||
    v === "'" ||
    v === "—" ||
    v === "–"
  )
    return true;
  // "she said Monday." "he said in a statement."
  if (
    ctx.tok.tokens[k]!.pos === "ADP" &&
    ctx.lower[k] !== "that" &&
    SAY_LIKE.has(lemma) &&
    ctx.lower[k] !== "of" &&
    ctx.lower[k] !== "about"
  )
    return true;
  let m = k;
  while (m <= b && m < k + 8) {
    const vv = ctx.tok.tokens[m]!.value;
    if (vv === "," || vv === "." || vv === ";") return true;
    if (ctx.tok.tokens[m]!.pos === "VERB" || ctx.lower[m] === "that" || ctx.tok.tokens[m]!.pos === "AUX") return false;
    m++;
  }
  return m > b;
}

/** Content before a post-position attribution: a quotation ending at the boundary, or the clause from the sentence start. */
export function contentBefore(ctx: AttributionContext, j: number, a: number): Span | null {
  const tokens = ctx.tok.tokens;
  const text = ctx.text;
  const t = tokens[j]!;
  let qEnd = -1;
  if (ctx.quotes.byEnd.has(t.end)) qEnd = t.end;
  else if (t.value === "," && j - 1 >= 0 && ctx.quotes.byEnd.has(tokens[j - 1]!.end)) qEnd = tokens[j - 1]!.end;
  if (qEnd >= 0) {
    const q = ctx.quotes.byEnd.get(qEnd)!;
    // A lead-in before the quotation in the same sentence belongs to the content ("With X, “…,” he said").
    const sentStartPos = tokens[a]!.start;
    if (
      sentStartPos < q.start &&
      ctx.tok.paragraphs[ctx.para[a]!]!.start <= sentStartPos &&
      !ctx.quotes.containing(sentStartPos)
    ) {
      const lead = ctx.text.slice(sentStartPos, q.start);
      if (!/[.!?]\s*$/.test(lead) && !/[“”"]/.test(lead)) return { start: sentStartPos, end: q.end };
    }
    return { start: q.start, end: q.end };
  }
  if (j <= a) return null;
  // The clause may start inside a quotation opened in an earlier sentence.
  let start = tokens[a]!.start;
  const q = ctx.quotes.containing(tokens[j - 1]!.start);
  if (q && q.start < start) start = q.start;
  // A leading "but"/"and" belongs to the content; a leading discourse adverbial followed by a comma does too.
  return trimSpan(text, start, t.value === "," ? t.start : t.end);
}

/** After "…, he said": a second piece (", …" to the sentence end) and quotations that follow in the paragraph. */
export function contentAfterPost(ctx: AttributionContext, k: number, b: number, quotesOnly = false): Span[] {
  const tokens = ctx.tok.tokens;
  const out: Span[] = [];
  if (quotesOnly) {
    // After a quotation and its speaker only quotations continue: "…,” she said, looking up, “but …”.
    let quoteEnd = -1;
    for (let m = k; m <= b; m++) {
      const t = tokens[m]!;
      if (t.start < quoteEnd) continue;
      const q = ctx.quotes.byStart.get(t.start);
      if (
        q &&
        m > k &&
        (tokens[m - 1]!.value === "," || tokens[m - 1]!.value === "." || tokens[m - 1]!.value === "—")
      ) {
        out.push({ start: q.start, end: q.end });
        quoteEnd = q.end;
      } else if (q) quoteEnd = q.end;
    }
  }
  let m = quotesOnly ? b + 1 : k;
  while (m <= b && tokens[m]!.value !== "," && tokens[m]!.value !== "." && tokens[m]!.value !== ";") m++;
  if (m <= b && tokens[m]!.value === "," && m + 1 <= b) {
    const first = tokens[m + 1]!;
    const lw = ctx.lower[m + 1]!;
    let isIng = /ing$/.test(lw) && first.pos === "VERB";
    // "he said, replacing Clinton would be …": a gerund subject followed by its verb is a clause.
    if (isIng)
      for (let n = m + 2; n <= b; n++)
        if (tokens[n]!.pos === "AUX" || (tokens[n]!.pos === "VERB" && !/ing$/.test(ctx.lower[n]!))) {
          isIng = false;
          break;
        }
    let clause = startsWithQuote(ctx.text, first.start);
    for (let n = m + 1; n <= b && !clause; n++)
      if (tokens[n]!.pos === "VERB" || tokens[n]!.pos === "AUX") clause = true;
    if (clause && !isIng && !PARTICIPLE_STOP.has(lw) && first.pos !== "ADP" && b - m >= 3) {
      const c = contentAfter(ctx, m + 1, b);
      if (c) out.push(c);
    }
  }
  // Quotations in the next sentences of the same paragraph continue the speaker's words.
  const last = out.length ? out[out.length - 1]!.end : tokens[b]!.end;
  let pos = last;
  const para = ctx.para[b]!;
  const paraEnd = ctx.tok.paragraphs[para]!.end;
  for (let n = 0; n < 4; n++) {
    let p = pos;
    while (p < paraEnd && /[\s.,]/.test(ctx.text[p]!)) p++;
    const q = ctx.quotes.byStart.get(p);
    if (!q || q.end > paraEnd) break;
    out.push({ start: q.start, end: q.end });
    pos = q.end;
  }
  return out;
}
