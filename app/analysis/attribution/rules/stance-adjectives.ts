import { lookupAdjectiveCue } from "../../cues";
import { clauseFollows } from "../clauses";
import { contentAfterCue } from "../cue-content";
import { type AttributionContext, type RawAttribution, kindOf, span } from "../context";
import { skipLeftModifiers, subjectOk } from "../phrases";
import { npLeft } from "../noun-phrases";
import { ADJ_CLAUSE, ADJ_PREPS, BE_FORMS } from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";

/** "X was critical of …", "X is confident that …", "X remains open to …": a stance adjective after a form of be, with its complement. */
export function adjectiveCue(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  const entry = lookupAdjectiveCue(lower[i]!);
  if (!entry || i + 1 > b) return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  // The form of be, with adverbs and a negation between it and the adjective ("was not too concerned").
  let j = i - 1;
  while (
    j >= a &&
    j >= i - 4 &&
    (tokens[j]!.pos === "ADV" ||
      lower[j] === "not" ||
      lower[j] === "n't" ||
      lower[j] === "n’t" ||
      lower[j] === "more" ||
      lower[j] === "less")
  )
    j--;
  if (j < a || !BE_FORMS.has(lower[j]!)) return null;
  // The complement: a clause, an infinitive, a prepositional phrase, or (after sure/confident/convinced) a bare clause.
  const n = i + 1;
  const ln = lower[n]!;
  let k: number;
  let cueEnd = i;
  if (ADJ_CLAUSE.has(ln)) k = n;
  else if (ln === "to") {
    if (n + 1 > b) return null;
    if (tokens[n + 1]!.pos === "VERB" || tokens[n + 1]!.pos === "AUX") k = n;
    else {
      k = n + 1;
      cueEnd = n;
    }
  } else if (ADJ_PREPS.has(ln) && tokens[n]!.pos === "ADP") {
    if (n + 1 > b) return null;
    k = n + 1;
    cueEnd = n;
  } else if (clauseFollows(ctx, n, b) && tokens[n]!.pos === "PRON") k = n;
  else return null;
  const content = contentAfterCue(ctx, k, b, lower[i]!, "stance");
  if (!content) return null;
  // The subject before the form of be (auxiliaries and adverbs skipped: "has long been wary").
  const s0 = skipLeftModifiers(ctx, j - 1, a);
  const np = npLeft(ctx, s0, a);
  if (!np || !subjectOk(ctx, np, "stance")) return null;
  return {
    kind: kindOf(ctx, content),
    sourceTok: np,
    source: span(ctx, np[0], np[1]),
    cue: span(ctx, j, cueEnd),
    cueLemma: lower[i]!,
    cueClass: "stance",
    cueStance: entry.stance,
    content: [content],
    rule: "indirect.stance-adjective",
    evidence: [`stance adjective: ${lower[i]} after “${tokens[j]!.value}”`],
  };
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "stance-adjectives",
  rules: [
    {
      id: "indirect.stance-adjective",
      description:
        "A form of be and a stance adjective with its complement (“X was critical of …”, “X is confident that …”): the subject is the source.",
      examples: [
        {
          text: "The union was critical of the new levy.",
          expect: { source: "The union", cue: "was critical of", content: "the new levy" },
        },
        {
          text: "Councillor Pell is confident that the fund will recover.",
          expect: { source: "Councillor Pell", cue: "is confident", content: "that the fund will recover" },
        },
      ],
    },
  ],
};

/** "Aides were wary of …", "she is confident that …" */
export const stanceAdjectiveMatcher: TokenMatcher = {
  id: "stance-adjective",
  produces: ["indirect.stance-adjective"],
  fallthrough: true,
  when: (ctx, i, a) => ctx.tok.tokens[i]!.pos === "ADJ" && i > a && !!lookupAdjectiveCue(ctx.lower[i]!),
  run: (ctx, i, a, b) => adjectiveCue(ctx, i, a, b),
};
