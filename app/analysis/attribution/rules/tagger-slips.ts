// The tagger sometimes reads a reporting verb as a noun or adjective ("Trump is promising", "she claims",
// "Polls show a close race"): these contexts hand such a word to the reporting-verb rules.
import { lookupCue, lookupCueAt } from "../../cues";
import { clauseFollows } from "../clauses";
import type { AttributionContext, RawAttribution } from "../context";
import { guessVerbLemma, possessedBefore, skipLeftModifiers } from "../phrases";
import type { TokenMatcher } from "../rule";
import { PERSONAL, PERSON_PRON } from "../word-sets";
import { REPORTING_VERB_RULES } from "./reporting-verbs";
import { verbCue } from "./verb-cue";

function taggerSlip(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  sentenceAtts: RawAttribution[],
): RawAttribution | null {
  const { lower } = ctx;
  const tokens = ctx.tok.tokens;
  const t = tokens[i]!;
  const lw = lower[i]!;
  const guess = guessVerbLemma(lw);
  // "Ann Vole cast doubt on …": a verb read as a noun before two or more fixed words of a listed idiom.
  const idiom = !guess && i - 1 >= a ? lookupCueAt(lw, lower, i + 1, b) : undefined;
  if (
    idiom &&
    idiom.extra >= 2 &&
    (tokens[i - 1]!.pos === "PROPN" || tokens[i - 1]!.pos === "NOUN" || PERSON_PRON.has(lower[i - 1]!))
  )
    return verbCue(ctx, i, a, b, sentenceAtts, lw);
  // Every reading below needs a cue: a verb form guessed from the word, or the word itself in the cue lexicon.
  if (!guess && !lookupCue(lw)) return null;
  const p = skipLeftModifiers(ctx, i - 1, a);
  const prevTok = tokens[p];
  const nextTok = tokens[i + 1];
  const objectNext =
    !!nextTok &&
    i + 1 <= b &&
    (nextTok.pos === "DET" || nextTok.pos === "PROPN" || nextTok.pos === "PRON" || lower[i + 1] === "that");
  const afterSubject =
    prevTok &&
    p === i - 1 &&
    (PERSON_PRON.has(lower[p]!) ||
      prevTok.pos === "PROPN" ||
      (prevTok.pos === "NOUN" && /s$/.test(lw) && objectNext && p > a && tokens[p - 1]!.pos === "DET"));
  const afterBe = p < i - 1 && tokens.slice(p + 1, i).some((x) => x.lemma === "be") && /ing$/.test(lw);
  // "Polls show a close race", "12 percent support the plan": a plural subject before a bare cue the tagger read as a noun.
  const pluralSubject =
    !guess &&
    p === i - 1 &&
    !!prevTok &&
    ((/[^s]s$/.test(lower[p]!) && (prevTok.pos === "NOUN" || prevTok.pos === "PROPN")) ||
      (lower[p] === "percent" && tokens[p - 1]?.pos === "NUM"));
  // "The campaign plans to send …", "Pell, a Democrat, vows to …": a cue read as a noun before an infinitive.
  const plansTo =
    !!guess &&
    /s$/.test(lw) &&
    p === i - 1 &&
    !!prevTok &&
    (prevTok.pos === "NOUN" || prevTok.pos === "PROPN" || lower[p] === ",") &&
    lower[i + 1] === "to" &&
    i + 2 <= b &&
    tokens[i + 2]!.pos === "VERB" &&
    !possessedBefore(ctx, p, a);
  // "Data from the survey show that …", "records show he …": a bare cue read as a noun before a clause.
  const bareClause =
    !guess &&
    t.pos === "NOUN" &&
    !!lookupCue(lw) &&
    p === i - 1 &&
    !!prevTok &&
    (prevTok.pos === "NOUN" || prevTok.pos === "PROPN") &&
    !possessedBefore(ctx, p, a) &&
    (lower[i + 1] === "that"
      ? clauseFollows(ctx, i + 2, b)
      : i + 1 <= b && (PERSONAL.has(lower[i + 1]!) || tokens[i + 1]!.pos === "PROPN") && clauseFollows(ctx, i + 1, b));
  // "the charter, which states, “…”": a cue read as a noun right after a relative pronoun that follows a comma.
  const afterRelative =
    !!guess &&
    /s$/.test(lw) &&
    p === i - 1 &&
    p - 1 >= a &&
    (lower[p] === "which" || lower[p] === "who") &&
    lower[p - 1] === "," &&
    (lower[i + 1] === "that" || lower[i + 1] === "," || lower[i + 1] === ":");
  if (guess && (afterSubject || afterBe || plansTo || afterRelative)) return verbCue(ctx, i, a, b, sentenceAtts, guess);
  if (bareClause) return verbCue(ctx, i, a, b, sentenceAtts, lw);
  if (
    pluralSubject &&
    t.pos === "NOUN" &&
    lookupCue(lw) &&
    nextTok &&
    (nextTok.pos === "DET" ||
      nextTok.pos === "PROPN" ||
      nextTok.pos === "NUM" ||
      nextTok.pos === "PRON" ||
      lower[i + 1] === "that" ||
      // "two-thirds support reducing …": a gerund object.
      (nextTok.pos === "VERB" && /ing$/.test(lower[i + 1]!)))
  )
    return verbCue(ctx, i, a, b, sentenceAtts, lw);
  // "China and Russia support the government", "they plan a rally": a bare verb read as a noun.
  if (
    !guess &&
    afterSubject &&
    t.pos === "NOUN" &&
    lookupCue(lw) &&
    nextTok &&
    (nextTok.pos === "DET" || nextTok.pos === "PROPN" || (nextTok.pos === "PRON" && lower[i + 1] !== "that")) &&
    (PERSON_PRON.has(lower[p]!) || lower[p - 1] === "and")
  )
    return verbCue(ctx, i, a, b, sentenceAtts, lw);
  return null;
}

/** A lower-case noun or adjective that may be a reporting verb the tagger misread. */
export const taggerSlipMatcher: TokenMatcher = {
  id: "tagger-slip",
  produces: REPORTING_VERB_RULES,
  fallthrough: false,
  when: (ctx, i, a) =>
    (ctx.tok.tokens[i]!.pos === "NOUN" || ctx.tok.tokens[i]!.pos === "ADJ") &&
    /^[a-z]+$/.test(ctx.tok.tokens[i]!.value) &&
    i > a,
  run: taggerSlip,
};
