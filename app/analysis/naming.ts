// Naming: the words an article puts before, beside or after an actor's name (premodifiers, "the X regime",
// appositives, "X as a movement", "X is a …", "his regime", "the group"), classified with the label lexicon.
// A class is the type of the word used, never a verdict on the actor.
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
  /** The marked class among the descriptor's labels (see LABEL_PRECEDENCE), else the class of its head word. */
  labelClass: LabelClass;
  labels: LabelHit[];
  rule: string;
  field?: "title" | "body";
}

export const NAMING_RULES: Record<string, string> = {
  "naming.premodifier":
    'Words standing directly before a name in the same noun phrase ("the Tolvarian armed group Korvath", "the elected Marenland council") that include a label lexicon entry.',
  "naming.postmodifier":
    'A label noun directly after a name preceded by "the", or after a name\'s possessive ("the Varga regime", "the Korvath movement", "Marenland\'s government").',
  "naming.appositive":
    'A noun phrase set off by a comma right after a name ("Korvath, the Islamist group", "Marenland, the Zionist party") that includes a label lexicon entry.',
  "naming.as":
    'A noun phrase after "as" that follows a name ("viewing Korvath as a movement", "described Korvath as a terror group").',
  "naming.predicate":
    'A noun phrase after a form of "be" or "remain" that follows a name ("Korvath is a terrorist group").',
  "naming.designation":
    'A noun phrase after a relative clause that designates, calls, considers or lists the named actor ("Korvath, which Marenland designates a terrorist organisation").',
  "naming.and-other":
    'A noun phrase after "and other" that follows a name ("Korvath and other armed groups"): the name is counted among them.',
  "naming.possessive":
    'A label noun after "his", "her", "its" or "their" ("his regime"), given to the nearest name of that kind in the same or the previous sentence.',
  "naming.anaphor":
    'A sentence that opens with "the" and a marked label before a group word ("The Islamist movement said …", "The militia …") refers back to the nearest organisation or state named in the previous sentence; a bare "the group" is not counted.',
  "naming.compound":
    'Label nouns that a name modifies, naming the actor\'s members or bodies ("Korvath fighters", "the Varga regime", "Marenland troops").',
  "naming.demonym":
    'The words after a state\'s adjective that name its institutions or forces ("Tolvarian forces", "the Marenlandic military regime"; for real states, Israeli, Egyptian, Iranian or Palestinian alike): the state is the actor they describe.',
};

/**
 * When a descriptor holds several marked labels, the first in this list names its class. The order is not a
 * ranking of how grave a word is: it only breaks ties, and every marked class is counted in its own right.
 */
export const LABEL_PRECEDENCE: LabelClass[] = [
  "terror",
  "substitute_name",
  "legitimacy_denying",
  "pejorative_governance",
  "contested_legal_status",
  "honorific",
  "self_designation",
  "legitimacy_asserting",
  "extremism",
  "sponsorship_qualifier",
  "armed_actor",
  "ideological_religious",
  "governance",
  "role_title",
  "descriptive",
];

/** Unmarked classes: the head word decides among them ("Ministry spokesperson" is a role). */
const UNMARKED = new Set<LabelClass>(["governance", "role_title", "descriptive"]);
/** The classes of marked words, in LABEL_PRECEDENCE order (all of them count alike). */
export const MARKED_LABEL_CLASSES: LabelClass[] = LABEL_PRECEDENCE.filter((c) => !UNMARKED.has(c));

// Words whose capitalised form is a name of another sense ("Democratic senators", "the State Department") match only
// in lower case (the lexicon's "lowercase" list), for every party and side alike.
const LOWERCASE_ONLY = new Set(labelLexicon.lowercase.entries);
const entries: PhraseEntry<LabelClass>[] = [];
for (const cls of LABEL_PRECEDENCE) {
  for (const term of labelLexicon.entries[cls])
    entries.push({ words: phraseWords(term), data: cls, lowercase: LOWERCASE_ONLY.has(term) });
}
const labelMatcher = buildMatcher(entries);
const SUFFIXES: [string, LabelClass][] = Object.entries(labelLexicon.suffixes).flatMap(([cls, list]) =>
  list.map((s) => [s, cls as LabelClass] as [string, LabelClass]),
);

