// Non-responses: "declined to comment", "did not respond to a request for comment", "could not be reached". They
// read like attributions but report that someone said nothing, so they are set apart as "no comment" items with
// the person or body; they never count as attributions or sources in the figures.
import { type AttributionContext, type RawAttribution, span, tokenAt } from "../context";
import { npLeft } from "../noun-phrases";
import type { RuleFamily } from "../rule";

/** Refusing to speak, read from the cue on: "declined to comment", "refused to discuss whether …". */
const REFUSAL =
  /^(?:declin|refus)\w*(?:\s+\w+ly)?\s+(?:again\s+|also\s+|once\s+more\s+)?to\s+(?:comment|discuss|elaborate|respond|answer|speak|be\s+interviewed|say\b)/;
/** Not answering a request: the negation comes before the cue, the request after it. */
const UNANSWERED =
  /^(?:respond|return|reply|answer)\w*\s+(?:to\s+)?(?:\w+\s+){0,3}?(?:request|call|message|e-?mail|inquir|phone|question)/;
const NEGATION = /(?:\bnot|n't|\bnever)\s+(?:\w+ly\s+)?(?:yet\s+)?$/;
/** The same found by its own words, where no token rule read "return" or "answer" as a cue. */
const UNANSWERED_ALL =
  /\b(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:\w+ly\s+)?(?:respond|return|reply|answer)\w*\s+(?:to\s+)?(?:\w+\s+){0,3}?(?:request|call|message|e-?mail|inquir|phone|question)\w*/gi;
/** Unreachable or without comment, found by its own words (the engine reads no cue there). */
const UNREACHABLE =
  /\b(?:could|can)\s*(?:not|n't)\s+(?:\w+ly\s+)?be\s+reached|\b(?:was|were|is|are)\s+(?:not|n't)\s+(?:\w+ly\s+)?available\s+(?:for|to)\s+comment|\b(?:had|has|have)\s+no\s+(?:immediate\s+)?comment|\bwould\s*(?:not|n't)\s+comment\b/gi;
/** Every match of UNREACHABLE holds one of these words: a text without them is not searched (a tenth of the cost). */
const UNREACHABLE_WORDS = /reached|comment/i;

/** Is `x` a non-response? Its cue and what follows decide; a negation must come just before "respond"/"return". */
export function isNonResponse(text: string, x: RawAttribution): boolean {
  if (!x.cue) return false;
  const after = text.slice(x.cue.start, x.cue.start + 90).toLowerCase();
  if (REFUSAL.test(after)) return true;
  return UNANSWERED.test(after) && NEGATION.test(text.slice(Math.max(0, x.cue.start - 30), x.cue.start).toLowerCase());
}

/** Marks the non-responses the token rules read as attributions, and adds the unreachable ones they do not read. */
export function nonResponses(ctx: AttributionContext, out: RawAttribution[], off?: ReadonlySet<string>): void {
  const { text, tok } = ctx;
  for (const x of out)
    if (!off?.has("nocomment.declined") && isNonResponse(text, x)) {
      x.aside = "no_comment";
      x.rule = "nocomment.declined";
      x.evidence = [...x.evidence, "non-response"];
    }
  const cues = out.filter((x) => x.cue).map((x) => x.cue!.start);
  const add = (start: number, end: number, verb: RegExpExecArray | null, rule: string, what: string) => {
    if (off?.has(rule) || cues.some((c) => c >= start && c < end)) return;
    const first = tokenAt(tok.tokens, start);
    if (first <= 0) return;
    const np = npLeft(ctx, first - 1, ctx.sentStart[ctx.sid[first]!]!, true);
    if (!np) return;
    // "did not return calls": the verb is the cue and what it leaves unanswered the content, as for "declined".
    const v = verb ? tokenAt(tok.tokens, start + verb.index) : -1;
    const last = tokenAt(tok.tokens, end - 1);
    out.push({
      kind: "indirect",
      sourceTok: np,
      source: span(ctx, np[0], np[1]),
      cue: v >= 0 ? span(ctx, v, v) : { start, end },
      cueLemma: "respond",
      cueClass: "stance",
      cueStance: "neutral",
      content: [v >= 0 && v < last ? span(ctx, v + 1, last) : span(ctx, first, last)],
      rule,
      evidence: ["non-response: " + what.toLowerCase()],
      aside: "no_comment",
    });
  };
  if (UNREACHABLE_WORDS.test(text))
    for (const m of text.matchAll(UNREACHABLE))
      add(m.index, m.index + m[0].length, null, "nocomment.unreachable", m[0]);
  for (const m of text.matchAll(UNANSWERED_ALL))
    add(m.index, m.index + m[0].length, /(?:respond|return|reply|answer)\w*/i.exec(m[0]), "nocomment.declined", m[0]);
}

export const FAMILY: RuleFamily = {
  family: "asides",
  document: [{ id: "nonResponses", produces: ["nocomment.declined", "nocomment.unreachable"], run: nonResponses }],
  rules: [
    {
      id: "nocomment.declined",
      description:
        "“X declined to comment”, “X did not respond to a request for comment”: a non-response, listed as “no comment” with who gave it, never counted as an attribution or a source.",
      examples: [
        {
          text: "A spokesman for the harbour board declined to comment.",
          expect: { source: "A spokesman for the harbour board", cue: "declined", content: "to comment" },
        },
      ],
    },
    {
      id: "nocomment.unreachable",
      description:
        "“X could not be reached”, “X was not available for comment”, “X had no comment”: a non-response with no reporting verb, listed as “no comment” with who gave it.",
      examples: [
        {
          text: "Councillor Piet Amsel could not be reached on Sunday.",
          expect: { source: "Councillor Piet Amsel", cue: "could not be reached", content: "could not be reached" },
        },
      ],
    },
  ],
};
