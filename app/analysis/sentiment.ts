// Sentence sentiment with the shipped lexicon (lexicons/sentiment.json, MIT): valences summed, normalised like
// VADER (x / sqrt(x^2 + 15)), read in their sentence: negation scope, contrast, quotation (quoted words belong to
// the speaker, not the writer) and, per actor, the actor's role (the target of a harmful act is not charged with it).
import sentimentLexicon from "./lexicons/sentiment.json";
import type { Span } from "./types";
import type { Mention } from "./actors";
import type { Word } from "./words";
import { voiceAt, type Voice } from "./markers";
import { nameRuns } from "./frames";

const VALENCE = new Map<string, number>(Object.entries(sentimentLexicon.entries.valence));
const NEGATORS = new Set(sentimentLexicon.entries.negators);
const INTENSIFIERS = new Set(sentimentLexicon.entries.intensifiers);
/** Verbs that negate the verb after them ("failed to stop", "refused to condemn"); they carry no valence themselves there. */
const NEGATING_VERBS = new Set(["fail", "refuse", "decline", "cease", "stop"]);
const CONTRAST_AFTER = new Set(["but", "however", "yet", "nevertheless", "nonetheless", "still"]);
const CONCESSIVE = new Set(["although", "though", "despite", "notwithstanding"]);
const CLAUSE_END = /^[,;:.!?()\u2013\u2014]+$/;
const BE = new Set([
  "was",
  "were",
  "is",
  "are",
  "be",
  "been",
  "being",
  "get",
  "got",
  "gets",
  "getting",
  "am",
  "'s",
  "’s",
]);
const TARGET_PREP = new Set(["on", "against", "of", "at", "upon"]);
/** Verbs of judging speech: what follows them is the content of the judgement, about someone else. */
const SPEECH_ACTS = new Set([
  "accuse",
  "blame",
  "condemn",
  "denounce",
  "criticise",
  "criticize",
  "deny",
  "reject",
  "allege",
  "warn",
  "decry",
  "charge",
]);

export interface SentimentHit {
  span: Span;
  entry: string;
  /** The valence after negation, intensifiers and contrast. */
  valence: number;
  voice: Voice;
  /** The negator that scoped over the word ("not", "failed to"), if any. */
  negatedBy?: string;
  /** A harmful act (negative verb, or negative noun with "on/against/of" after it): its target is not charged with it. */
  act?: "verb" | "noun";
  /** A verb of judging speech (accuse, condemn, deny): its subject is charged with neither it nor what follows it. */
  speechAct?: boolean;
}

export interface SentenceSentiment {
  sentence: number;
  span: Span;
  /** -1 … 1, from the words in the writer's voice only. */
  compound: number;
  /** -1 … 1, from the quoted words only (the speakers' tone); 0 when nothing quoted scores. */
  quotedCompound: number;
  hits: SentimentHit[];
}

/** One sentence behind an actor's score, with the words that made it (for display). */
export interface ActorEvidence {
  sentence: number;
  span: Span;
  /** The sentence's writer-voice score for this actor. */
  score: number;
  /** Writer-voice words counted for this actor. */
  words: { span: Span; entry: string; valence: number }[];
  /** Words left out for this actor: all of a sentence that makes it the target of a harmful act, quoted words, and
   *  a judging verb it is the subject of with what follows ("reported"). */
  excluded: { span: Span; entry: string; valence: number; why: "target" | "quoted" | "reported" }[];
}

export interface ActorSentiment {
  actorKey: string;
  /** Mean writer-voice score of the sentences that mention the actor (-1 … 1). */
  mean: number;
  /** Mean score of the quoted words in those sentences, over the sentences that quote any scored word; null if none. */
  quotedMean: number | null;
  sentences: number[];
  spans: Span[];
  evidence: ActorEvidence[];
  rule: string;
}

export const SENTIMENT_RULES: Record<string, string> = {
  "sentiment.lexicon":
    "A sentence's score sums the valences of its lexicon words in the writer's voice (intensified words grow), normalised to -1…1; quoted words make a separate score, the speaker's.",
  "sentiment.negation":
    'A negator (not, never, no longer, without, fail to, refuse to) flips the words after it up to the end of its clause (at most five words); a negated negative word counts at half strength, a negated harmful act ("not to attack") not at all.',
  "sentiment.contrast":
    'Words after "but", "however" or "yet" weigh 1.5 times, words before them half; a clause opened by "although", "though" or "despite" weighs half.',
  "sentiment.role":
    'An actor that a sentence makes the target of a harmful act (a negative verb, or a negative noun followed by on/against/of: the object after the verb, the subject of a passive, the noun after "on/against/of") is not charged with that sentence\'s words: they describe the agent.',
  "sentiment.named-entity": "A word inside a capitalised name (Justice Department, Islamic Jihad) carries no tone.",
  "sentiment.speech-act":
    "The subject of a judging verb (accuse, blame, condemn, deny, reject, warn) is charged with neither the verb nor the words after it: they are the content of its judgement, about someone else.",
  "sentiment.actor":
    "An actor's score is the mean writer-voice score of the sentences that mention it; it describes the wording around the name, not the actor.",
};

