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

/** A cue found at a verb token: `extra` is how many words after the verb belong to it ("made it clear": 2). */
export type CueFoundAt = Readonly<{ entry: CueEntry; withParticle: boolean; extra: number; phrase: string }>;

// The look-up results are built here once (a verb is looked up at every verb token, a phrase by lemma then particle).
const byLemma = new Map<string, CueFound>();
const byPhrase = new Map<string, Map<string, CueFound>>();
const byAdjective = new Map<string, CueEntry>();
// A particle may be several words ("make" + "it clear", "go" + "on to say"): the longest one per lemma bounds the look-ahead.
const longestParticle = new Map<string, number>();
for (const e of cueData.entries as CueEntry[]) {
  if (e.pos === "adj") byAdjective.set(e.cue, e);
  else if (e.particle) {
    let particles = byPhrase.get(e.cue);
    if (!particles) byPhrase.set(e.cue, (particles = new Map()));
    particles.set(e.particle, Object.freeze({ entry: e, withParticle: true }));
    const n = e.particle.split(" ").length;
    if (n > (longestParticle.get(e.cue) ?? 0)) longestParticle.set(e.cue, n);
  } else if (!byLemma.has(e.cue)) byLemma.set(e.cue, Object.freeze({ entry: e, withParticle: false }));
}
// What lookupCueAt returns, built once too (it runs at every verb token): by lemma, and by lemma then particle.
const atLemma = new Map<string, CueFoundAt>();
for (const [lemma, f] of byLemma) atLemma.set(lemma, Object.freeze({ ...f, extra: 0, phrase: lemma }));
const atPhrase = new Map<string, Map<string, CueFoundAt>>();
for (const [lemma, particles] of byPhrase) {
  const m = new Map<string, CueFoundAt>();
  for (const [particle, f] of particles)
    m.set(particle, Object.freeze({ ...f, extra: particle.split(" ").length, phrase: `${lemma} ${particle}` }));
  atPhrase.set(lemma, m);
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

/** The cue at a verb whose lemma is given and whose following lower-cased words start at `lower[k]` (up to `b`):
 * the longest listed phrase first ("made it clear that" before "made"), then the lemma alone. */
export function lookupCueAt(lemma: string, lower: readonly string[], k: number, b: number): CueFoundAt | undefined {
  const particles = atPhrase.get(lemma);
  if (particles) {
    const most = Math.min(longestParticle.get(lemma) ?? 0, b - k + 1);
    for (let n = most; n >= 1; n--) {
      const p = particles.get(lower.slice(k, k + n).join(" "));
      if (p) return p.extra === n ? p : { ...p, extra: n };
    }
  }
  return atLemma.get(lemma);
}

/** Stance of a cue by lemma, neutral when not listed (e.g. "according to"). */
export function cueStanceOf(lemma: string): CueStance {
  return byLemma.get(lemma)?.entry.stance ?? "neutral";
}

/** The lexicon entry for an adjective that reports a stance ("critical", "confident"), if listed. */
export function lookupAdjectiveCue(word: string): CueEntry | undefined {
  return byAdjective.get(word);
}
