// Predicates (and a few things: video, packages) that news reports word in several ways, one set per meaning: two claims using words of one set share
// their predicate ("resigned" / "quit", "arrested" / "taken into custody", "apologised" / "regret").
// Hand-written for reporting and political news (no WordNet package fits: WordNet's senses are too broad for a
// word without its sense, and loading it would cost the alignment its speed). A set lists words of one sense only;
// a word with a second common sense ("strike", "charge", "back", "suit") is left out rather than merged wrongly.
import { stem } from "#app/analysis/stem";

export const PREDICATE_SYNONYMS: string[][] = [
  ["resign", "resignation", "quit", "step down"],
  ["arrest", "arrested", "detain", "detained", "detention", "custody", "apprehend", "apprehended"],
  ["apologize", "apologise", "apology", "apologized", "regret", "sorry"],
  ["sue", "sued", "lawsuit", "litigation"],
  ["deny", "denied", "denial", "rebut", "refute", "dispute"],
  ["criticize", "criticise", "criticism", "condemn", "condemnation", "denounce", "rebuke", "slam", "blast", "backlash"],
  ["announce", "announcement", "declare", "declaration"],
  ["fire", "fired", "dismiss", "dismissal", "oust", "ousted", "sack", "sacked"],
  ["kill", "killed", "death", "dead", "die", "died", "slay", "slain"],
  ["accuse", "accusation", "allege", "allegation", "alleged"],
  ["indict", "indictment", "indicted"],
  ["plead", "plea", "pleaded"],
  ["settle", "settlement", "settled"],
  ["investigate", "investigation", "probe", "inquiry"],
  ["injure", "injury", "injured", "wound", "wounded"],
  ["ban", "prohibit", "prohibition", "banned"],
  ["endorse", "endorsement", "endorsed"],
  ["praise", "commend", "laud", "hail", "praised"],
  ["warn", "warning", "warned"],
  ["threaten", "threat", "threatened"],
  ["mock", "mocked", "ridicule", "deride", "belittle", "disparage"],
  ["grab", "grabbed", "seize", "seized"],
  ["retire", "retirement", "retiring"],
  ["video", "footage", "videotape", "clip"],
  ["bomb", "bombs", "explosive", "explosives"],
  ["package", "packages", "parcel", "parcels"],
  ["vote", "voted", "ballot"],
];

/** Stem → the set's id ("~resign"); only one-word entries take part (terms are single stems). */
export const SYNONYM_OF: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const set of PREDICATE_SYNONYMS) {
    const id = "~" + stem(set[0]!);
    for (const w of set) if (!w.includes(" ")) m.set(stem(w), id);
  }
  return m;
})();