/** Cheap first test before the punctuation regex: most words start with an ASCII letter. */
function isLetterStart(t: string): boolean {
  const c = t.charCodeAt(0) | 32;
  return c >= 97 && c <= 122;
}
const norm = (x: number) => Math.round((x / Math.sqrt(x * x + 15)) * 1000) / 1000;
const isWordy = (w: Word) => /[\p{L}\p{N}]/u.test(w.text);

/** Scores every sentence that has at least one lexicon word (others score 0 and are not listed). */
export function scoreSentences(words: Word[], sentences: Span[], quoted: Span[] = []): SentenceSentiment[] {
  const out: SentenceSentiment[] = [];
  // Words inside a capitalised name ("Justice Department", "Islamic Jihad") are part of the name, not tone.
  const runs = nameRuns(words, false);
  let i = 0;
  while (i < words.length) {
    const s = words[i]!.sentence;
    let j = i;
    while (j < words.length && words[j]!.sentence === s) j++;
    const scored = scoreSentence(words, i, j, s, sentences, quoted, runs);
    if (scored) out.push(scored);
    i = j;
  }
  return out;
}

function scoreSentence(
  words: Word[],
  from: number,
  to: number,
  s: number,
  sentences: Span[],
  quoted: Span[],
  runs: ([number, number] | null)[],
): SentenceSentiment | null {
  const hits: SentimentHit[] = [];
  let negLeft = 0;
  let negWord = "";
  let concessive = false;
  let contrastAt = -1;
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (!isLetterStart(w.text) && CLAUSE_END.test(w.text)) {
      negLeft = 0;
      concessive = false;
      continue;
    }
    if (CONTRAST_AFTER.has(w.lower) && (w.pos === "CCONJ" || w.pos === "ADV" || w.pos === "SCONJ")) {
      if (w.lower !== "still" || CLAUSE_END.test(words[i - 1]?.text ?? ",")) {
        contrastAt = hits.length;
        negLeft = 0;
        concessive = false;
        continue;
      }
    }
    if (CONCESSIVE.has(w.lower) || (w.lower === "even" && words[i + 1]?.lower === "though")) {
      concessive = true;
      continue;
    }
    // "no longer", "not", "never", "fail to", "refuse to": open a negation scope over the next words of the clause.
    const next = words[i + 1];
    if (
      (w.lower === "no" && next?.lower === "longer") ||
      NEGATORS.has(w.lower) ||
      (NEGATING_VERBS.has(w.lemma) && next?.lower === "to")
    ) {
      negLeft = 5;
      negWord = NEGATING_VERBS.has(w.lemma)
        ? `${w.lower} to`
        : w.lower === "no" && next?.lower === "longer"
          ? "no longer"
          : w.lower;
      if (next?.lower === "longer" || next?.lower === "to") i++;
      continue;
    }
    let v = VALENCE.get(w.lower) ?? VALENCE.get(w.lemma);
    const run = runs[i];
    if (run && run[1] - run[0] > 1) v = undefined;
    if (v === undefined) {
      if (negLeft > 0 && isWordy(w)) negLeft--;
      continue;
    }
    const entry = VALENCE.has(w.lower) ? w.lower : w.lemma;
    const prev = words[i - 1];
    if (prev && INTENSIFIERS.has(prev.lower)) v += v > 0 ? 0.3 : -0.3;
    const hit: SentimentHit = { span: { start: w.start, end: w.end }, entry, valence: 0, voice: voiceAt(quoted, w) };
    if (SPEECH_ACTS.has(w.lemma) && w.pos === "VERB") hit.speechAct = true;
    if (v < 0) {
      if (w.pos === "VERB") hit.act = "verb";
      else if (w.pos === "NOUN" && TARGET_PREP.has(words[i + 1]?.lower ?? "")) hit.act = "noun";
    }
    if (negLeft > 0) {
      // A harmful act not done ("not to attack") is no praise: it counts nothing; other words flip.
      v = hit.act === "verb" ? 0 : v > 0 ? v * -0.74 : v * -0.5;
      hit.negatedBy = negWord;
      negLeft--;
    }
    if (concessive) v *= 0.5;
    hit.valence = Math.round(v * 100) / 100;
    hits.push(hit);
  }
  if (!hits.length) return null;
  if (contrastAt >= 0) {
    for (let k = 0; k < hits.length; k++) {
      const f = k < contrastAt ? 0.5 : 1.5;
      hits[k]!.valence = Math.round(hits[k]!.valence * f * 100) / 100;
    }
  }
  let writer = 0;
  let speech = 0;
  for (const h of hits) {
    if (h.voice === "writer") writer += h.valence;
    else speech += h.valence;
  }
  const span = sentences[s] ?? { start: words[from]!.start, end: words[to - 1]!.end };
  return { sentence: s, span, compound: norm(writer), quotedCompound: norm(speech), hits };
}

