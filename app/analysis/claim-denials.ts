// Denials and rebuttals that answer a claim from outside its own words: a "falsely" or "a false claim" around its
// attribution, a later sentence that rebuts it by pointing back ("Halberd denied the allegation", "Velasko called
// the report false"), or a later sentence that repeats its words under a negation ("The pier was not 'a total
// loss'"). Precision first: a claim is marked only where the link is explicit; shared words alone never link.
import type { Attribution, Span } from "./types";
import { STOP_WORDS } from "./stem";

/** The part of a claim these rules read and write. */
export interface DeniableClaim {
  span: Span;
  text: string;
  stance: string;
  attributionId: string | null;
  sourceName: string | null;
  evidence: string[];
  /** Where the denial or rebuttal stands in the text (the words quoted as its evidence). */
  denial?: Span;
}

export const DENIAL_RULES: Record<string, string> = {
  "stance.denied-frame":
    'The writer frames the attribution as false or unproven around its cue ("falsely claimed", "…, making a false claim", "said, without evidence, that").',
  "stance.denied-rebuttal":
    'A later sentence of the same or the next paragraph rebuts a claim someone made by pointing back at it ("X denied the allegation", "X dismissed that criticism", "X called the report false", "there is no evidence for the claim"); negated or refused denials ("did not deny", "declined to dispute") do not count.',
  "stance.denied-echo":
    'A later sentence repeats three or more of the claim\'s own words right after a negation (two of them content words, or one when the claim is at most two sentences back) ("… was not “a war of choice”"): within the next two paragraphs, or anywhere after it when the repeated words are quoted.',
};

/** "falsely claimed P": a word of the writer's right before the cue. */
const FALSE_BEFORE_CUE =
  /\b(?:falsely|wrongly|incorrectly|baselessly)\s+(?:(?:and|has|have|had|also|repeatedly|again)\s+)*$/i;
/** "…, making a false claim", "said, without evidence, that": the writer's words around the attribution. */
const FALSE_AROUND =
  /\b(?:(?:making|in|with|repeating)\s+an?\s+(?:false|untrue|baseless|unfounded|unsupported|inaccurate|debunked)\s+(?:claim|statement|assertion|accusation)|without (?:offering |providing |citing |giving |presenting )?(?:any )?evidence|a claim (?:that is|which is) (?:false|untrue|baseless|unfounded))\b/i;

const REBUT_VERB =
  "(?:denied|denies|deny|denying|rejected|rejects|rejecting|dismissed|dismisses|dismissing|disputed|disputes|disputing|refuted|refutes|refuting|rebutted|rebuts|rebutting|contradicted|contradicts|debunked)";
const REBUT_ADV =
  "(?:(?:has|have|had|flatly|strongly|repeatedly|categorically|vehemently|firmly|swiftly|quickly|immediately|also|again|previously|long|publicly|emphatically|angrily)\\s+){0,3}";
const CLAIM_NOUN =
  "(?:allegations?|accusations?|claims?|charges?|criticisms?|reports?|notion|assertions?|suggestions?|characteri[sz]ations?|account|story|stories|idea|contention|theory|rumou?rs?)";
/** What points back at a claim: "the allegation", "those claims", "his account", "it". */
const POINTER = `(?:(?:the|that|those|these|this|such|all|his|her|their|both)\\s+(?:[\\p{L}-]+\\s+){0,2}?${CLAIM_NOUN}|it|them)`;
const FALSE_WORD =
  "(?:false|untrue|not true|baseless|unfounded|groundless|fabricated|fake|a lie|lies|a fabrication|inaccurate|incorrect|a hoax|wrong)";

const REBUTTALS: RegExp[] = [
  // "X denied the allegation", "X dismissed that criticism"
  new RegExp(
    `\\b${REBUT_ADV}${REBUT_VERB}\\s+(${POINTER})(?=\\s*(?:[.,;:!)"”’]|$|\\s+(?:as|and|but|in|on|at|to|with|from|during)\\b))`,
    "iu",
  ),
  // "X called the report false", "dismissed the claims as baseless"
  new RegExp(
    `\\b(?:called|calling|calls|call|labell?ed|described|branded|termed|dismissed|dismissing|dismisses)\\s+(${POINTER})\\s+(?:as\\s+)?(?:(?:completely|totally|entirely|simply|utterly)\\s+)?${FALSE_WORD}\\b`,
    "iu",
  ),
  // "The report is false", "Those claims were baseless" (a sentence that opens with the pointer)
  new RegExp(
    `^[\\s"“‘']*(${POINTER}|that|this)\\s+(?:is|are|was|were)\\s+(?:(?:completely|totally|entirely|simply|utterly|also)\\s+)?${FALSE_WORD}\\b`,
    "iu",
  ),
  // "There is no evidence for the claim"
  new RegExp(
    `\\bthere (?:is|was|has been|had been) no (?:evidence|proof) (?:for|of|to support|supporting|backing)\\s+(${POINTER})`,
    "iu",
  ),
];
const FALSE_STEMS = /false|true|baseless|unfounded|groundless|fabricat|fake|lie|inaccurate|incorrect|hoax|wrong/iu;
/**
 * For each of REBUTTALS, words it cannot match without (a stem of its verbs, false-words, "evidence"/"proof"), with
 * its flags: a sentence without them skips that pattern (a speed-up, same result).
 */
