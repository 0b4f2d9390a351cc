// One claim per proposition: a sentence of the writer's that states two ("X resigned on Friday, and Y named a
// successor"; "…; …"; "…, but pressure has grown") gives two claims, each with its own span, terms and stance, so a
// comparison can carry one without the other. Splits only between main clauses that each have a subject and a finite
// verb of their own and at least four words; everything else stays one claim. Measured on BASIL dev (README,
// Decisions): relative clauses and the speakers' own words split as well cost more grouping recall than they gained.
import type { Span } from "./types";
import { wordAt, type Word } from "./words";

export const PROPOSITION_RULES: Record<string, string> = {
  "claim.proposition":
    'A sentence in the writer\'s own voice that joins two main clauses, each with a subject and a finite verb ("X resigned on Friday, and Y named a successor", "…; …", "…, while Y …", "…, but pressure has grown"), gives one claim for each, with its own span and stance (a hedge or a denial stays with the clause that holds it).',
};

/** The part of a claim this step reads and writes. */
export interface SplittableClaim {
  span: Span;
  spans: Span[];
  text: string;
  stance: string;
  attributionId: string | null;
  terms: string[];
  evidence: string[];
  denial?: Span;
}

/** A part needs this many words (letters or digits) to stand as a proposition. */
const MIN_WORDS = 4;
const COORD = /^(?:and|but|yet|while|whereas)$/i;
/** Conjunctions that say how the two clauses relate: they stay at the head of the second claim. */
const KEEP = /^(?:while|whereas)$/i;
const SUBJECT_POS = new Set(["PRON", "PROPN", "NOUN", "DET", "NUM", "ADJ"]);
const RELATIVE_WORD = /^(?:who|which|that|whom|whose)$/i;

function isWord(w: Word): boolean {
  return /[\p{L}\p{N}]/u.test(w.text);
}

/** A finite verb: a verb or auxiliary not in -ing, not a bare infinitive after "to". */
function finite(words: Word[], i: number): boolean {
  const w = words[i];
  if (!w || (w.pos !== "VERB" && w.pos !== "AUX")) return false;
  if (/ing$/i.test(w.text)) return false;
  return words[i - 1]?.lower !== "to";
}

function hasFinite(words: Word[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (finite(words, i)) return true;
  return false;
}

function countWords(words: Word[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isWord(words[i]!)) n++;
  return n;
}

/**
 * After a conjunction at `i`: a subject of its own (up to seven words, no comma, no relative pronoun) then a finite
 * verb. "…, and picked up 19 seats" (no subject) and "…, and the voters who elected him" (no verb of its own) are not.
 */
function clauseAfter(words: Word[], i: number, end: number): boolean {
  let subject = 0;
  for (let k = i + 1; k < end && k <= i + 7; k++) {
    const w = words[k]!;
    if (finite(words, k)) return subject > 0;
    if (w.text === "," || w.text === ";" || RELATIVE_WORD.test(w.text)) return false;
    if (SUBJECT_POS.has(w.pos)) subject++;
    else if (w.pos !== "ADV" && w.pos !== "ADP" && w.pos !== "PUNCT" && w.pos !== "PART") return false;
  }
  return false;
}

/** The first cut between two main clauses in words [lo, hi): the separator's first word and the conjunction's. */
function findCut(words: Word[], lo: number, hi: number): { from: number; to: number } | null {
  for (let i = lo + 1; i < hi - 1; i++) {
    const w = words[i]!;
    const semicolon = w.text === ";";
    if (!semicolon && !(w.text === "," && COORD.test(words[i + 1]?.text ?? ""))) continue;
    const conj = semicolon ? i : i + 1;
    if (
      (semicolon ? hasFinite(words, conj + 1, hi) : clauseAfter(words, conj, hi)) &&
      hasFinite(words, lo, i) &&
      countWords(words, lo, i) >= MIN_WORDS &&
      countWords(words, conj + 1, hi) >= MIN_WORDS
    )
      return { from: i, to: conj };
  }
  return null;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:—–-]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The spans of the main clauses of a span of text (at most four), or null when it holds one. */
export function propositionSpans(text: string, words: Word[], span: Span, max = 4): Span[] | null {
  const lo = wordAt(words, span.start);
  let hi = lo;
  while (hi < words.length && words[hi]!.end <= span.end) hi++;
  if (hi - lo < 2 * MIN_WORDS + 1) return null;
  const cut = findCut(words, lo, hi);
  if (!cut) return null;
  const conj = words[cut.to]!;
  const left = trimSpan(text, { start: span.start, end: words[cut.from]!.start });
  const right = trimSpan(text, { start: KEEP.test(conj.text) ? conj.start : conj.end, end: span.end });
  if (left.end <= left.start || right.end <= right.start) return null;
  // The second part may join two clauses again ("A, and B; C").
  const more = max > 2 ? propositionSpans(text, words, right, max - 1) : null;
  return [left, ...(more ?? [right])];
}

/**
 * Splits each claim in the writer's own voice (no attribution, one piece) that joins main clauses into one claim per
 * clause, in place. Each keeps the claim's stance, except that a hedge or a denial found in another clause leaves it
 * asserted.
 */
export function splitPropositions<C extends SplittableClaim>(
  text: string,
  words: Word[],
  claims: C[],
  termsOf: (span: Span) => string[],
  hedgeIn: (span: Span) => boolean,
): void {
  // One pass over the claims into a new list (no search and splice per split claim), written back in place.
  const result: C[] = [];
  for (const c of claims) {
    const parts = c.attributionId || c.spans.length !== 1 ? null : propositionSpans(text, words, c.span);
    if (!parts) {
      result.push(c);
      continue;
    }
    const made = parts.map((span) => {
      const inside = (s: Span) => span.start <= s.start && s.end <= span.end;
      let stance = c.stance;
      let evidence = [...c.evidence, "claim.proposition"];
      let denial = c.denial;
      // A denial the claim's own sentence holds stays with the clause that holds it.
      const denialInClaim = c.denial && c.denial.start >= c.span.start && c.denial.end <= c.span.end;
      if (c.denial && denialInClaim && !inside(c.denial)) {
        stance = "asserted";
        denial = undefined;
        evidence = ["stance.asserted", "claim.proposition"];
      } else if (c.stance === "hedged" && !hedgeIn(span)) {
        stance = "asserted";
        evidence = ["stance.asserted", "claim.proposition"];
      }
      const out: C = {
        ...c,
        span,
        spans: [span],
        text: text.slice(span.start, span.end),
        terms: termsOf(span),
        stance,
        evidence,
      };
      if (denial) out.denial = denial;
      else delete out.denial;
      return out;
    });
    result.push(...made);
  }
  claims.length = 0;
  for (const c of result) claims.push(c);
}
