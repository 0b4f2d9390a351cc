// The registry: every rule family, and the order its matchers are tried in at each token. The first
// matcher that finds an attribution takes the cue, so the order is the priority. Written once, here.
import type { DocumentRule, RuleDef, RuleFamily, TokenMatcher } from "./rule";
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
