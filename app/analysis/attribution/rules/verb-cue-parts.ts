// Parts of the reporting-verb matcher (verb-cue.ts): the speaker phrase before a cue, the content after
// "X said", a participle clause fronted before its subject, and a colon introducing a quotation.
import { startsWithQuote } from "../../quotes";
import { contentAfterCue, firstCommaOutsideQuotes } from "../cue-content";
import {
  type AttributionContext,
  type CueFields,
  type RawAttribution,
  fromCue,
  kindOf,
  span,
  tokenAt,
  trimSpan,
  withSource,
} from "../context";
import {
  anonymityClauseBefore,
  appositiveSource,
  postModifiedSubject,
  sentenceSubject,
  skipTimeGap,
  subjectOk,
} from "../phrases";
import { isCommaLike, npLeft, npRight } from "../noun-phrases";
import { ADVERBIAL_OPENERS, PARTICLE_WORDS, QUANT_SUBJECTS, WH_OPENERS } from "../word-sets";

/** Participles of polling that describe a group of respondents ("voters polled", "those surveyed"). */
const POLLED = new Set(["polled", "surveyed", "questioned", "interviewed", "sampled"]);
const PLURAL_DEMONSTRATIVES = new Set(["those", "these"]);
/** "Many of them", "most of us": a group pronoun after a quantifier and "of". */
const OBJ_GROUP = new Set(["them", "us", "those", "these"]);
/** Nouns of quantity that head a speaker phrase with "of" ("half of voters", "56 percent of respondents"). */
const PARTITIVES = new Set([
  "percent",
  "%",
  "half",
  "third",
  "thirds",
  "quarter",
  "quarters",
  "majority",
  "plurality",
  "minority",
  "share",
  "number",
  "portion",
]);
const APPROX = new Set([
  "some",
  "about",
  "nearly",
  "almost",
  "roughly",
  "around",
  "over",
  "just",
  "only",
  "fully",
  "a",
  "the",
]);
import { type CueClass } from "../../cues";

/** The fields of an attribution that the cue alone decides. */
export type CueBase = CueFields;

/** The speaker phrase ending at token j before a cue (with time gaps, post-modifiers, appositives and coordinated verbs). */
export function subjectBeforeCue(
  ctx: AttributionContext,
  j: number,
  a: number,
  cls: CueClass,
  isIng: boolean,
  sentenceAtts: RawAttribution[],
): { np: [number, number]; coordinated: boolean } | null {
  const lower = ctx.lower;
  let np = npLeft(ctx, j, a);
  // "The Ledger on Saturday wrote …", "the court this month rejected …", "Some members, however, question …": a time phrase or a
  // comma-enclosed adverb between the subject and the cue.
  if (!isIng) {
    const g = skipTimeGap(ctx, j, a);
    if (g < j) {
      const np2 = npLeft(ctx, g, a);
      if (np2 && (!np || !subjectOk(ctx, np, cls)) && subjectOk(ctx, np2, cls)) np = np2;
    }
  }
  // "The latest poll released Friday shows …", "A union representing pilots endorsed …": a participle phrase after the subject's head.
  if (!isIng && j >= a && (!np || !subjectOk(ctx, np, cls))) {
    const pm = postModifiedSubject(ctx, j, a, cls);
    if (pm) np = pm;
  }
  if (!isIng && j > a) {
    const w = anonymityClauseBefore(ctx, j, a);
    const np3 = w > a ? npLeft(ctx, w - 1, a) : null;
    if (np3 && subjectOk(ctx, np3, cls)) np = np3;
  }
  if (!isIng) np = quantifiedSubject(ctx, j, a, np) ?? np;
  let coordinated = false;
  if (!np && j >= a && isCommaLike(lower[j]!) && !isIng) np = appositiveSource(ctx, j, a);
  if (
    !np &&
    j >= a &&
    (lower[j] === "and" || lower[j] === "but" || lower[j] === "yet" || lower[j] === "or") &&
    !isIng
  ) {
    // "X is telling … and says …": the verb shares the sentence's subject.
    np = sentenceSubject(ctx, a, j, sentenceAtts);
    coordinated = true;
  }
  if (!np) return null;
  return { np, coordinated };
}

/** Quantities and quantified groups as speakers, ending at token j: "Most believe" (a clause-opening quantifier the
 * tagger read as an adverb), "Many of them think", "Some 56 percent of voters said", "those surveyed said". */
