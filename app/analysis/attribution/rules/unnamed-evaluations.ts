// Evaluations and questions with no one named: "has faced criticism for …", "Asked about the levy, …" (used by unnamed.ts).
import { contentAfter } from "../clauses";
import { firstCommaOutsideQuotes } from "../cue-content";
import { type AttributionContext, type RawAttribution, span, trimSpan } from "../context";
import { CRITICISM_NOUNS } from "../word-sets";

/** "has faced questions about …", "came under withering criticism for …", "took heat for …": an evaluation with no named source; the complement is the content. */
export function facedCriticism(ctx: AttributionContext, i: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let m = i + 1;
  if (tokens[i]!.lemma.toLowerCase() === "come") {
    if (lower[m] !== "under") return null;
    m++;
  }
  while (
    m <= b &&
    m < i + 5 &&
    (tokens[m]!.pos === "ADJ" ||
      tokens[m]!.pos === "ADV" ||
      (tokens[m]!.pos === "VERB" && /ing$/.test(lower[m]!)) ||
      lower[m] === "a" ||
      lower[m] === "some" ||
      lower[m] === "new" ||
      lower[m] === "much")
  )
    m++;
  if (m + 1 > b || !CRITICISM_NOUNS.has(lower[m]!)) return null;
  const p = lower[m + 1]!;
  if (!(p === "for" || p === "about" || p === "over" || p === "from")) return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  // "… criticism from the union for …": the critics are named; leave that to the other rules.
  if (p === "from") return null;
  const c = contentAfter(ctx, m + 2, b);
  if (!c) return null;
  return {
    kind: "unnamed",
    sourceTok: null,
    source: null,
    cue: span(ctx, i, m + 1),
    cueLemma: lower[m]!,
    cueClass: "unnamed",
    cueStance: lower[m] === "praise" ? "endorsing" : "accusation",
    content: [c],
    rule: "unnamed.faced-criticism",
    evidence: [`criticism faced: ${tokens[i]!.lemma.toLowerCase()} … ${lower[m]}`],
  };
}

/** "Asked about the levy, …", "Asked whether she would run, …": the question up to the comma is the content; no source. */
export function askedFront(ctx: AttributionContext, i: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const m = firstCommaOutsideQuotes(ctx, i + 2, b, i + 40);
  if (m < 0) return null;
  const k = ctx.lower[i + 1] === "about" || ctx.lower[i + 1] === "for" ? i + 2 : i + 1;
  const c = trimSpan(ctx.text, tokens[k]!.start, tokens[m - 1]!.end);
  if (!c) return null;
  return {
    kind: "unnamed",
    sourceTok: null,
    source: null,
    cue: span(ctx, i, k - 1),
    cueLemma: "ask",
    cueClass: "unnamed",
    cueStance: "neutral",
    content: [c],
    rule: "unnamed.asked",
    evidence: ["a question put, opening the sentence"],
  };
}
