// The cue lexicon as look-up tables (data in lexicons/cues.json).
import cueData from "./lexicons/cues.json";
import type { CueStance } from "./types";

export type CueClass = "speech" | "stance" | "evidence";

export interface CueEntry {
  cue: string;
  particle?: string;
  /** "adj": an adjective cue after a form of be ("was critical of"); verbs and nouns otherwise. */
  pos?: "adj";
  stance: CueStance;
  class: CueClass;
}

/** A cue found: its entry, and whether the particle after the lemma belongs to it. Read-only for its users. */
export type CueFound = Readonly<{ entry: CueEntry; withParticle: boolean }>;

// The look-up results are built here once (a verb is looked up at every verb token, a phrase by lemma then particle).
const byLemma = new Map<string, CueFound>();
const byPhrase = new Map<string, Map<string, CueFound>>();
const byAdjective = new Map<string, CueEntry>();
for (const e of cueData.entries as CueEntry[]) {
  if (e.pos === "adj") byAdjective.set(e.cue, e);
  else if (e.particle) {
    let particles = byPhrase.get(e.cue);
    if (!particles) byPhrase.set(e.cue, (particles = new Map()));
    particles.set(e.particle, Object.freeze({ entry: e, withParticle: true }));
  } else if (!byLemma.has(e.cue)) byLemma.set(e.cue, Object.freeze({ entry: e, withParticle: false }));
}
export const CUE_LEXICON_VERSION: string = cueData.version;
export const CUE_ENTRY_COUNT: number = cueData.entries.length;

/** The lexicon entry for a verb lemma, optionally with the particle that follows it. */
export function lookupCue(lemma: string, next?: string): CueFound | undefined {
  if (next) {
    const p = byPhrase.get(lemma)?.get(next);
    if (p) return p;
  }
  return byLemma.get(lemma);
}

/** Stance of a cue by lemma, neutral when not listed (e.g. "according to"). */
export function cueStanceOf(lemma: string): CueStance {
  return byLemma.get(lemma)?.entry.stance ?? "neutral";
}

/** The lexicon entry for an adjective that reports a stance ("critical", "confident"), if listed. */
export function lookupAdjectiveCue(word: string): CueEntry | undefined {
  return byAdjective.get(word);
}
