import { lookupCue } from "../../cues";
import { type AttributionContext, type RawAttribution, lemmaOf, span, tokenAt } from "../context";
import { isPassive, subjectOk } from "../phrases";
import { npLeft, npRight } from "../noun-phrases";
import { PERSONAL, RELATIVE } from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";

/** "The plan was endorsed by the union", "The story was first reported by the Ledger": the agent is the source, the subject the content. */
export function passiveAgent(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  lemma: string,
): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  const found = lookupCue(lemma);
  if (!found || found.entry.class === "evidence") return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  const np = npRight(ctx, i + 2, b);
  if (!np || !subjectOk(ctx, np, "stance")) return null;
  let j = i - 1;
  while (
    j >= a &&
    (tokens[j]!.pos === "ADV" ||
      tokens[j]!.pos === "AUX" ||
      lower[j] === "not" ||
      lower[j] === "’s" ||
      lower[j] === "'s")
  )
    j--;
  if (j < a) return null;
  const subj = RELATIVE.has(lower[j]!) ? ([j, j] as [number, number]) : npLeft(ctx, j, a, false);
  if (!subj || PERSONAL.has(lower[subj[0]]!)) return null;
  let s0 = subj[0];
  // a quotation title as the subject ("“Old Roads” was written by …")
  const q = ctx.quotes.byEnd.get(tokens[subj[1]]!.end) ?? ctx.quotes.containing(tokens[subj[1]]!.start);
  if (q && q.start < tokens[s0]!.start) s0 = tokenAt(tokens, q.start);
  if (s0 < 0) return null;
  const auxStart = j + 1;
  return {
    kind: "indirect",
    sourceTok: np,
    source: span(ctx, np[0], np[1]),
    cue: span(ctx, auxStart, i + 1),
    cueLemma: lemma,
    cueClass: found.entry.class,
    cueStance: found.entry.stance,
    content: [{ start: tokens[s0]!.start, end: tokens[subj[1]]!.end }],
    rule: "indirect.passive-agent",
    evidence: [`passive cue: ${lemma} by an agent`],
  };
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "passive-agent",
  rules: [
    {
      id: "indirect.passive-agent",
      description:
        "A passive cue with its agent (“the plan was endorsed by the union”): the agent is the source, the subject the content.",
      examples: [
        {
          text: "The plan was endorsed by the Varden Union.",
          expect: { source: "the Varden Union", cue: "was endorsed by", content: "The plan" },
        },
      ],
    },
  ],
};

/** "The plan was endorsed by the union" */
export const passiveAgentMatcher: TokenMatcher = {
  id: "passive-agent",
  produces: ["indirect.passive-agent"],
  fallthrough: true,
  when: (ctx, i, a) => ctx.tok.tokens[i]!.pos === "VERB" && ctx.lower[i + 1] === "by" && isPassive(ctx, i, a),
  run: (ctx, i, a, b) => passiveAgent(ctx, i, a, b, lemmaOf(ctx, i)),
};
