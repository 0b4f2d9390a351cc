// Sentence sentiment with the shipped lexicon (lexicons/sentiment.json, MIT): valences summed with negation
// and intensifiers, normalised like VADER (x / sqrt(x^2 + 15)); per actor, the mean over sentences naming it.
import sentimentLexicon from "./lexicons/sentiment.json";
import type { Span } from "./types";
import type { Mention } from "./actors";
import type { Word } from "./words";

const VALENCE = new Map<string, number>(Object.entries(sentimentLexicon.entries.valence));
const NEGATORS = new Set(sentimentLexicon.entries.negators);
const INTENSIFIERS = new Set(sentimentLexicon.entries.intensifiers);

export interface SentenceSentiment {
  sentence: number;
  span: Span;
  /** -1 … 1 */
  compound: number;
  hits: { span: Span; entry: string; valence: number }[];
}

export interface ActorSentiment {
  actorKey: string;
  /** Mean compound score of the sentences that mention the actor. */
  mean: number;
  sentences: number[];
  spans: Span[];
  rule: string;
}

export const SENTIMENT_RULES: Record<string, string> = {
  "sentiment.lexicon": "A sentence's score sums the valences of its lexicon words (negated words flip, intensified words grow), normalised to -1…1.",
  "sentiment.actor": "An actor's sentiment is the mean score of the sentences that mention it; it describes the wording around the name, not the actor.",
};

/** Scores every sentence that has at least one lexicon word (others score 0 and are not listed). */
export function scoreSentences(words: Word[], sentences: Span[]): SentenceSentiment[] {
  const out: SentenceSentiment[] = [];
  let cur: SentenceSentiment | null = null;
  let sum = 0;
  const flush = () => {
    if (cur && cur.hits.length) {
      cur.compound = Math.round((sum / Math.sqrt(sum * sum + 15)) * 1000) / 1000;
      out.push(cur);
    }
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!cur || cur.sentence !== w.sentence) {
      flush();
      const span = sentences[w.sentence] ?? { start: w.start, end: w.end };
      cur = { sentence: w.sentence, span, compound: 0, hits: [] };
      sum = 0;
    }
    let v = VALENCE.get(w.lower) ?? VALENCE.get(w.lemma);
    if (v === undefined) continue;
    const entry = VALENCE.has(w.lower) ? w.lower : w.lemma;
    for (let k = 1; k <= 3; k++) {
      const p = words[i - k];
      if (!p || p.sentence !== w.sentence) break;
      if (NEGATORS.has(p.lower)) {
        v = v * -0.74;
        break;
      }
      if (k === 1 && INTENSIFIERS.has(p.lower)) v += v > 0 ? 0.3 : -0.3;
    }
    sum += v;
    cur.hits.push({ span: { start: w.start, end: w.end }, entry, valence: Math.round(v * 100) / 100 });
  }
  flush();
  return out;
}

/** Mean sentence score around each actor, from the sentences its mentions fall in. */
export function actorSentiment(mentions: Mention[], sentences: Span[], scored: SentenceSentiment[]): ActorSentiment[] {
  const bySentence = new Map(scored.map((s) => [s.sentence, s.compound]));
  const per = new Map<string, Set<number>>();
  let si = 0;
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start);
  for (const m of sorted) {
    while (si < sentences.length && sentences[si]!.end <= m.span.start) si++;
    if (si >= sentences.length) break;
    const set = per.get(m.actorKey) ?? new Set<number>();
    set.add(si);
    per.set(m.actorKey, set);
  }
  const out: ActorSentiment[] = [];
  for (const [actorKey, set] of per) {
    const ids = [...set].sort((a, b) => a - b);
    const mean = ids.reduce((acc, i) => acc + (bySentence.get(i) ?? 0), 0) / ids.length;
    out.push({ actorKey, mean: Math.round(mean * 1000) / 1000, sentences: ids, spans: ids.map((i) => sentences[i]!), rule: "sentiment.actor" });
  }
  return out.sort((a, b) => a.actorKey.localeCompare(b.actorKey));
}
