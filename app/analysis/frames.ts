// Frame dimensions of the Policy Frames Codebook (Boydstun et al. 2014), scored per paragraph with the
// shipped lexicon (lexicons/frames.json); the article profile is each dimension's share of all hits.
import framesLexicon from "./lexicons/frames.json";
import type { Span } from "./types";
import { buildMatcher, phraseWords, wordAt, type PhraseEntry, type Word } from "./words";
import { voiceAt, type Voice } from "./markers";

export const FRAME_DIMENSIONS = [
  "economic",
  "capacity_resources",
  "morality",
  "fairness_equality",
  "legality_jurisprudence",
  "policy_prescription",
  "crime_punishment",
  "security_defense",
  "health_safety",
  "quality_of_life",
  "cultural_identity",
  "public_opinion",
  "political",
  "external_regulation_reputation",
  "other",
] as const;
export type FrameDimension = (typeof FRAME_DIMENSIONS)[number];

export interface FrameScore {
  /** Index of the paragraph in the segmentation. */
  paragraph: number;
  dimension: FrameDimension;
  /** Hits per 100 words of the paragraph. */
  score: number;
  hits: Span[];
  /** The lexicon entries that hit, in the order of `hits`. */
  entries: string[];
  /** The words of the text that hit, in the order of `hits` (so a reader can check the sense). */
  words: string[];
  /** Whose words each hit is, in the order of `hits`; `score` counts the writer's only when any is quoted. */
  voices: Voice[];
  rule: string;
}

export type FrameProfile = Record<FrameDimension, number>;

export const FRAME_RULES: Record<string, string> = {
  "frame.lexicon":
    "A paragraph scores in a frame dimension for each word or phrase of that dimension's lexicon it contains (hits per 100 words).",
  "frame.profile":
    "An article's frame profile is each dimension's share of all frame hits in its paragraphs, in the writer's voice.",
  "frame.named-entity":
    "A frame word inside a capitalised name (Muslim Brotherhood, Justice Department, Islamic State) is part of the name and does not count for its common meaning.",
  "frame.second-cue":
    'An ambiguous frame word (listed in the lexicon\'s "ambiguous") counts only when the same paragraph holds another, unambiguous word of the same dimension.',
  "frame.part-of-speech":
    'A frame word listed with a part of speech (the lexicon\'s "partOfSpeech") counts only when the tagger gives it that part of speech: "a new approach" is a policy word, "approaching the coast" is not.',
};

const AMBIGUOUS = new Set((framesLexicon.ambiguous as string[]).map((t) => phraseWords(t).join(" ")));
/** Entry → the parts of speech it counts in (a noun also when tagged as a name, as a sentence's first word can be). */
const POS_OF = new Map<string, Set<string>>();
for (const [pos, list] of Object.entries(framesLexicon.partOfSpeech))
  if (Array.isArray(list))
    for (const t of list) POS_OF.set(phraseWords(t).join(" "), new Set(pos === "NOUN" ? ["NOUN", "PROPN"] : [pos]));
const NAME_JOINERS = new Set(["of", "for", "the", "al", "el"]);
function isCap(w: Word): boolean {
  const c = w.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w.text);
}

/**
 * For each word of a paragraph, the extent of the capitalised name it stands in ("Muslim Brotherhood", "Department
 * of Justice"), or null. Sentence-initial capitals count only when the next word is capitalised too; a paragraph
 * in title case (a headline) has no names by this rule.
 */
