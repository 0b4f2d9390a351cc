import { startsWithQuote } from "../../quotes";
import { type AttributionContext, type RawAttribution } from "../context";
import { skipLeftModifiers } from "../phrases";
import { QUOTE_ONLY_CUES, RELATIVE } from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";
import { verbCue } from "./verb-cue";

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "reporting-verbs",
  rules: [
    {
      id: "quote.colon-intro",
      description:
        "A reporting verb followed by a colon introduces the quotation that follows, even a multi-paragraph one.",
      examples: [
        {
          text: "Mayor Ilse Brandt said: “The bridge will reopen in May.”",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May.”" },
        },
      ],
    },
    {
      id: "quote.source-cue-after",
      description: "A quotation followed by its speaker and a reporting verb (“…,” she said).",
      examples: [
        {
          text: "“The bridge will reopen in May,” Mayor Ilse Brandt said.",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May,”" },
        },
      ],
    },
    {
      id: "quote.cue-source-after",
      description: "A quotation followed by a reporting verb and its speaker (“…,” said the minister).",
      examples: [
        {
          text: "“The bridge will reopen in May,” said Mayor Ilse Brandt.",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May,”" },
        },
      ],
    },
    {
      id: "quote.source-cue-before",
      description: "A speaker and a reporting verb followed directly by a quotation (He said, “…”).",
      examples: [
        {
          text: "Mayor Ilse Brandt said, “The bridge will reopen in May.”",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May.”" },
        },
      ],
    },
    {
      id: "indirect.said-that",
      description: "A speaker and a speech verb followed by reported content (X said (that) …).",
      examples: [
        {
          text: "Mayor Ilse Brandt said that the bridge would reopen in May.",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "that the bridge would reopen in May" },
        },
      ],
    },
    {
      id: "indirect.source-cue-after",
      description: "Reported content followed by its speaker and a speech verb (…, X said.).",
      examples: [
        {
          text: "The bridge will reopen in May, Mayor Ilse Brandt said.",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "The bridge will reopen in May" },
        },
      ],
    },
    {
      id: "indirect.cue-source-after",
      description: "Reported content followed by a speech verb and its speaker (…, said X.).",
      examples: [
        {
          text: "The bridge will reopen in May, said Mayor Ilse Brandt.",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "The bridge will reopen in May" },
        },
      ],
    },
    {
      id: "indirect.split",
      description: "Content split around an inserted speaker and verb (…, he said, …).",
      examples: [
        {
          text: "The bridge, Mayor Ilse Brandt said, will reopen in May.",
          expect: { source: "Mayor Ilse Brandt", cue: "said", content: "The bridge … will reopen in May" },
        },
      ],
    },
    {
      id: "indirect.stance",
      description:
        "A person or organisation and a verb of belief, wish or position followed by its object (X believes …, X called for …).",
      examples: [
        {
          text: "The Varden Union believes the levy is unfair.",
          expect: { source: "The Varden Union", cue: "believes", content: "the levy is unfair" },
        },
        {
          text: "The Varden Union called for a new levy on shipping.",
          expect: { source: "The Varden Union", cue: "called for", content: "a new levy on shipping" },
        },
      ],
    },
    {
      id: "indirect.evidence",
      description: "A poll, study or report and a verb of showing or finding (the poll shows …).",
      examples: [
        {
          text: "A new survey by the Orlen Institute shows that most residents back the levy.",
          expect: { source: "the Orlen Institute", cue: "shows", content: "that most residents back the levy" },
        },
      ],
    },
    {
      id: "indirect.participle",
      description: "A speech verb in a participle clause that takes the sentence's subject as source (…, saying …).",
      examples: [
        {
          text: "The union rejected the offer on Tuesday, saying it ignored rising costs.",
          expect: { source: "The union", cue: "saying", content: "it ignored rising costs" },
        },
      ],
    },
    {
      id: "indirect.participle-subject",
      description:
        "A speech or stance participle right after a noun phrase that can hold a position (“residents denouncing the levy”): that phrase is the source.",
      examples: [
        {
          text: "The vote drew protests from residents denouncing the new levy.",
          expect: { source: "residents", cue: "denouncing", content: "the new levy" },
        },
      ],
    },
    {
      id: "indirect.participle-fronted",
      description:
        "A participle clause opening the sentence (“Citing the report, the mayor said …”): its object is the content and the subject after the comma the source.",
      examples: [
        {
          text: "Citing the audit, the mayor said the bridge was unsafe.",
          expect: { source: "the mayor", cue: "Citing", content: "the audit" },
        },
      ],
    },
    {
      id: "indirect.colon",
      description: "A reporting verb followed by a colon and unquoted content.",
      examples: [
        {
          text: "Councillor Pell explained: the fund is empty.",
          expect: { source: "Councillor Pell", cue: "explained", content: "the fund is empty" },
        },
      ],
    },
  ],
};

/** The checks shared by the matchers tried at a verb: a quotation-only cue, and the shown source of "the senator, who said". */
export function verbGroupPost(
  ctx: AttributionContext,
  i: number,
  a: number,
  att: RawAttribution,
): RawAttribution | null {
  // "She continued, “…”": a verb that reports speech only when a quotation is its content.
  if (QUOTE_ONLY_CUES.has(att.cueLemma) && !startsWithQuote(ctx.text, att.content[0]!.start)) return null;
  // "the senator, who said …": the shown source runs from the antecedent to the relative pronoun (PolNeAR marks "who").
  if (att.sourceTok && att.source) {
    const j = skipLeftModifiers(ctx, i - 1, a);
    const tj = ctx.tok.tokens[j]!;
    if (j > att.sourceTok[1] && j - att.sourceTok[1] <= 2 && RELATIVE.has(ctx.lower[j]!) && tj.start > att.source.end)
      att.shownSource = { start: att.source.start, end: tj.end };
  }
  return att;
}

export const REPORTING_VERB_RULES = FAMILY.rules.map((r) => r.id);

/** Any verb: a reporting verb of the lexicon with its speaker and content. Takes the verb even when it finds nothing. */
export const reportingVerbMatcher: TokenMatcher = {
  id: "reporting-verb",
  produces: REPORTING_VERB_RULES,
  fallthrough: false,
  when: (ctx, i) => ctx.tok.tokens[i]!.pos === "VERB" || ctx.tok.tokens[i]!.pos === "AUX",
  run: (ctx, i, a, b, sentenceAtts) => verbCue(ctx, i, a, b, sentenceAtts),
  post: verbGroupPost,
};
