import { isQuoteMark } from "../../quotes";
import { type CueStance } from "../../types";
import { contentAfter, contentAfterPost, contentBefore } from "../clauses";
import { type AttributionContext, type RawAttribution, fromCue, span } from "../context";
import { npRight } from "../noun-phrases";
import type { RuleFamily, TokenMatcher } from "../rule";

/** Participles that name a document's issuer with "by" ("excerpts provided by", "figures released by"). */
const PROVIDED = new Set(["provided", "released", "issued", "published", "prepared", "compiled", "distributed"]);

export function accordingTo(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  // "according to exit polls", "according to show insiders": a noun the tagger reads as a verb opens the phrase.
  let np = npRight(ctx, i + 2, b, true);
  if (!np) return null;
  // "according to excerpts provided by the ministry": the issuer of the words is named after the document.
  if (PROVIDED.has(ctx.lower[np[1] + 1] ?? "") && ctx.lower[np[1] + 2] === "by" && np[1] + 3 <= b) {
    const by = npRight(ctx, np[1] + 3, b);
    if (by) np = [np[0], by[1]];
  }
  const cue = span(ctx, i, i + 1);
  const base = {
    cue,
    cueLemma: "according to",
    cueClass: "according" as const,
    cueStance: "neutral" as CueStance,
    evidence: ["cue: according to"],
  };
  const source = span(ctx, np[0], np[1]);
  // Initial: "According to X, content."
  let lead = i - 1;
  while (
    lead >= a &&
    (tokens[lead]!.pos === "CCONJ" || tokens[lead]!.pos === "ADV" || isQuoteMark(tokens[lead]!.value))
  )
    lead--;
  if (lead < a) {
    let m = np[1] + 1;
    while (m <= b && tokens[m]!.value !== ",") m++;
    const c = m < b ? contentAfter(ctx, m + 1, b) : null;
    if (!c) return null;
    return fromCue(base, "according_to", np, source, [c], "according-to.pre");
  }
  if (tokens[i - 1]!.value !== "," && !isQuoteMark(tokens[i - 1]!.value)) {
    // "… rose, according to X" without a comma is still post-position
  }
  const before = contentBefore(ctx, tokens[i - 1]!.value === "," || isQuoteMark(tokens[i - 1]!.value) ? i - 1 : i, a);
  if (!before) return null;
  const rest = contentAfterPost(ctx, np[1] + 1, b).filter((x) => !isQuoteMark(ctx.text[x.start]));
  return fromCue(base, "according_to", np, source, [before, ...rest], "according-to.post");
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "according-to",
  rules: [
    {
      id: "according-to.pre",
      description: "“According to X, …”: the source before the content.",
      examples: [
        {
          text: "According to the harbour authority, the port will reopen on Friday.",
          expect: { source: "the harbour authority", cue: "According to", content: "the port will reopen on Friday" },
        },
      ],
    },
    {
      id: "according-to.post",
      description: "“…, according to X.”: the source after the content.",
      examples: [
        {
          text: "The port will reopen on Friday, according to the harbour authority.",
          expect: { source: "the harbour authority", cue: "according to", content: "The port will reopen on Friday" },
        },
      ],
    },
  ],
};

/** "according to": takes the token even when it finds nothing. */
export const accordingToMatcher: TokenMatcher = {
  id: "according-to",
  produces: ["according-to.pre", "according-to.post"],
  fallthrough: false,
  when: (ctx, i, _a, b) => ctx.lower[i] === "according" && ctx.lower[i + 1] === "to" && i + 1 <= b,
  run: (ctx, i, a, b) => accordingTo(ctx, i, a, b),
};
