// The sourcing engine's version, derived from what determines its output: an explicit revision, the rule
// ids and the order they are tried in, and the versions of the lexicons it reads. Bump ENGINE_REVISION with
// every change that alters what the engine finds: the golden snapshot (tests/fixtures/golden/sourcing.json)
// records the revision it was made with, and the suite fails when the snapshot changes and this does not.
import cues from "../lexicons/cues.json";
import gazetteer from "../lexicons/gazetteer.json";
import pronouns from "../lexicons/pronouns.json";
import timeWords from "../lexicons/time-words.json";
import attributionWords from "../lexicons/attribution-words.json";
import givenNames from "../lexicons/given-names.json";
import { DOCUMENT_RULES, RULE_REGISTRY, TOKEN_MATCHERS } from "./registry";

export const ENGINE_REVISION = 32;

/** The lexicons the sourcing engine reads, with their versions (also listed on the methods page). */
export const SOURCING_LEXICONS: { name: string; version: string; file: string }[] = [
  { name: "cues", version: cues.version, file: "lexicons/cues.json" },
  { name: "pronouns", version: pronouns.version, file: "lexicons/pronouns.json" },
  { name: "time-words", version: timeWords.version, file: "lexicons/time-words.json" },
  { name: "attribution-words", version: attributionWords.version, file: "lexicons/attribution-words.json" },
  { name: "gazetteer", version: gazetteer.version, file: "lexicons/gazetteer.json" },
  { name: "given-names", version: givenNames.version, file: "lexicons/given-names.json" },
];

/** FNV-1a, 32 bits, as 8 hex digits: short and stable. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** Rule ids, matcher order and document-rule order: reordering or renaming a rule changes the version. */
export const RULES_HASH = fnv(
  [
    RULE_REGISTRY.map((r) => r.id).join(","),
    TOKEN_MATCHERS.map((m) => m.id).join(","),
    DOCUMENT_RULES.map((d) => d.id).join(","),
  ].join("|"),
);

/** "sourcing.6"; the rules' hash ("attribution-rules@1a2b3c4d") and the lexicon versions are added beside it. */
export const SOURCING_VERSION = `sourcing.${ENGINE_REVISION}`;
