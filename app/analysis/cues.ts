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

const byLemma = new Map<string, CueEntry>();
const byPhrase = new Map<string, CueEntry>();
const byAdjective = new Map<string, CueEntry>();
for (const e of cueData.entries as CueEntry[]) {
  if (e.pos === "adj") byAdjective.set(e.cue, e);
  else if (e.particle) byPhrase.set(`${e.cue} ${e.particle}`, e);
  else if (!byLemma.has(e.cue)) byLemma.set(e.cue, e);
}
export const CUE_LEXICON_VERSION: string = cueData.version;
export const CUE_ENTRY_COUNT: number = cueData.entries.length;

/** The lexicon entry for a verb lemma, optionally with the particle that follows it. */
export function lookupCue(lemma: string, next?: string): { entry: CueEntry; withParticle: boolean } | undefined {
  if (next) {
    const p = byPhrase.get(`${lemma} ${next}`);
    if (p) return { entry: p, withParticle: true };
  }
  const e = byLemma.get(lemma);
  return e ? { entry: e, withParticle: false } : undefined;
}

/** Stance of a cue by lemma, neutral when not listed (e.g. "according to"). */
export function cueStanceOf(lemma: string): CueStance {
  return byLemma.get(lemma)?.stance ?? "neutral";
}

/** The lexicon entry for an adjective that reports a stance ("critical", "confident"), if listed. */
export function lookupAdjectiveCue(word: string): CueEntry | undefined {
  return byAdjective.get(word);
}