function quantifiedSubject(
  ctx: AttributionContext,
  j: number,
  a: number,
  np: [number, number] | null,
): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  const q = j + 1;
  if (
    !np &&
    q < tokens.length &&
    tokens[q]!.pos === "ADV" &&
    QUANT_SUBJECTS.has(lower[q]!) &&
    (q === a || lower[q - 1] === ",")
  )
    return [q, q];
  // "two-thirds said", "One in four say", "About three-quarters support": a bare share is the whole speaker.
  if (np && np[1] === j) {
    const s = shareStart(ctx, np[0], a);
    if (s < np[0]) return [s, j];
  }
  if (j < a || (np && np[1] !== j)) return null;
  const end = j;
  let start = np ? np[0] : j;
  // "voters polled", "those surveyed": a polling participle after the group it describes.
  if (POLLED.has(lower[j]!) && j - 1 >= a) {
    if (PLURAL_DEMONSTRATIVES.has(lower[j - 1]!)) return [j - 1, j];
    const g = npLeft(ctx, j - 1, a, false);
    if (!g || !(tokens[g[1]]!.pos === "NOUN" || tokens[g[1]]!.pos === "PROPN")) return null;
    start = g[0];
  } else if (!np && !(OBJ_GROUP.has(lower[j]!) && lower[j - 1] === "of")) return null;
  // "Many of them", "Some 56 percent of voters", "half of voters": the quantity before "of" is part of the speaker.
  if (tokens[start - 1]?.value === "of" && start - 2 >= a) {
    let k = start - 2;
    const lk = lower[k]!;
    if (QUANT_SUBJECTS.has(lk) || PARTITIVES.has(lk) || tokens[k]!.pos === "NUM") {
      while (
        k - 1 >= a &&
        (tokens[k - 1]!.pos === "NUM" ||
          QUANT_SUBJECTS.has(lower[k - 1]!) ||
          APPROX.has(lower[k - 1]!) ||
          (PARTITIVES.has(lower[k]!) && tokens[k - 1]!.pos === "NUM"))
      )
        k--;
      start = k;
    } else if (!np) return null;
  } else if (!np && !POLLED.has(lower[j]!)) return null;
  if (np && start === np[0] && end === np[1]) return null;
  return [start, end];
}

/** Where a share ending its phrase at token k starts: "two - thirds", "one in four", with "about" before; k when none. */
function shareStart(ctx: AttributionContext, k: number, a: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let s = k;
  if (k - 2 >= a && lower[k - 1] === "-" && PARTITIVES.has(lower[k]!) && tokens[k - 2]!.pos === "NUM") s = k - 2;
  else if (k - 2 >= a && lower[k - 1] === "in" && tokens[k]!.pos === "NUM" && tokens[k - 2]!.pos === "NUM") s = k - 2;
  else return k;
  while (s - 1 >= a && APPROX.has(lower[s - 1]!) && lower[s - 1] !== "a" && lower[s - 1] !== "the") s--;
  return s;
}