const LABEL_SINGLE = new Set(entries.filter((e) => e.words.length === 1).map((e) => e.words[0]!));
const ROLE_PHRASES = entries.filter((e) => e.data === "role_title" && e.words.length > 1 && e.words.includes("of"));
const POST_NOUNS = new Set([
  "regime",
  "government",
  "authorities",
  "administration",
  "movement",
  "group",
  "organisation",
  "organization",
  "junta",
  "militia",
  "leadership",
  "faction",
  "network",
  "state",
  "army",
  "forces",
  "dictatorship",
]);
/** Label nouns for an actor's members or bodies that a name can modify ("Hamas fighters", "Korvath regime"). */
const COMPOUND_HEADS = new Set([
  ...POST_NOUNS,
  "fighters",
  "militants",
  "gunmen",
  "troops",
  "soldiers",
  "militiamen",
  "operatives",
  "officials",
  "authorities",
  "terrorists",
  "extremists",
  "insurgents",
  "rebels",
  "loyalists",
  "proxies",
  "police",
  "military",
  "leadership",
  "supporters",
  "martyrs",
  "heroes",
  "defenders",
  "occupation",
  "occupiers",
  "criminals",
]);
/** Head nouns that "the …" can use to refer back to a named organisation or state. */
const ANAPHOR_HEADS = new Set([
  "group",
  "movement",
  "organisation",
  "organization",
  "militia",
  "faction",
  "regime",
  "government",
  "junta",
  "network",
  "outfit",
  "party",
  "administration",
]);
const PREMOD_POS = new Set(["ADJ", "NOUN", "PROPN", "VERB", "NUM"]);
const STOP_PREMOD = new Set(["'s", "’s", "who", "which", "that", "and", "or", "but", "as", "said", "says", "told"]);
const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV", "PART"]);
const BE = new Set([
  "is",
  "was",
  "are",
  "were",
  "remains",
  "remained",
  "has been",
  "had been",
  "be",
  "becomes",
  "became",
]);
const DESIGNATE = new Set([
  "designates",
  "designated",
  "calls",
  "called",
  "considers",
  "considered",
  "regards",
  "regarded",
  "lists",
  "listed",
  "brands",
  "branded",
  "labels",
  "labelled",
  "labeled",
  "classifies",
  "classified",
  "describes",
  "described",
  "deems",
  "deemed",
  "views",
  "viewed",
  "sees",
]);

/** Label hits within a word range, with their spans (lexicon phrases, then qualifier suffixes such as "-backed"). */
export function labelsIn(words: Word[], from: number, to: number): LabelHit[] {
  const hits = labelMatcher.match(words, from, to).map((h) => {
    const a = words[from + h.from]!;
    const b = words[from + h.to - 1]!;
    return { labelClass: h.entry.data, entry: h.entry.words.join(" "), span: { start: a.start, end: b.end } };
  });
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (hits.some((h) => h.span.start <= w.start && h.span.end >= w.end)) continue;
    const suf = SUFFIXES.find(([s]) => w.lower.length > s.length + 1 && w.lower.endsWith(s));
    if (suf) hits.push({ labelClass: suf[1], entry: suf[0], span: { start: w.start, end: w.end } });
  }
  return hits.sort((a, b) => a.span.start - b.span.start);
}

function primary(labels: LabelHit[]): LabelClass {
  let best = LABEL_PRECEDENCE.length;
  for (const l of labels)
    if (!UNMARKED.has(l.labelClass)) best = Math.min(best, LABEL_PRECEDENCE.indexOf(l.labelClass));
  if (best < LABEL_PRECEDENCE.length) return LABEL_PRECEDENCE[best]!;
  return labels[labels.length - 1]!.labelClass;
}

/** The end (exclusive) of a noun phrase starting at `from`: determiners, adjectives and nouns, at most eight words. */
function npEnd(words: Word[], from: number, sentence: number): number {
  let b = from;
  while (b < words.length && b - from < 8) {
    const x = words[b]!;
    if (
      x.sentence !== sentence ||
      !NP_POS.has(x.pos) ||
      (x.pos === "PART" && x.lower !== "'s") ||
      (x.pos === "DET" && b > from && !/^(a|an|the)$/.test(x.lower))
    )
      break;
    if (b > from && x.pos === "PROPN" && x.text !== x.lower && !LABEL_SINGLE.has(x.lower)) break;
    b++;
  }
  // Trailing adverbs or determiners are not part of the phrase.
  while (b > from && /^(DET|ADV|PART)$/.test(words[b - 1]!.pos)) b--;
  return b;
}

export interface NamingOptions {
  /** Actor kind by key, for "his regime" (people) and "the group" (organisations and states). */
  kinds?: Map<string, string>;
}

