import { type CueClass, lookupCue } from "../cues";
import { type Token } from "../nlp";
import { isQuoteMark } from "../quotes";
import { type AttributionContext, type RawAttribution } from "./context";
import {
  AGENT_NOUNS,
  ANONYMITY_VERBS,
  ANONYMITY_WORDS,
  DAY_WORDS,
  EVIDENCE_NOUNS,
  FINITE_AUX,
  MONTHS,
  PERSONAL,
  PERSON_PRON,
  POSSESSIVE_PRON,
  QUANT_SUBJECTS,
  RELATIVE,
  ROLE_WORDS,
  SKIP_BEFORE_CUE,
  TIME_LEADS,
  TIME_UNITS,
  UNNAMED_ADVERBS,
} from "./word-sets";
import { isCommaLike, npLeft } from "./noun-phrases";

/** A verb form that starts a new coordinated predicate (past or third person), not a bare infinitive. */
export function isFiniteVerb(t: Token, lw: string): boolean {
  if (t.pos === "AUX") return FINITE_AUX.has(lw);
  if (t.pos !== "VERB") return false;
  if (/ing$/.test(lw)) return false;
  return /(ed|s)$/.test(lw) || lw !== t.lemma.toLowerCase();
}

export function skipLeftModifiers(ctx: AttributionContext, j: number, a: number): number {
  const tokens = ctx.tok.tokens;
  while (j >= a) {
    const lw = ctx.lower[j]!;
    const pos = tokens[j]!.pos;
    if (
      SKIP_BEFORE_CUE.has(lw) ||
      (pos === "ADV" && !UNNAMED_ADVERBS.has(lw) && lw !== "that" && !(lw === "yet")) ||
      (pos === "AUX" && lw !== "'s") ||
      lw === "not"
    )
      j--;
    // "he's claiming", "who's called for": a contracted is/has after a pronoun.
    else if (
      (lw === "'s" || lw === "’s") &&
      j - 1 >= a &&
      (PERSONAL.has(ctx.lower[j - 1]!) || RELATIVE.has(ctx.lower[j - 1]!))
    )
      j--;
    else break;
  }
  return j;
}

export function isPassive(ctx: AttributionContext, i: number, a: number): boolean {
  const t = ctx.tok.tokens[i]!;
  if (/ing$/.test(t.value)) return false;
  let j = i - 1;
  while (
    j >= a &&
    (ctx.tok.tokens[j]!.pos === "ADV" || ctx.lower[j] === "not" || ctx.lower[j] === "also" || ctx.lower[j] === "widely")
  )
    j--;
  if (j < a) return false;
  const lw = ctx.lower[j]!;
  return (
    lw === "is" ||
    lw === "was" ||
    lw === "are" ||
    lw === "were" ||
    lw === "been" ||
    lw === "be" ||
    lw === "being" ||
    lw === "’s"
  );
}

export function subjectOk(ctx: AttributionContext, np: [number, number], cls: CueClass): boolean {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (cls === "speech") return true;
  for (let k = np[0]; k <= np[1]; k++) {
    if (tokens[k]!.pos === "PROPN" || (tokens[k]!.pos !== "DET" && /^\p{Lu}/u.test(tokens[k]!.value) && k > np[0]))
      return true;
  }
  const head = lower[np[1]]!;
  if (PERSON_PRON.has(head)) return true;
  // "Many of them", "most of those": the quantifier heads the phrase.
  if (np[1] - np[0] >= 2 && QUANT_SUBJECTS.has(lower[np[0]]!) && lower[np[0] + 1] === "of") return true;
  // "two-thirds", "one in four": a share of those polled (the speaker phrase was built from its numbers).
  if (np[1] - np[0] >= 2 && (lower[np[1] - 1] === "-" || lower[np[1] - 1] === "in") && tokens[np[1] - 2]!.pos === "NUM")
    return true;
  if (head === "it") return cls === "evidence";
  if (
    /^\p{Lu}/u.test(tokens[np[0]]!.value) &&
    tokens[np[0]]!.pos !== "DET" &&
    tokens[np[0]]!.pos !== "PRON" &&
    np[0] > ctx.sentStart[ctx.sid[np[0]]!]!
  )
    return true;
  const lemma = tokens[np[1]]!.lemma.toLowerCase();
  if (cls === "evidence") return EVIDENCE_NOUNS.has(head) || EVIDENCE_NOUNS.has(lemma) || AGENT_NOUNS.has(head);
  return (
    AGENT_NOUNS.has(head) ||
    AGENT_NOUNS.has(lemma) ||
    EVIDENCE_NOUNS.has(head) ||
    QUANT_SUBJECTS.has(head) ||
    ROLE_WORDS.has(head) ||
    ROLE_WORDS.has(lemma) ||
    personBySuffix(head)
  );
}

/** Nouns for people by their ending: "environmentalists", "physicians", "a historian". */
export function personBySuffix(w: string): boolean {
  return w.length > 6 && /(?:ists?|ians?)$/.test(w) && !/(?:lists?|wrists?|twists?|medians?)$/.test(w);
}