/** The actor of `m` is the target of the harmful act `h` (object after the verb, passive subject, "attack on X"). */
function isTarget(words: Word[], h: SentimentHit, m: Span): boolean {
  if (!h.act) return false;
  const hi = wordIndex(words, h.span.start);
  const mi = wordIndex(words, m.start);
  if (hi < 0 || mi < 0) return false;
  if (mi > hi) {
    // After the act: an object or "on/against/of X", unless "by X" (the agent of a passive).
    let n = 0;
    for (let k = hi + 1; k < mi; k++) {
      const w = words[k]!;
      if (CLAUSE_END.test(w.text) || w.lower === "by" || w.pos === "VERB" || w.lower === "and" || w.lower === "after")
        return false;
      if (isWordy(w)) n++;
      if (n > (h.act === "noun" ? 4 : 5)) return false;
    }
    return h.act === "verb" || TARGET_PREP.has(words[hi + 1]?.lower ?? "");
  }
  if (h.act !== "verb") return false;
  // Before the act: the subject of a passive ("X was attacked", "X were killed").
  let be = false;
  let n = 0;
  for (let k = wordIndex(words, m.end - 1) + 1; k < hi; k++) {
    const w = words[k]!;
    if (CLAUSE_END.test(w.text) && w.text !== ",") return false;
    // A verb between the actor and the passive means another clause ("X said three men were killed"): not its subject.
    if (w.pos === "VERB" && !BE.has(w.lower)) return false;
    if (BE.has(w.lower) || (w.pos === "AUX" && /^(be|get)$/.test(w.lemma))) be = true;
    if (isWordy(w)) n++;
    if (n > 6) return false;
  }
  return be && /(?:ed|en|wn|ot|uck|ung|ade)$/.test(words[hi]!.lower);
}

function wordIndex(words: Word[], pos: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (pos < w.start) hi = mid - 1;
    else if (pos >= w.end) lo = mid + 1;
    else return mid;
  }
  return lo < words.length ? lo : -1;
}

/** Writer-voice score around each actor, sentence by sentence, with the words behind it. */
export function actorSentiment(
  mentions: Mention[],
  sentences: Span[],
  scored: SentenceSentiment[],
  words: Word[] = [],
): ActorSentiment[] {
  const bySentence = new Map(scored.map((s) => [s.sentence, s]));
  const per = new Map<string, Map<number, Span[]>>();
  let si = 0;
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start);
  for (const m of sorted) {
    while (si < sentences.length && sentences[si]!.end <= m.span.start) si++;
    if (si >= sentences.length) break;
    const bySent = per.get(m.actorKey) ?? new Map<number, Span[]>();
    const list = bySent.get(si) ?? [];
    list.push(m.span);
    bySent.set(si, list);
    per.set(m.actorKey, bySent);
  }
  const out: ActorSentiment[] = [];
  for (const [actorKey, bySent] of per) {
    const ids = [...bySent.keys()].sort((a, b) => a - b);
    const evidence: ActorEvidence[] = [];
    let sum = 0;
    let qSum = 0;
    let qN = 0;
    for (const i of ids) {
      const sc = bySentence.get(i);
      const ev: ActorEvidence = { sentence: i, span: sentences[i]!, score: 0, words: [], excluded: [] };
      if (sc) {
        let x = 0;
        // The target of a harmful act in this sentence is its patient: the sentence's words describe the agent.
        const patient =
          words.length > 0 &&
          sc.hits.some((h) => h.voice === "writer" && bySent.get(i)!.every((m) => isTarget(words, h, m)));
        // The subject of a judging verb ("Egypt accused X of the killing") is charged with neither the verb nor its content.
        const mentionsHere = bySent.get(i)!;
        const speech = sc.hits.find(
          (h) => h.speechAct && h.voice === "writer" && mentionsHere.every((m) => m.end <= h.span.start),
        );
        for (const h of sc.hits) {
          const item = { span: h.span, entry: h.entry, valence: h.valence };
          if (h.voice === "quoted") ev.excluded.push({ ...item, why: "quoted" });
          else if (patient) ev.excluded.push({ ...item, why: "target" });
          else if (speech && h.span.start >= speech.span.start) ev.excluded.push({ ...item, why: "reported" });
          else {
            ev.words.push(item);
            x += h.valence;
          }
        }
        ev.score = ev.words.length ? norm(x) : 0;
        if (sc.hits.some((h) => h.voice === "quoted")) {
          qSum += sc.quotedCompound;
          qN++;
        }
      }
      sum += ev.score;
      evidence.push(ev);
    }
    out.push({
      actorKey,
      mean: Math.round((sum / ids.length) * 1000) / 1000,
      quotedMean: qN ? Math.round((qSum / qN) * 1000) / 1000 : null,
      sentences: ids,
      spans: ids.map((i) => sentences[i]!),
      evidence,
      rule: "sentiment.actor",
    });
  }
  return out.sort((a, b) => a.actorKey.localeCompare(b.actorKey));
}
