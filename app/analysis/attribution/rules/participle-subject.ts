// Two constructions around a reporting verb, beside the verb matcher (verb-cue.ts): a common noun as the speaker after
// the content ("…, the admiral said.") and a participle right after the noun phrase that holds the position
// ("groups backing the senator").
import type { CueClass } from "../../cues";
import { contentAfterCue } from "../cue-content";
import { type AttributionContext, type RawAttribution, span, withSource } from "../context";
import { npLeft, npRight } from "../noun-phrases";
import { hasFiniteVerb, isFiniteVerb, subjectOk } from "../phrases";
import { DAY_WORDS, EVENT_NOUNS, MONTHS, PERSONAL, SAY_LIKE } from "../word-sets";

/**
 * "…, the admiral said.", "…, donors said.": after a clause and its comma, a say-like verb that ends the sentence
 * reports for a common noun too (not a time or a number: "…, Tuesday said" is no speaker).
 */
export function commonNounSpeaker(ctx: AttributionContext, np: [number, number], lemma: string): boolean {
  const head = ctx.tok.tokens[np[1]]!;
  return (
    SAY_LIKE.has(lemma) &&
    head.pos === "NOUN" &&
    !DAY_WORDS.has(ctx.lower[np[1]]!) &&
    !MONTHS.has(ctx.lower[np[1]]!) &&
    np[1] - np[0] <= 5
  );
}

// Verbs whose participle after a noun mostly names an act ("voters voting", "a court ruling", "a group seeking funds"), and
// allegiance participles ("a committee backing the senator"): these describe the group rather than report what it holds.
const ACT_PARTICIPLES = new Set([
  "vote",
  "rule",
  "seek",
  "claim",
  "lobby",
  "concern",
  "celebrate",
  "embrace",
  "report",
  "write",
  "fight",
  "support",
  "back",
  "oppose",
  "favor",
  "favour",
  "endorse",
]);

/**
 * "a Republican challenging that may …", "with a councillor challenging that may …": a "that" right before a verb is
 * the subject of what follows (a relative or demonstrative), no reported clause after a participle.
 */
export function relativeThatAt(ctx: AttributionContext, k: number): boolean {
  const next = ctx.tok.tokens[k + 1];
  // A gerund after it opens a reported clause ("arguing that deporting everyone was not realistic").
  return (
    ctx.lower[k] === "that" &&
    !!next &&
    (next.pos === "AUX" || (next.pos === "VERB" && !ctx.lower[k + 1]!.endsWith("ing")))
  );
}

/**
 * "groups backing the senator", "followers accusing their rivals of …", "polls showing a tie": a participle right after
 * a noun phrase that can hold a position (no comma, no form of be) takes that phrase as its source.
 */
export function ingAfterSubject(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  cueEndTok: number,
  lemma: string,
  cls: CueClass,
  base: Pick<RawAttribution, "cue" | "cueLemma" | "cueClass" | "cueStance" | "evidence">,
): RawAttribution | null {
  const prev = ctx.tok.tokens[i - 1];
  // Evidence participles ("polls showing a tie") are left to the evidence rules.
  if (cls === "evidence" || i - 1 < a || !prev || (prev.pos !== "NOUN" && prev.pos !== "PROPN")) return null;
  // Act and allegiance participles, a Title Case heading ("Celebrating Diversity") and a time ("April explaining") report nothing.
  if (ACT_PARTICIPLES.has(lemma) || /^\p{Lu}/u.test(ctx.tok.tokens[i]!.value)) return null;
  if (DAY_WORDS.has(ctx.lower[i - 1]!) || MONTHS.has(ctx.lower[i - 1]!)) return null;
  // "writing at the Post", "protesting against …", "calling himself …": no reported object follows.
  const next = ctx.tok.tokens[cueEndTok + 1];
  if (!next || next.pos === "ADP" || next.pos === "PART" || /sel(f|ves)$/.test(ctx.lower[cueEndTok + 1]!)) return null;
  let np = npLeft(ctx, i - 1, a);
  const want = "stance";
  // "protests from residents denouncing …": the phrase after its last preposition, when that can hold a position.
  for (let k = i - 2; np && k > np[0]; k--)
    if (ctx.tok.tokens[k]!.pos === "ADP") {
      if (subjectOk(ctx, [k + 1, i - 1], want)) np = [k + 1, i - 1];
      break;
    }
  if (!np || np[1] !== i - 1 || !subjectOk(ctx, np, want)) return null;
  // "issued a statement saying …": the object of a verb that is an occasion of speech is no source; its author is.
  if (EVENT_NOUNS.has(ctx.lower[np[1]]!) && ctx.tok.tokens[np[0] - 1]?.pos === "VERB") return null;
  // "In a statement announcing the pick, the union …": inside a fronted prepositional phrase the sentence's subject reports.
  if (ctx.tok.tokens[a]!.pos === "ADP" && !hasFiniteVerb(ctx, a, np[0] - 1)) return null;
  // "A group backing the mayor spent …": the participle phrase ends before the sentence's own verb.
  const obj = npRight(ctx, cueEndTok + 1, b);
  const verbAfter =
    cls !== "speech" &&
    !!obj &&
    !PERSONAL.has(ctx.lower[obj[0]]!) &&
    obj[1] + 1 <= b &&
    isFiniteVerb(ctx.tok.tokens[obj[1] + 1]!, ctx.lower[obj[1] + 1]!);
  if (relativeThatAt(ctx, cueEndTok + 1)) return null;
  // The phrase is an aside inside its sentence: its content ends at the first comma or dash.
  let e = b;
  for (let k = cueEndTok + 1; k <= b; k++)
    if (ctx.lower[k] === "," || ctx.lower[k] === "-" || ctx.lower[k] === "—" || ctx.lower[k] === "–") {
      e = k - 1;
      break;
    }
  const content = verbAfter ? span(ctx, obj[0], obj[1]) : contentAfterCue(ctx, cueEndTok + 1, e, lemma, cls);
  if (!content) return null;
  return withSource(ctx, base, np, content, "indirect.participle-subject");
}