/** Does the noun phrase ending at p open with a possessor ("its tax plans", "the city's budget")? Then a following word is its noun, not a verb. */
export function possessedBefore(ctx: AttributionContext, p: number, a: number): boolean {
  const tokens = ctx.tok.tokens;
  let k = p;
  while (
    k >= a &&
    p - k < 6 &&
    (tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "PROPN" || tokens[k]!.pos === "ADJ" || tokens[k]!.pos === "NUM")
  )
    k--;
  if (k < a) return false;
  const lw = ctx.lower[k]!;
  return POSSESSIVE_PRON.has(lw) || lw === "'s" || lw === "’s" || lw === "’" || lw === "your";
}

/** A finite verb among tokens a..e (not a participle, not an infinitive; a sentence-opening "Asked about …" is a participle). */
export function hasFiniteVerb(ctx: AttributionContext, a: number, e: number): boolean {
  const tokens = ctx.tok.tokens;
  for (let m = a; m <= e; m++) {
    if (m === a && ctx.lower[m] === "asked") continue;
    const t = tokens[m]!;
    if (t.pos === "AUX") return true;
    if (t.pos === "VERB" && !/ing$/.test(ctx.lower[m]!) && ctx.lower[m - 1] !== "to") return true;
  }
  return false;
}

/** The subject of the sentence: the source of an earlier attribution in it, or its first name or pronoun. */
export function sentenceSubject(
  ctx: AttributionContext,
  a: number,
  j: number,
  sentenceAtts: RawAttribution[],
): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const prior = sentenceAtts.find((x) => x.sourceTok);
  if (prior?.sourceTok) return prior.sourceTok;
  let m = a;
  while (m < j && tokens[m]!.pos !== "VERB" && tokens[m]!.pos !== "AUX") m++;
  const np = m > a ? npLeft(ctx, skipLeftModifiers(ctx, m - 1, a), a) : null;
  return np && subjectOk(ctx, np, "stance") ? np : null;
}

export function hasName(ctx: AttributionContext, np: [number, number]): boolean {
  for (let k = np[0]; k <= np[1]; k++) if (ctx.tok.tokens[k]!.pos === "PROPN") return true;
  return false;
}

/** "Scott Pruitt, the attorney general of Oklahoma, said": a name followed by comma-separated appositives. */
export function appositiveSource(ctx: AttributionContext, j: number, a: number): [number, number] | null {
  const tokens = ctx.tok.tokens;
  let cur = j;
  let best: [number, number] | null = null;
  for (let step = 0; step < 3; step++) {
    let k = cur - 1;
    // (An apostrophe after a plural, "veterans' families", is a possessive, not a quote mark.)
    while (
      k >= a &&
      cur - k <= 30 &&
      !isCommaLike(tokens[k]!.value) &&
      !isQuoteMark(tokens[k]!.value) &&
      (tokens[k]!.value !== "'" ||
        (k > a && /s$/i.test(tokens[k - 1]!.value) && tokens[k - 1]!.end === tokens[k]!.start))
    )
      k--;
    if (k < a || !isCommaLike(tokens[k]!.value)) {
      const np0 = npLeft(ctx, cur - 1, a, false);
      if (np0 && hasName(ctx, np0) && np0[0] === k + 1) best = [np0[0], j - 1];
      break;
    }
    const np1 = npLeft(ctx, k - 1, a, false);
    const headLw = np1 ? ctx.lower[np1[1]]! : "";
    // ", who …,": a relative "who" says the noun before it is a person, whatever the noun.
    const personRel = ctx.lower[k + 1] === "who" && tokens[np1?.[1] ?? k]!.pos === "NOUN";
    if (
      !np1 ||
      !(
        hasName(ctx, np1) ||
        hasName(ctx, [k + 1, cur - 1]) ||
        AGENT_NOUNS.has(headLw) ||
        EVIDENCE_NOUNS.has(headLw) ||
        personRel
      )
    )
      break;
    best = [np1[0], j - 1];
    if (np1[0] - 1 >= a && isCommaLike(tokens[np1[0] - 1]!.value)) cur = np1[0] - 1;
    else break;
  }
  return best && (relativeOwner(ctx, best[0], a, j) ?? best);
}

/**
 * "Ann Roe, a retired profiler who helped catch Ivo Marr -- who …", told: a name that is the object of a "who"
 * clause is not the speaker; the clause's head, the name before its description, is.
 */
function relativeOwner(ctx: AttributionContext, s: number, a: number, j: number): [number, number] | null {
  const tokens = ctx.tok.tokens;
  let verb = false;
  for (let m = s - 1; m >= a && s - m <= 25; m--) {
    const lw = ctx.lower[m]!;
    if (tokens[m]!.pos === "VERB") verb = true;
    if (lw !== "who") continue;
    if (!verb) return null;
    const head = npLeft(ctx, m, a);
    return head && head[0] < m && hasName(ctx, [head[0], m - 1]) && /^\p{Lu}/u.test(tokens[head[0]]!.value)
      ? [head[0], j - 1]
      : null;
  }
  return null;
}