/** Descriptors for every mention; `words` is the text's word stream. */
export function findDescriptors(
  text: string,
  words: Word[],
  mentions: Mention[],
  opts: NamingOptions = {},
): Descriptor[] {
  const out: Descriptor[] = [];
  const seen = new Set<string>();
  const add = (actorKey: string, from: number, to: number, rule: string) => {
    if (to <= from) return;
    const labels = labelsIn(words, from, to);
    if (!labels.length) return;
    const span = { start: words[from]!.start, end: words[to - 1]!.end };
    const id = `${actorKey}:${span.start}:${span.end}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ actorKey, span, text: text.slice(span.start, span.end), labelClass: primary(labels), labels, rule });
  };
  const kindOf = (m: Mention) => m.kind ?? opts.kinds?.get(m.actorKey) ?? null;
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start);
  const covered = new Set<number>();
  const mentionAtWord = new Map<number, Mention>();
  for (const m of sorted) {
    const f = wordAt(words, m.span.start);
    const l = wordAt(words, m.span.end) - 1;
    for (let i = f; i <= l; i++) covered.add(i);
    mentionAtWord.set(f, m);
  }

  for (const m of sorted) {
    const first = wordAt(words, m.span.start);
    const w0 = words[first];
    if (!w0) continue;
    const last = wordAt(words, m.span.end) - 1;
    const after = words[last + 1];
    const same = (x: Word | undefined): x is Word => !!x && x.sentence === w0.sentence;

    // A state named by its adjective: the words after it up to the head noun describe the state.
    if (m.rule === "actor.demonym") {
      let b = last + 1;
      while (
        same(words[b]) &&
        b - last <= 3 &&
        (words[b]!.pos === "NOUN" || words[b]!.pos === "ADJ") &&
        words[b]!.text === words[b]!.lower
      )
        b++;
      add(m.actorKey, last + 1, b, "naming.demonym");
      continue;
    }

    // Premodifiers: walk back over adjectives, nouns and names in the same sentence (at most six words);
    // only when the name heads its noun phrase ("former al-Qaeda leader X" describes X, not al-Qaeda).
    const isHead = !(same(after) && (after.pos === "NOUN" || after.pos === "PROPN") && after.text === after.lower);
    let a = first;
    // A title with "of" ends right before the name ("Secretary of State Hillary Clinton").
    for (const r of ROLE_PHRASES) {
      const s = first - r.words.length;
      if (s >= 0 && r.words.every((rw, k) => words[s + k]!.lower === rw && words[s + k]!.sentence === w0.sentence)) {
        a = s;
        break;
      }
    }
    while (a > 0 && first - a < 6) {
      const p = words[a - 1]!;
      if (p.sentence !== w0.sentence || !PREMOD_POS.has(p.pos) || STOP_PREMOD.has(p.lower)) break;
      // A verb form counts only when it is itself a label ("outlawed", "exiled", "elected").
      if (p.pos === "VERB" && !LABEL_SINGLE.has(p.lower)) break;
      a--;
    }
    if (isHead) add(m.actorKey, a, first, "naming.premodifier");

    const before = words[first - 1];
    // "the Sisi regime": DET + name + label noun; "Korvath's regime": name + 's + (adjectives) + label noun.
    if (same(after) && before && before.lower === "the" && POST_NOUNS.has(after.lemma))
      add(m.actorKey, last + 1, last + 2, "naming.postmodifier");
    if (same(after) && /^['’]s$/.test(after.text)) {
      let b = last + 2;
      while (same(words[b]) && b - last <= 4 && words[b]!.pos === "ADJ") b++;
      if (same(words[b]) && POST_NOUNS.has(words[b]!.lemma)) add(m.actorKey, last + 2, b + 1, "naming.postmodifier");
    }
    // "Hamas fighters", "Korvath security forces", "the Varga government": the name modifies a label noun that
    // names the actor's members or bodies, as a demonym does ("Israeli forces").
    if (same(after) && after.text === after.lower && (after.pos === "NOUN" || after.pos === "ADJ")) {
      let b = last + 1;
      while (
        same(words[b]) &&
        b - last <= 3 &&
        words[b]!.text === words[b]!.lower &&
        (words[b]!.pos === "NOUN" || words[b]!.pos === "ADJ")
      )
        b++;
      const head = words[b - 1]!;
      const nx = words[b];
      if (COMPOUND_HEADS.has(head.lower) && !(same(nx) && nx.pos === "PROPN" && nx.text !== nx.lower))
        add(m.actorKey, last + 1, b, "naming.compound");
    }
    // Appositive: "Hamas, the Islamist group that ..., said".
    if (same(after) && after.text === "," && words[last + 2]) {
      let b = last + 2;
      const start = b;
      while (b < words.length && b - start < 8) {
        const x = words[b]!;
        // A possessive apostrophe glued to its word stays in the phrase ("a residents' group").
        if (/^['’]$/.test(x.text) && b > start && x.start === words[b - 1]!.end) {
          b++;
          continue;
        }
        if (
          x.sentence !== w0.sentence ||
          x.pos === "PUNCT" ||
          x.pos === "VERB" ||
          x.pos === "AUX" ||
          x.pos === "PRON" ||
          x.pos === "SCONJ" ||
          (x.pos === "ADP" && b > start)
        )
          break;
        b++;
      }
      const det = words[start]!;
      if (b > start + 1 && (det.pos === "DET" || det.pos === "ADJ" || det.pos === "NUM"))
        add(m.actorKey, start, b, "naming.appositive");
      // "Hamas, which the US designates a terrorist organisation": the phrase after the designating verb.
      if (/^(which|who|that|whom)$/.test(det.lower)) {
        for (let k = start + 1; k < Math.min(words.length, start + 6); k++) {
          const x = words[k]!;
          if (x.sentence !== w0.sentence || x.text === ",") break;
          if (DESIGNATE.has(x.lower)) {
            // The relative pronoun must be the verb's object ("which the US designates …", not "which sees X as …").
            if (k === start + 1 || covered.has(k + 1)) break;
            let s = k + 1;
            if (words[s]?.lower === "as") s++;
            if (same(words[s])) add(m.actorKey, s, npEnd(words, s, w0.sentence), "naming.designation");
            break;
          }
        }
      }
    }
    // "Hamas as a movement", "described Hamas as a terror group".
    if (same(after) && after.lower === "as" && same(words[last + 2]) && /^(a|an|the)$/.test(words[last + 2]!.lower)) {
      add(m.actorKey, last + 2, npEnd(words, last + 2, w0.sentence), "naming.as");
    }
    // "Hamas is a terrorist group", "Korvath remains an armed movement".
    if (same(after) && BE.has(after.lower)) {
      let s = last + 2;
      if (words[s]?.lower === "still" || words[s]?.lower === "also") s++;
      if (same(words[s]) && /^(a|an|the)$/.test(words[s]!.lower))
        add(m.actorKey, s, npEnd(words, s, w0.sentence), "naming.predicate");
    }
    // "Hamas and other Islamist terrorist organisations": the name is counted among them.
    if (same(after) && after.lower === "and" && words[last + 2]?.lower === "other" && same(words[last + 3])) {
      add(m.actorKey, last + 3, npEnd(words, last + 3, w0.sentence), "naming.and-other");
    }
  }

  // "his regime" and "the Islamist movement" refer back to the nearest fitting name (same or previous sentence).
  const nearestBefore = (i: number, ok: (m: Mention) => boolean): Mention | null => {
    const sent = words[i]!.sentence;
    for (let k = i - 1; k >= 0; k--) {
      const w = words[k]!;
      if (w.sentence < sent - 1) break;
      const m = mentionAtWord.get(k);
      if (m && ok(m)) return m;
    }
    return null;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (covered.has(i)) continue;
    if (/^(his|her|its|their)$/.test(w.lower)) {
      let b = i + 1;
      while (words[b] && words[b]!.sentence === w.sentence && b - i <= 3 && words[b]!.pos === "ADJ") b++;
      const head = words[b];
      if (!head || head.sentence !== w.sentence || !POST_NOUNS.has(head.lemma) || covered.has(b)) continue;
      const person = w.lower === "his" || w.lower === "her";
      const m = nearestBefore(i, (x) =>
        person ? kindOf(x) === "person" : kindOf(x) !== "person" && kindOf(x) !== "place",
      );
      if (m) add(m.actorKey, i + 1, b + 1, "naming.possessive");
    } else if (w.lower === "the" && (i === 0 || words[i - 1]!.sentence !== w.sentence)) {
      const end = npEnd(words, i + 1, w.sentence);
      const head = words[end - 1];
      if (end - i < 2 || !head || !ANAPHOR_HEADS.has(head.lemma) || head.text !== head.lower) continue;
      if (words[end] && words[end]!.sentence === w.sentence && (covered.has(end) || words[end]!.lower === "of"))
        continue;
      let inside = false;
      for (let k = i + 1; k < end; k++) if (covered.has(k)) inside = true;
      if (inside) continue;
      const labels = labelsIn(words, i + 1, end);
      if (!labels.some((l) => !UNMARKED.has(l.labelClass))) continue;
      const m = nearestBefore(i, (x) => kindOf(x) === "organisation" || kindOf(x) === "group" || kindOf(x) === "state");
      if (m) add(m.actorKey, i, end, "naming.anaphor");
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}