export function nameRuns(slice: Word[], titleCase = true): ([number, number] | null)[] {
  const out: ([number, number] | null)[] = slice.map(() => null);
  // Title case: no longer word after the first of its sentence is written in lower case.
  // (Only short paragraphs are looked at: a headline or a masthead line, not body text.)
  if (titleCase && slice.length <= 40) {
    const long = slice.filter((w, k) => k > 0 && w.sentence === slice[k - 1]!.sentence && /^\p{L}{4,}$/u.test(w.text));
    if (long.length >= 5 && long.every(isCap)) return out;
  }
  let i = 0;
  while (i < slice.length) {
    if (!isCap(slice[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < slice.length) {
      const w = slice[j]!;
      if (w.sentence !== slice[i]!.sentence) break;
      if (isCap(w)) j++;
      else if (
        NAME_JOINERS.has(w.lower) &&
        slice[j + 1] &&
        isCap(slice[j + 1]!) &&
        slice[j + 1]!.sentence === w.sentence
      )
        j += 2;
      else break;
    }
    if (j - i >= 2) for (let k = i; k < j; k++) out[k] = [i, j];
    i = j;
  }
  return out;
}

/** The text holds a letter or digit (ASCII letters and digits decided without the regex). */
function isWordy(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return /[\p{L}\p{N}]/u.test(t);
  }
  return false;
}

const byPhrase = new Map<string, FrameDimension[]>();
for (const [dim, list] of Object.entries(framesLexicon.entries)) {
  for (const term of list) {
    const k = phraseWords(term).join(" ");
    const dims = byPhrase.get(k) ?? [];
    if (!dims.includes(dim as FrameDimension)) dims.push(dim as FrameDimension);
    byPhrase.set(k, dims);
  }
}
const entries: PhraseEntry<FrameDimension[]>[] = [...byPhrase].map(([k, dims]) => ({
  words: k.split(" "),
  data: dims,
}));
const matcher = buildMatcher(entries);

export function emptyProfile(): FrameProfile {
  const out = {} as FrameProfile;
  for (const d of FRAME_DIMENSIONS) out[d] = 0;
  return out;
}

/** Frame scores for every paragraph (only dimensions with hits are listed) and the article profile. */
export function scoreFrames(
  words: Word[],
  paragraphs: Span[],
  quoted: Span[] = [],
): { frames: FrameScore[]; profile: FrameProfile } {
  const frames: FrameScore[] = [];
  const totals = emptyProfile();
  let all = 0;
  paragraphs.forEach((p, pi) => {
    const a = wordAt(words, p.start);
    const b = wordAt(words, p.end);
    const slice = words.slice(a, b);
    let nWords = 0;
    for (const w of slice) if (isWordy(w.text)) nWords++;
    const runs = nameRuns(slice);
    const per = new Map<
      FrameDimension,
      { hits: Span[]; entries: string[]; words: string[]; voices: Voice[]; plain: boolean }
    >();
    for (const h of matcher.match(words, a, b)) {
      // A single word inside a longer capitalised name is part of the name (phrase entries are names themselves).
      const run = runs[h.from];
      if (run && h.to - h.from === 1 && run[1] - run[0] > 1) continue;
      const entry = h.entry.words.join(" ");
      const pos = POS_OF.get(entry);
      if (pos && !pos.has(slice[h.from]!.pos)) continue;
      const span = { start: slice[h.from]!.start, end: slice[h.to - 1]!.end };
      const voice = voiceAt(quoted, span);
      for (const d of h.entry.data) {
        const e = per.get(d) ?? { hits: [], entries: [], words: [], voices: [], plain: false };
        e.hits.push(span);
        e.entries.push(entry);
        e.words.push(
          slice
            .slice(h.from, h.to)
            .map((w) => w.text)
            .join(" "),
        );
        e.voices.push(voice);
        if (!AMBIGUOUS.has(entry)) e.plain = true;
        per.set(d, e);
      }
    }
    for (const d of FRAME_DIMENSIONS) {
      const e = per.get(d);
      // Ambiguous words alone are not evidence of the dimension.
      if (!e || !e.plain) continue;
      const writer = e.voices.filter((v) => v === "writer").length;
      frames.push({
        paragraph: pi,
        dimension: d,
        score: nWords ? Math.round((writer * 10000) / nWords) / 100 : 0,
        hits: e.hits,
        entries: e.entries,
        words: e.words,
        voices: e.voices,
        rule: "frame.lexicon",
      });
      totals[d] += writer;
      all += writer;
    }
  });
  const profile = emptyProfile();
  if (all > 0) for (const d of FRAME_DIMENSIONS) profile[d] = Math.round((totals[d] * 1000) / all) / 1000;
  return { frames, profile };
}