/** "X said (that) …", "X said: …": the source stands before the cue and the content after it. */
export function contentAfterSource(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  cueEndTok: number,
  found: { lemma: string; cls: CueClass; withParticle: boolean },
  base: CueBase,
  np: [number, number],
): RawAttribution | null {
  const { tok, lower, text } = ctx;
  const tokens = tok.tokens;
  const { lemma, cls, withParticle } = found;
  // The source stands before the cue and the content after it.
  const k = cueEndTok + 1;
  if (k <= b && lower[k] === ":") return colonIntro(ctx, k, base, np);
  if (k + 1 <= b && lower[k] === "that" && lower[k + 1] === ":") return colonIntro(ctx, k + 1, base, np);
  // "Mayor Roe told a press conference on Wednesday:" and a quoted paragraph: the listener and the time are no content.
  if (
    b > k &&
    tokens[b]!.value === ":" &&
    ctx.para[b] === ctx.para[i] &&
    !tokens.slice(k, b).some((t) => t.pos === "VERB" || t.pos === "AUX" || /^[“”"‘’«»]$/.test(t.value))
  ) {
    const q = colonIntro(ctx, b, base, np);
    if (q && q.rule === "quote.colon-intro") return q;
  }
  const content = contentAfterCue(ctx, k, b, lemma, cls);
  if (!content) return null;
  // "she said at a forum", "he said before he left": a time or place phrase is no reported content.
  if (!withParticle) {
    const f = tokenAt(tokens, content.start);
    if (
      f >= 0 &&
      ADVERBIAL_OPENERS.has(lower[f]!) &&
      (tokens[f]!.pos === "ADP" || tokens[f]!.pos === "SCONJ" || tokens[f]!.pos === "ADV") &&
      !/\bthat\b/.test(text.slice(content.start, content.end))
    )
      return null;
    // "the city backed out", "he showed up at the debate": a phrasal verb's particle is no content.
    if (f >= 0 && f === k && PARTICLE_WORDS.has(lower[f]!) && tokens[f]!.pos !== "NOUN" && tokens[f]!.pos !== "PROPN")
      return null;
  }
  // "X sees this as the epitome of betrayal:" followed by a quoted paragraph: the quotation is the content.
  if (tokens[b]!.value === ":" && ctx.para[b] === ctx.para[i]) {
    const nextQ = colonIntro(ctx, b, base, np);
    if (nextQ && nextQ.rule === "quote.colon-intro") return nextQ;
  }
  const direct = startsWithQuote(text, content.start) && ctx.quotes.byStart.get(content.start)?.end === content.end;
  const rule = direct
    ? "quote.source-cue-before"
    : cls === "speech"
      ? "indirect.said-that"
      : cls === "evidence"
        ? "indirect.evidence"
        : "indirect.stance";
  // "what the mayor says the levy would do": the fronted "what" is part of the reported clause, which ends with it.
  if (cls === "speech" && !direct && np[0] - 1 >= a && lower[np[0] - 1] === "what") {
    let e = tokenAt(tokens, content.start);
    let end = content.end;
    for (let m = e + 1; m <= b && tokens[m]!.start < content.end; m++) {
      if (
        lower[m] === "," ||
        ((lower[m] === "and" || lower[m] === "or") && m + 1 <= b && WH_OPENERS.has(lower[m + 1]!))
      ) {
        end = tokens[m - 1]!.end;
        break;
      }
      e = m;
    }
    const cut = trimSpan(text, content.start, end);
    const first = tokens[tokenAt(tokens, content.start)]!;
    // "what she said when she resigned": an adverbial clause after the cue is not part of the content.
    const whatOnly =
      first.pos === "SCONJ" ||
      (first.pos === "ADP" && lower[tokenAt(tokens, content.start)] !== "that") ||
      lower[tokenAt(tokens, content.start)] === "when";
    if (whatOnly)
      return fromCue(base, "indirect", np, span(ctx, np[0], np[1]), [span(ctx, np[0] - 1, np[0] - 1)], rule);
    if (cut)
      return fromCue(base, "indirect", np, span(ctx, np[0], np[1]), [span(ctx, np[0] - 1, np[0] - 1), cut], rule);
  }
  return fromCue(base, direct ? "direct" : kindOf(ctx, content), np, span(ctx, np[0], np[1]), [content], rule);
}

/** "Citing a report, the mayor said …": the participle's object up to the comma is the content, the subject after the comma the source. */
export function frontedParticiple(ctx: AttributionContext, k: number, b: number, base: CueBase): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const m = firstCommaOutsideQuotes(ctx, k, b, k + 40);
  if (m < 0 || m === k || m + 1 > b) return null;
  const src = npRight(ctx, m + 1, b);
  if (!src || !subjectOk(ctx, src, "stance")) return null;
  // The subject must be followed by its verb ("…, the mayor said"), not be the start of a list.
  const v = src[1] + 1 <= b ? tokens[src[1] + 1]! : undefined;
  if (!v || !(v.pos === "VERB" || v.pos === "AUX" || v.pos === "ADV")) return null;
  const c = trimSpan(ctx.text, tokens[k]!.start, tokens[m - 1]!.end);
  if (!c) return null;
  return withSource(ctx, base, src, c, "indirect.participle-fronted");
}

export function colonIntro(
  ctx: AttributionContext,
  colonTok: number,
  base: CueBase,
  np: [number, number],
): RawAttribution | null {
  const text = ctx.text;
  let p = ctx.tok.tokens[colonTok]!.end;
  while (p < text.length && /\s/.test(text[p]!)) p++;
  if (p >= text.length) return null;
  const q = ctx.quotes.byStart.get(p);
  const source = span(ctx, np[0], np[1]);
  if (q) return fromCue(base, "direct", np, source, [{ start: q.start, end: q.end }], "quote.colon-intro");
  // Unquoted: the rest of the paragraph the colon opens.
  const paraIdx = ctx.tok.paragraphs.findIndex((x) => x.start <= p && p < x.end);
  if (paraIdx < 0) return null;
  const c = trimSpan(text, p, ctx.tok.paragraphs[paraIdx]!.end);
  if (!c) return null;
  return fromCue(base, "indirect", np, source, [c], "indirect.colon");
}