/** True when token j (just before the speaker or verb) closes the content: a comma or closing quote. */
export function isBoundaryBefore(ctx: AttributionContext, j: number): boolean {
  const v = ctx.tok.tokens[j]!.value;
  if (v === ",") return true;
  return ctx.quotes.byEnd.has(ctx.tok.tokens[j]!.end);
}

/** The token before a time phrase ("on Friday", "this month", "last week", "in 2014") or a comma-enclosed adverb (", however,") ending at j; j when there is none. */
export function skipTimeGap(ctx: AttributionContext, j: number, a: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (j - 2 >= a && lower[j] === "," && tokens[j - 1]!.pos === "ADV" && lower[j - 2] === ",") return j - 3;
  let k = j;
  let timeSeen = false;
  while (k >= a && j - k < 5) {
    const lw = lower[k]!;
    if (
      DAY_WORDS.has(lw) ||
      MONTHS.has(lw) ||
      TIME_UNITS.has(lw) ||
      (tokens[k]!.pos === "NUM" && /^(1[89]|20)\d\d$/.test(lw))
    )
      timeSeen = true;
    else if (!(
      tokens[k]!.pos === "NUM" ||
      lw === "the" ||
      lw === "past" ||
      lw === "late" ||
      lw === "early" ||
      TIME_LEADS.has(lw)
    ))
      break;
    k--;
  }
  if (!timeSeen || k === j) return j;
  // The phrase opens with a preposition or a determiner of time ("on", "this", "last"), not with a bare noun.
  const first = lower[k + 1]!;
  if (!TIME_LEADS.has(first)) return j;
  return k;
}

/** A subject whose head noun is followed by a participle phrase ending at j ("the poll released Friday", "data taken from the census"). */
export function postModifiedSubject(
  ctx: AttributionContext,
  j: number,
  a: number,
  cls: CueClass,
): [number, number] | null {
  const tokens = ctx.tok.tokens;
  for (let m = j; m >= a && j - m < 10; m--) {
    const t = tokens[m]!;
    if (t.pos === "PUNCT" || t.pos === "AUX" || RELATIVE.has(ctx.lower[m]!) || isQuoteMark(t.value)) return null;
    if (t.pos !== "VERB") continue;
    const lw = ctx.lower[m]!;
    // A past participle after a poll, report or study ("released", "taken", "conducted"), or a present one after any agent ("representing").
    const past = /(ed|en|wn)$/.test(lw);
    const present = /ing$/.test(lw);
    if ((!past && !present) || m - 1 < a) return null;
    const h = tokens[m - 1]!;
    if (h.pos !== "NOUN") return null;
    const head = ctx.lower[m - 1]!;
    const hl = h.lemma.toLowerCase();
    if (
      past
        ? !(EVIDENCE_NOUNS.has(head) || EVIDENCE_NOUNS.has(hl))
        : !(AGENT_NOUNS.has(head) || AGENT_NOUNS.has(hl) || EVIDENCE_NOUNS.has(head))
    )
      return null;
    const np = npLeft(ctx, m - 1, a, false);
    if (!np || !subjectOk(ctx, np, cls)) return null;
    return [np[0], j];
  }
  return null;
}

/** A crude verb lemma for a mis-tagged word, kept only when the cue lexicon knows it. */
export function guessVerbLemma(w: string): string | null {
  const cands: string[] = [];
  if (w.endsWith("ing")) cands.push(w.slice(0, -3), w.slice(0, -3) + "e", w.slice(0, -4));
  else if (w.endsWith("ies")) cands.push(w.slice(0, -3) + "y");
  else if (w.endsWith("es")) cands.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith("s")) cands.push(w.slice(0, -1));
  else if (w.endsWith("ed")) cands.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  for (const c of cands) if (c.length > 2 && lookupCue(c)) return c;
  return null;
}

/** "not to be named", "to be identified", "anonymity" starting at k: the index of its last token, or -1. */
export function anonymityRequestEnd(ctx: AttributionContext, k: number, b: number): number {
  const lower = ctx.lower;
  if (k > b) return -1;
  if (lower[k] === "anonymity") return k;
  let m = k;
  if (lower[m] === "not") m++;
  if (lower[m] !== "to") return -1;
  m++;
  if (lower[m] === "be" && ANONYMITY_WORDS.has(lower[m + 1] ?? "")) return m + 1 <= b ? m + 1 : -1;
  // "declined to give her name"
  if (
    (lower[m] === "give" || lower[m] === "provide") &&
    /^(his|her|their|its)$/.test(lower[m + 1] ?? "") &&
    lower[m + 2] === "name"
  )
    return m + 2 <= b ? m + 2 : -1;
  return -1;
}

/** "An official who asked not to be named said …": the relative clause ending at j; the index of its "who", or -1. */
export function anonymityClauseBefore(ctx: AttributionContext, j: number, a: number): number {
  for (let w = j - 3; w >= a && w >= j - 9; w--) {
    const lw = ctx.lower[w];
    if (
      (lw === "who" || lw === "that") &&
      ANONYMITY_VERBS.has(ctx.tok.tokens[w + 1]!.lemma.toLowerCase()) &&
      anonymityRequestEnd(ctx, w + 2, j) === j
    )
      return w;
  }
  return -1;
}
