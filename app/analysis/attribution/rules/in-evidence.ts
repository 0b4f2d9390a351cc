import { clauseFollows, contentAfter } from "../clauses";
import { type AttributionContext, type RawAttribution, span } from "../context";
import { POLL_NOUNS } from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";

/** "In the latest Ostend poll, Vane leads by four points": a poll, survey or study opening the sentence is the source of the clause after its comma. */
export function inEvidence(ctx: AttributionContext, i: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let m = i + 1;
  let head = -1;
  while (m <= b && m < i + 14 && tokens[m]!.value !== ",") {
    if (POLL_NOUNS.has(lower[m]!) && tokens[m]!.pos === "NOUN") head = m;
    if (tokens[m]!.pos === "PUNCT" && tokens[m]!.value !== "/" && tokens[m]!.value !== "-" && tokens[m]!.value !== ".")
      return null;
    m++;
  }
  if (head < 0 || m > b || tokens[m]!.value !== "," || m + 1 > b) return null;
  const srcEnd = m - 1;
  // "In the May poll, conducted by phone, …": a participle phrase after the poll is part of its description.
  if (tokens[m + 1]!.pos === "VERB" && /ed$/.test(lower[m + 1]!)) {
    let n = m + 2;
    while (n <= b && n < m + 14 && tokens[n]!.value !== ",") n++;
    if (n <= b && tokens[n]!.value === ",") m = n;
  }
  if (m + 1 > b || !clauseFollows(ctx, m + 1, b)) return null;
  const c = contentAfter(ctx, m + 1, b);
  if (!c) return null;
  return {
    kind: "according_to",
    sourceTok: [i + 1, srcEnd],
    source: span(ctx, i + 1, srcEnd),
    cue: span(ctx, i, i),
    cueLemma: "in",
    cueClass: "evidence",
    cueStance: "neutral",
    content: [c],
    rule: "indirect.in-evidence",
    evidence: ["a poll or study opening the sentence with “in”"],
  };
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "in-evidence",
  rules: [
    {
      id: "indirect.in-evidence",
      description:
        "“In the latest poll, X leads …”: a poll, survey, study or count opening the sentence is the source of the clause after its comma.",
      examples: [
        {
          text: "In the latest poll, Vane leads Pell by four points.",
          expect: { source: "the latest poll", cue: "In", content: "Vane leads Pell by four points" },
        },
      ],
    },
  ],
};

/** "In the latest poll, Vane leads by four points." */
export const inEvidenceMatcher: TokenMatcher = {
  id: "in-evidence",
  produces: ["indirect.in-evidence"],
  fallthrough: true,
  when: (ctx, i, a, b) => ctx.lower[i] === "in" && i === a && i + 2 <= b,
  run: (ctx, i, _a, b) => inEvidence(ctx, i, b),
};
