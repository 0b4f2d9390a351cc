import { lookupCue } from "../../cues";
import { type AttributionContext, type RawAttribution, span, trimSpan } from "../context";
import { guessVerbLemma } from "../phrases";
import { HEADLINE_VERBS } from "../word-sets";
import type { RuleFamily } from "../rule";

/** A Title Case headline opening the text: "Senator Slams Plan", "Mayor Says …" (the first paragraph only). */
export function headline(ctx: AttributionContext, out: RawAttribution[]): void {
  const { tok } = ctx;
  const para = tok.paragraphs[0];
  if (!para || tok.paragraphs.length < 2) return;
  const tokens = tok.tokens;
  let e = 0;
  while (e < tokens.length && tokens[e]!.end <= para.end) e++;
  const words = tokens.slice(0, e).filter((t) => /^[\p{L}]/u.test(t.value));
  if (words.length < 3 || words.length > 18) return;
  if (words.filter((t) => /^\p{Lu}/u.test(t.value)).length / words.length < 0.7) return;
  if (out.some((x) => x.content[0]!.start < para.end)) return;
  for (let i = 1; i < e - 1; i++) {
    const v = tokens[i]!.value;
    if (!/^\p{Lu}\p{Ll}+s$/u.test(v)) continue;
    const lw = v.toLowerCase();
    const lemma =
      guessVerbLemma(lw) ??
      (HEADLINE_VERBS.has(lw.replace(/e?s$/, ""))
        ? lw.replace(/e?s$/, "")
        : HEADLINE_VERBS.has(lw.slice(0, -1))
          ? lw.slice(0, -1)
          : null);
    if (!lemma) continue;
    let k = i + 1;
    if (k < e && /^(Up|After|Out|On|With|Off|Down|Against)$/.test(tokens[k]!.value)) k++;
    const c = trimSpan(ctx.text, tokens[k]!.start, para.end);
    if (!c) return;
    const entry = lookupCue(lemma);
    out.push({
      kind: "indirect",
      sourceTok: [0, i - 1],
      source: span(ctx, 0, i - 1),
      cue: span(ctx, i, k - 1),
      cueLemma: lemma,
      cueClass: entry?.entry.class ?? "stance",
      cueStance: entry?.entry.stance ?? "neutral",
      content: [c],
      rule: "headline.title-case",
      evidence: [`headline verb: ${lemma}`],
    });
    return;
  }
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "headline",
  document: [{ id: "headline", produces: ["headline.title-case"], run: headline }],
  rules: [
    {
      id: "headline.title-case",
      description:
        "A Title Case headline opening the text: the words before a reporting verb are the source (“Senator Slams Plan”).",
      examples: [
        {
          text: "Senator Vane Slams Port Levy\n\nThe senator spoke on Tuesday.",
          expect: { source: "Senator Vane", cue: "Slams", content: "Port Levy" },
        },
      ],
    },
  ],
};