const REBUTTAL_GATES: RegExp[][] = [
  [/deni|deny|reject|dismiss|disput|refut|rebut|contradict|debunk/iu],
  [/call|label|described|branded|termed|dismiss/iu, FALSE_STEMS],
  [FALSE_STEMS],
  [/there/iu, /evidence|proof/iu],
];
/** Letters the negation pattern of markRebuttals cannot match without (none of them case-folds outside ASCII). */
const NEGATION_GATE = /not|n['’]t/i;
/** A negated or refused rebuttal ("did not deny it", "refused to dispute the report", "neither confirm nor deny"). */
const NEGATED_BEFORE = /\b(?:not|never|nor|neither|no|to|n['’]t)\s+(?:\w+\s+)?$/i;

interface Sentence {
  span: Span;
  /** Index of the paragraph the sentence is in. */
  paragraph: number;
}

function sentencesWithParagraphs(text: string, sentences: Span[]): Sentence[] {
  let p = 0;
  return sentences.map((s, i) => {
    if (i > 0 && /\n/.test(text.slice(sentences[i - 1]!.end, s.start))) p++;
    return { span: s, paragraph: p };
  });
}

function sentenceIndex(ss: Sentence[], pos: number): number {
  let lo = 0;
  let hi = ss.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid]!.span.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Content words of a string, lower case (for "the claim names the rebutter"). */
function contentWords(s: string): Set<string> {
  return new Set(
    (s.toLowerCase().match(/[\p{L}]+/gu) ?? []).filter(
      (w) => w.length > 2 && !STOP_WORDS.has(w) && !/^(?:who|whose|also|spokes\w+)$/.test(w),
    ),
  );
}

/** Capitalised words of a string (for "the rebutter is not the claim's own source"). */
function capitals(s: string | null): Set<string> {
  return new Set((s ?? "").match(/\p{Lu}[\p{L}’'-]+/gu)?.map((w) => w.toLowerCase()) ?? []);
}

function markDenied(c: DeniableClaim, rule: string, text: string, at: Span): void {
  c.stance = "denied";
  c.denial = at;
  c.evidence = ["stance.denied", rule, text.slice(at.start, at.end).replace(/\s+/g, " ").trim()];
}

/** The writer frames an attribution as false: returns the words that do it and where, or null. */
export function denialFrame(text: string, a: Attribution, sentence: Span): Span | null {
  if (!a.cue) return null;
  const before = text.slice(Math.max(sentence.start, a.cue.start - 40), a.cue.start);
  const m = FALSE_BEFORE_CUE.exec(before);
  if (m) {
    const start = a.cue.start - before.length + m.index;
    return { start, end: a.cue.end };
  }
  // The sentence's words outside the attribution's content, with the content blanked (offsets kept).
  let own = text.slice(sentence.start, sentence.end);
  for (const c of a.content) {
    const from = Math.max(c.start, sentence.start) - sentence.start;
    const to = Math.min(c.end, sentence.end) - sentence.start;
    if (to > from) own = own.slice(0, from) + " ".repeat(to - from) + own.slice(to);
  }
  const n = FALSE_AROUND.exec(own);
  return n ? { start: sentence.start + n.index, end: sentence.start + n.index + n[0].length } : null;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
function tokens(s: string): { w: string; start: number; end: number }[] {
  return [...s.matchAll(WORD)].map((m) => ({
    w: m[0].toLowerCase().replace(/’/g, "'"),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

/**
 * Marks claims answered by a later rebuttal (pointing back) or a negated repetition of their words. `claims` are in
 * text order; a claim already denied, or one inside the rebutting sentence, is never the one marked.
 */
export function markRebuttals(text: string, sentenceSpans: Span[], claims: DeniableClaim[]): void {
  const ss = sentencesWithParagraphs(text, sentenceSpans);
  const sentenceOf = (c: DeniableClaim) => sentenceIndex(ss, c.span.start);
  // A claim's words, read once for this call (a quoted negation compares itself with every earlier claim).
  const claimTokens = new Map<DeniableClaim, { w: string; start: number; end: number }[]>();
  const tokensOf = (c: DeniableClaim) => {
    let ct = claimTokens.get(c);
    if (!ct) claimTokens.set(c, (ct = tokens(c.text)));
    return ct;
  };
  for (let si = 0; si < ss.length; si++) {
    const s = ss[si]!;
    const st = text.slice(s.span.start, s.span.end);
    // 1. A rebuttal that points back at a claim someone made.
    for (let r = 0; r < REBUTTALS.length; r++) {
      const gates = REBUTTAL_GATES[r]!;
      if (!gates[0]!.test(st) || (gates[1] && !gates[1].test(st))) continue;
      const m = REBUTTALS[r]!.exec(st);
      if (!m) continue;
      if (NEGATED_BEFORE.test(st.slice(0, m.index))) continue;
      const pointer = (m[1] ?? "").toLowerCase();
      const subject = st.slice(0, m.index);
      const rebutter = capitals(subject);
      const at = { start: s.span.start + m.index, end: s.span.start + m.index + m[0].length };
      // The claim answered: an earlier claim someone other than the rebutter made, in the sentence before (for "it",
      // "them") or up to two sentences back. In this paragraph, the closest whose sentence names the rebutter (a
      // participant), else the closest in the sentence right before; in the previous paragraph, only one naming them.
      const reach = /^(?:it|them)$/.test(pointer) ? 1 : 2;
      const names = contentWords(subject);
      const namesRebutter = (c: DeniableClaim) => {
        const cs = ss[sentenceOf(c)]!.span;
        return [...contentWords(text.slice(cs.start, cs.end))].some((w) => names.has(w));
      };
      let pick: DeniableClaim | null = null;
      let fallback: DeniableClaim | null = null;
      let earlier: DeniableClaim | null = null;
      for (let k = claims.length - 1; k >= 0; k--) {
        const c = claims[k]!;
        if (c.span.start >= s.span.start) continue;
        const ci = sentenceOf(c);
        if (si - ci > reach || s.paragraph - ss[ci]!.paragraph > 1) break;
        if (ci === si || c.stance === "denied" || !c.attributionId) continue;
        if ([...capitals(c.sourceName)].some((w) => rebutter.has(w))) continue;
        if (ss[ci]!.paragraph === s.paragraph) {
          if (namesRebutter(c)) {
            pick = c;
            break;
          }
          if (si - ci === 1) fallback ??= c;
        } else if (!fallback && namesRebutter(c)) {
          earlier = c;
          break;
        }
      }
      pick ??= fallback ?? earlier;
      if (pick) markDenied(pick, "stance.denied-rebuttal", text, at);
      break;
    }
    // 2. A negation followed by the claim's own words (NEGATION_GATE: most sentences have none).
    if (!NEGATION_GATE.test(st)) continue;
    for (const neg of st.matchAll(/\b(?:not|n['’]t)\s+(["“‘']?)/giu)) {
      const after = st.slice(neg.index! + neg[0].length);
      if (
        /^(?:only|just|merely|even|yet|to|because|least|so|as|that|in|on|at|for|be|been|have|a single)\b/i.test(after)
      )
        continue;
      const quoted = !!neg[1];
      const phrase = tokens(after.split(/[.;:!?,(—–]/)[0] ?? "").slice(0, 10);
      if (phrase.length < 3) continue;
      const negAt = s.span.start + neg.index!;
      // Who says the negation: a speaker restating their own view in the negative is not rebutting it.
      const sayer = claims.find((c) => c.span.start <= negAt && negAt < c.span.end);
      for (let k = claims.length - 1; k >= 0; k--) {
        const c = claims[k]!;
        if (c.span.end > s.span.start || c.stance === "denied") continue;
        if (sayer?.sourceName && c.sourceName && sameSpeaker(sayer.sourceName, c.sourceName)) continue;
        const ci = sentenceOf(c);
        if (!quoted && s.paragraph - ss[ci]!.paragraph > 2) break;
        const ct = tokensOf(c);
        const n = echoLength(phrase, ct);
        if (n < 3) continue;
        const echoed = phrase.slice(0, n);
        // Two content words, or one when the claim is at most two sentences back ("not the only country").
        const contentN = echoed.filter((t) => t.w.length > 2 && !STOP_WORDS.has(t.w)).length;
        if (contentN < 2 && (contentN < 1 || si - ci > 2)) continue;
        // The claim carries the words positively (no negation right before them there).
        const first = ct.findIndex((_, i) => ct.slice(i, i + n).every((t, j) => t.w === echoed[j]!.w));
        const pre = c.text.slice(Math.max(0, (ct[first]?.start ?? 0) - 12), ct[first]?.start ?? 0);
        if (/\b(?:not|no|never)\s+\S*$|n['’]t\s+\S*$/i.test(pre)) continue;
        const end = s.span.start + neg.index! + neg[0].length + echoed[n - 1]!.end;
        markDenied(c, "stance.denied-echo", text, { start: negAt, end: Math.min(end + 1, s.span.end) });
        break;
      }
    }
  }
}

function sameSpeaker(a: string, b: string): boolean {
  const x = capitals(a);
  return a.toLowerCase() === b.toLowerCase() || [...capitals(b)].some((w) => x.has(w));
}

/** The longest prefix of `phrase` found as a run of words in `claim`. */
function echoLength(phrase: { w: string }[], claim: { w: string }[]): number {
  let best = 0;
  for (let i = 0; i < claim.length; i++) {
    let n = 0;
    while (n < phrase.length && i + n < claim.length && claim[i + n]!.w === phrase[n]!.w) n++;
    if (n > best) best = n;
  }
  return best;
}
