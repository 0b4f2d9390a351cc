// Naming: the words an article puts before or beside an actor's name (premodifiers, "the X regime",
// appositives), classified with the label lexicon. A class describes the word used, never the actor.
import labelLexicon from "./lexicons/labels.json";
import type { Span } from "./types";
import type { Mention } from "./actors";
import { buildMatcher, phraseWords, wordAt, type PhraseEntry, type Word } from "./words";

export type LabelClass = keyof typeof labelLexicon.entries;

export interface LabelHit {
  labelClass: LabelClass;
  entry: string;
  span: Span;
}

export interface Descriptor {
  actorKey: string;
  span: Span;
  text: string;
  /** The most marked class among the descriptor's labels (see LABEL_PRECEDENCE). */
  labelClass: LabelClass;
  labels: LabelHit[];
  rule: string;
  field?: "title" | "body";
}

export const NAMING_RULES: Record<string, string> = {
  "naming.premodifier": "Words standing directly before a name in the same noun phrase (\"the Palestinian militant group Hamas\") that include a label lexicon entry.",
  "naming.postmodifier": "A label noun directly after a name preceded by \"the\" (\"the Sisi regime\", \"the Hamas movement\").",
  "naming.appositive": "A noun phrase set off by a comma right after a name (\"Hamas, the Islamist group\") that includes a label lexicon entry.",
};

/** When a descriptor holds several labels, the most marked one names its class. */
export const LABEL_PRECEDENCE: LabelClass[] = [
  "terror",
  "delegitimising",
  "valorising",
  "extremist",
  "militant_armed",
  "ideological_religious",
  "legitimising",
  "role_title",
  "neutral_descriptive",
];

const entries: PhraseEntry<LabelClass>[] = [];
for (const cls of LABEL_PRECEDENCE) {
  for (const term of labelLexicon.entries[cls]) entries.push({ words: phraseWords(term), data: cls });
}
const labelMatcher = buildMatcher(entries);

const LABEL_SINGLE = new Set(entries.filter((e) => e.words.length === 1).map((e) => e.words[0]!));
const POST_NOUNS = new Set(["regime", "government", "authorities", "administration", "movement", "group", "organisation", "organization", "junta", "militia", "leadership", "faction", "network", "state", "army", "forces"]);
const PREMOD_POS = new Set(["ADJ", "NOUN", "PROPN", "VERB", "NUM"]);
const STOP_PREMOD = new Set(["'s", "’s", "who", "which", "that", "and", "or", "but", "as", "said", "says", "told"]);

/** Label hits within a word range, with their spans. */
export function labelsIn(words: Word[], from: number, to: number): LabelHit[] {
  return labelMatcher.match(words.slice(from, to)).map((h) => {
    const a = words[from + h.from]!;
    const b = words[from + h.to - 1]!;
    return { labelClass: h.entry.data, entry: h.entry.words.join(" "), span: { start: a.start, end: b.end } };
  });
}

function primary(labels: LabelHit[]): LabelClass {
  let best = LABEL_PRECEDENCE.length - 1;
  for (const l of labels) best = Math.min(best, LABEL_PRECEDENCE.indexOf(l.labelClass));
  return LABEL_PRECEDENCE[best]!;
}

/** Descriptors for every mention; `words` is the text's word stream. */
export function findDescriptors(text: string, words: Word[], mentions: Mention[]): Descriptor[] {
  const out: Descriptor[] = [];
  const add = (actorKey: string, from: number, to: number, rule: string) => {
    if (to <= from) return;
    const labels = labelsIn(words, from, to);
    if (!labels.length) return;
    const span = { start: words[from]!.start, end: words[to - 1]!.end };
    out.push({ actorKey, span, text: text.slice(span.start, span.end), labelClass: primary(labels), labels, rule });
  };
  for (const m of mentions) {
    const first = wordAt(words, m.span.start);
    const w0 = words[first];
    if (!w0) continue;
    const last = wordAt(words, m.span.end) - 1;
    // Premodifiers: walk back over adjectives, nouns and names in the same sentence (at most six words);
    // only when the name heads its noun phrase ("former al-Qaeda leader X" describes X, not al-Qaeda).
    const after = words[last + 1];
    const isHead = !(after && after.sentence === w0.sentence && (after.pos === "NOUN" || after.pos === "PROPN") && after.text === after.lower);
    let a = first;
    while (a > 0 && first - a < 6) {
      const p = words[a - 1]!;
      if (p.sentence !== w0.sentence || !PREMOD_POS.has(p.pos) || STOP_PREMOD.has(p.lower)) break;
      // A verb form counts only when it is itself a label ("outlawed", "exiled", "elected").
      if (p.pos === "VERB" && !LABEL_SINGLE.has(p.lower)) break;
      a--;
    }
    if (isHead) add(m.actorKey, a, first, "naming.premodifier");

    // "the Sisi regime": DET + name + label noun.
    const next = after;
    const before = words[first - 1];
    if (next && before && before.lower === "the" && POST_NOUNS.has(next.lemma) && next.sentence === w0.sentence) {
      add(m.actorKey, last + 1, last + 2, "naming.postmodifier");
    }
    // Appositive: "Hamas, the Islamist group that ..., said".
    if (next && next.text === "," && words[last + 2]) {
      let b = last + 2;
      const start = b;
      while (b < words.length && b - start < 8) {
        const x = words[b]!;
        if (x.sentence !== w0.sentence || x.pos === "PUNCT" || x.pos === "VERB" || x.pos === "AUX" || x.pos === "PRON" || x.pos === "SCONJ" || x.pos === "ADP" && b > start) break;
        b++;
      }
      const det = words[start]!;
      if (b > start + 1 && (det.pos === "DET" || det.pos === "ADJ" || det.pos === "NUM")) add(m.actorKey, start, b, "naming.appositive");
    }
  }
  return out;
}
