// Frame dimensions of the Policy Frames Codebook (Boydstun et al. 2014), scored per paragraph with the
// shipped lexicon (lexicons/frames.json); the article profile is each dimension's share of all hits.
import framesLexicon from "./lexicons/frames.json";
import type { Span } from "./types";
import { buildMatcher, phraseWords, wordAt, type PhraseEntry, type Word } from "./words";

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
  rule: string;
}

export type FrameProfile = Record<FrameDimension, number>;

export const FRAME_RULES: Record<string, string> = {
  "frame.lexicon": "A paragraph scores in a frame dimension for each word or phrase of that dimension's lexicon it contains (hits per 100 words).",
  "frame.profile": "An article's frame profile is each dimension's share of all frame hits in its paragraphs.",
};

const byPhrase = new Map<string, FrameDimension[]>();
for (const [dim, list] of Object.entries(framesLexicon.entries)) {
  for (const term of list) {
    const k = phraseWords(term).join(" ");
    const dims = byPhrase.get(k) ?? [];
    if (!dims.includes(dim as FrameDimension)) dims.push(dim as FrameDimension);
    byPhrase.set(k, dims);
  }
}
const entries: PhraseEntry<FrameDimension[]>[] = [...byPhrase].map(([k, dims]) => ({ words: k.split(" "), data: dims }));
const matcher = buildMatcher(entries);

export function emptyProfile(): FrameProfile {
  return Object.fromEntries(FRAME_DIMENSIONS.map((d) => [d, 0])) as FrameProfile;
}

/** Frame scores for every paragraph (only dimensions with hits are listed) and the article profile. */
export function scoreFrames(words: Word[], paragraphs: Span[]): { frames: FrameScore[]; profile: FrameProfile } {
  const frames: FrameScore[] = [];
  const totals = emptyProfile();
  let all = 0;
  paragraphs.forEach((p, pi) => {
    const a = wordAt(words, p.start);
    const b = wordAt(words, p.end);
    const slice = words.slice(a, b);
    const nWords = slice.filter((w) => /[\p{L}\p{N}]/u.test(w.text)).length;
    const per = new Map<FrameDimension, { hits: Span[]; entries: string[] }>();
    for (const h of matcher.match(slice)) {
      const span = { start: slice[h.from]!.start, end: slice[h.to - 1]!.end };
      for (const d of h.entry.data) {
        const e = per.get(d) ?? { hits: [], entries: [] };
        e.hits.push(span);
        e.entries.push(h.entry.words.join(" "));
        per.set(d, e);
      }
    }
    for (const d of FRAME_DIMENSIONS) {
      const e = per.get(d);
      if (!e) continue;
      frames.push({ paragraph: pi, dimension: d, score: nWords ? Math.round((e.hits.length * 10000) / nWords) / 100 : 0, hits: e.hits, entries: e.entries, rule: "frame.lexicon" });
      totals[d] += e.hits.length;
      all += e.hits.length;
    }
  });
  const profile = emptyProfile();
  if (all > 0) for (const d of FRAME_DIMENSIONS) profile[d] = Math.round((totals[d] * 1000) / all) / 1000;
  return { frames, profile };
}
