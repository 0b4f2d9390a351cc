// The registry: every rule family, and the order its matchers are tried in at each token. The first
// matcher that finds an attribution takes the cue, so the order is the priority. Written once, here.
import type { AttributionContext } from "./context";
import type { DocumentRule, RuleDef, RuleFamily, TokenMatcher } from "./rule";
import { PASSIVE_FORMS, UNNAMED_ADVERBS } from "./word-sets";
import { FAMILY as ACCORDING_TO, accordingToMatcher } from "./rules/according-to";
import { FAMILY as ASIDES } from "./rules/asides";
import { FAMILY as DASH_CREDITS } from "./rules/dash-credits";
import { FAMILY as HEADLINE } from "./rules/headline";
import { FAMILY as IN_EVIDENCE, inEvidenceMatcher } from "./rules/in-evidence";
import { FAMILY as NOUN_CUES, nounCueMatcher, nounThatMatcher } from "./rules/noun-cues";
import { FAMILY as PASSIVE_AGENT, passiveAgentMatcher } from "./rules/passive-agent";
import { FAMILY as REPORTING_VERBS, reportingVerbMatcher, verbGroupPost } from "./rules/reporting-verbs";
import { FAMILY as SPEAKER_LABELS } from "./rules/speaker-labels";
import { FAMILY as STANCE_ADJECTIVES, stanceAdjectiveMatcher } from "./rules/stance-adjectives";
import { taggerSlipMatcher } from "./rules/tagger-slips";
import {
  FAMILY as UNNAMED,
  askedMatcher,
  facedCriticismMatcher,
  passiveEvalMatcher,
  passiveFormMatcher,
  passiveVerbMatcher,
  reportedlyMatcher,
  seemMatcher,
} from "./rules/unnamed";

/** Every rule family, in the order the methods page lists them. */
export const FAMILIES: RuleFamily[] = [
  REPORTING_VERBS,
  ACCORDING_TO,
  UNNAMED,
  PASSIVE_AGENT,
  IN_EVIDENCE,
  NOUN_CUES,
  STANCE_ADJECTIVES,
  SPEAKER_LABELS,
  DASH_CREDITS,
  HEADLINE,
  ASIDES,
];

/** The matchers a verb tries in turn share the reporting-verb checks on what they find. */
const atVerb = (m: TokenMatcher): TokenMatcher => ({ ...m, post: verbGroupPost });

/**
 * The order the matchers are tried in at each token. Where order matters:
 * - criticism faced, a fronted "Asked …" and "In the latest poll, …" come first: their words are also
 *   verbs or prepositions that later matchers would read otherwise;
 * - "according to", "reportedly" and a passive form take their token even when they find nothing;
 * - at a verb, the agentless passives and "seem" come before the reporting-verb rules, which take any
 *   verb left; adjectives and nouns come after verbs, and the tagger's misreadings come last.
 */
export const TOKEN_MATCHERS: readonly TokenMatcher[] = [
  facedCriticismMatcher,
  askedMatcher,
  inEvidenceMatcher,
  accordingToMatcher,
  reportedlyMatcher,
  passiveFormMatcher,
  atVerb(passiveVerbMatcher),
  atVerb(passiveEvalMatcher),
  atVerb(passiveAgentMatcher),
  atVerb(seemMatcher),
  reportingVerbMatcher,
  stanceAdjectiveMatcher,
  nounCueMatcher,
  nounThatMatcher,
  taggerSlipMatcher,
];

/** Rules over the whole text, after the token scan, in this order (dash credits see the speaker labels found). */
export const DOCUMENT_RULES: readonly DocumentRule[] = FAMILIES.flatMap((f) => f.document ?? []);

/** Every rule, in the registry's order. */
export const RULE_REGISTRY: readonly RuleDef[] = FAMILIES.flatMap((f) => f.rules);

/** Rule id → one sentence, for the methods page. */
export const ATTRIBUTION_RULES: Record<string, string> = Object.fromEntries(
  RULE_REGISTRY.map((r) => [r.id, r.description]),
);

/**
 * Where each matcher can trigger: its `when` is false at a token whose part of speech is not in `pos` and whose
 * lower-cased form is not in `words`. The scan tries at a token only the matchers whose trigger that token meets (an
 * index built once at load, not a rule: tests/unit/analysis/sourcing-triggers.test.ts holds every `when` to it). A
 * matcher not listed here is tried at every token.
 */
export const TRIGGERS: Readonly<Record<string, { pos?: readonly string[]; words?: Iterable<string> }>> = {
  "faced-criticism": { pos: ["VERB", "NOUN"] },
  asked: { words: ["asked"] },
  "in-evidence": { words: ["in"] },
  "according-to": { words: ["according"] },
  reportedly: { words: UNNAMED_ADVERBS },
  "passive-form": { words: PASSIVE_FORMS.keys() },
  "passive-verb": { pos: ["VERB", "AUX"] },
  "passive-stance": { pos: ["VERB"] },
  "passive-agent": { pos: ["VERB"] },
  seem: { pos: ["VERB", "AUX"] },
  "reporting-verb": { pos: ["VERB", "AUX"] },
  "stance-adjective": { pos: ["ADJ"] },
  "noun-possessive": { pos: ["NOUN"] },
  "noun-complement": { pos: ["NOUN"] },
  "tagger-slip": { pos: ["NOUN", "ADJ"] },
};

/** Bit k stands for TOKEN_MATCHERS[k]: by part of speech, by lower-cased form, and for matchers tried everywhere. */
const POS_BITS = new Map<string, number>();
const WORD_BITS = new Map<string, number>();
let EVERYWHERE = 0;
if (TOKEN_MATCHERS.length > 31) throw new Error("more token matchers than bits in a trigger mask");
TOKEN_MATCHERS.forEach((m, k) => {
  const t = TRIGGERS[m.id];
  if (!t) EVERYWHERE |= 1 << k;
  for (const p of t?.pos ?? []) POS_BITS.set(p, (POS_BITS.get(p) ?? 0) | (1 << k));
  for (const w of t?.words ?? []) WORD_BITS.set(w, (WORD_BITS.get(w) ?? 0) | (1 << k));
});

/** The matchers (bits into TOKEN_MATCHERS) that can trigger at token `i`; 0 when none can. */
export function triggerMask(ctx: AttributionContext, i: number): number {
  return EVERYWHERE | (POS_BITS.get(ctx.tok.tokens[i]!.pos) ?? 0) | (WORD_BITS.get(ctx.lower[i]!) ?? 0);
}
