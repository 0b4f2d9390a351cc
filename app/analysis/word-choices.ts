// Word choices listed per article, not scored: how a killing is reported (with an agent or without one), the
// words that put events in a causal sequence, and which variant of a contested place name a text uses.
// The lists live in the label lexicon's "wordChoices" section, with each side's variant in every family.
import labelLexicon from "./lexicons/labels.json";
import type { Span } from "./types";
import { buildMatcher, phraseWords, type PhraseEntry, type Word } from "./words";

export type WordChoiceList =
  "killing_agentive" | "killing_agentless" | "death_agentless" | "causal_sequence" | "place_name";

export interface WordChoice {
  list: WordChoiceList;
  span: Span;
  text: string;
  /** The lexicon entry; for a place name, the place its variant names ("the West Bank"). */
  entry: string;
  place?: string;
  rule: string;
}

export const WORD_CHOICE_RULES: Record<string, string> = {
  "choice.killing":
    'A killing verb with its agent (active, or passive with "by") is listed as agentive; a passive without "by" ("were killed") as agentless.',
  "choice.death": "A word of dying (died, dead, lost their lives) is listed as an agentless report of a death.",
  "choice.causal":
    "A word that puts events in a causal sequence (retaliation, in response to, provocation, self-defence) is listed.",
  "choice.place":
    "A variant of a contested place name (Judea and Samaria, occupied West Bank; Temple Mount, Haram al-Sharif) is listed with the place it names.",
};

type Kind = "killing" | "death" | "causal" | "place";
const entries: PhraseEntry<{ kind: Kind; place?: string }>[] = [];
const wc = labelLexicon.wordChoices;
for (const t of wc.killing_verbs) entries.push({ words: phraseWords(t), data: { kind: "killing" } });
for (const t of wc.death_words) entries.push({ words: phraseWords(t), data: { kind: "death" } });
for (const t of wc.causal_sequence) entries.push({ words: phraseWords(t), data: { kind: "causal" } });
for (const f of wc.place_names)
  for (const v of f.variants) entries.push({ words: phraseWords(v), data: { kind: "place", place: f.place } });
const matcher = buildMatcher(entries);
const PASSIVE_AUX = new Set(["was", "were", "been", "be", "being", "is", "are", "got", "get"]);

/** The word-choice lists of one text. */
export function findWordChoices(text: string, words: Word[]): WordChoice[] {
  const out: WordChoice[] = [];
  for (const h of matcher.match(words)) {
    const a = words[h.from]!;
    const b = words[h.to - 1]!;
    const span = { start: a.start, end: b.end };
    const base = { span, text: text.slice(span.start, span.end), entry: h.entry.words.join(" ") };
    const d = h.entry.data;
    if (d.kind === "place") out.push({ ...base, list: "place_name", place: d.place, rule: "choice.place" });
    else if (d.kind === "causal") out.push({ ...base, list: "causal_sequence", rule: "choice.causal" });
    else if (d.kind === "death") out.push({ ...base, list: "death_agentless", rule: "choice.death" });
    else {
      // Passive: an auxiliary of "be" within the two words before; agentive when "by" follows in the clause.
      let passive = false;
      for (let k = h.from - 1; k >= Math.max(0, h.from - 2); k--)
        if (words[k]!.sentence === a.sentence && PASSIVE_AUX.has(words[k]!.lower)) passive = true;
      const nominal = a.lower === "killing" || a.lower === "massacre" || a.lower === "murder";
      let by = false;
      for (let k = h.to; k < Math.min(words.length, h.to + 6); k++) {
        const w = words[k]!;
        if (w.sentence !== a.sentence || w.text === "," || w.text === ";") break;
        if (w.lower === "by") by = true;
      }
      const agentive = passive || nominal ? by : true;
      out.push({ ...base, list: agentive ? "killing_agentive" : "killing_agentless", rule: "choice.killing" });
    }
  }
  return out;
}
