// Whether an article carries a claim group's proposition in any form, judged loosely on purpose: a group is listed as
// something the focal article lacks only when no sentence of it holds most of the words of any clause of the group's
// members. Word stems (with the predicate synonym sets), names and numbers, IDF-weighted over the focal article's
// sentences; containment, not similarity, so a long focal sentence that also says other things still counts.
import { stem, STOP_WORDS } from "#app/analysis/stem";
import type { Span } from "#app/analysis/types";
import { GENERIC_TERMS } from "./claims-align";
import { SYNONYM_OF } from "./predicate-synonyms";
import { splitPropositions } from "./propositions";

/**
 * A member clause counts as carried by a focal sentence holding this share of its weighted words ("most of it").
 * BASIL dev, listed omissions precision / recall by floor: off 0.818 / 0.197, 0.8 0.844 / 0.197, 0.7–0.6 0.839 /
 * 0.190: 0.8 drops one false listing and no true one (weights over the focal sentences; with weights over every
 * article's sentences the same happened at 0.7, at several times the cost).
 */
export const CARRY_FLOOR = 0.8;

export interface CarrySentence {
  /** Where the sentence stands in its article (offsets of its text; several pieces for a claim quoted in parts). */
  spans: Span[];
  text: string;
  /** The focal claim this sentence is, or overlaps, if any. */
  claimId: string | null;
}

export interface CarryMatch {
  sentence: CarrySentence;
  /** Weighted share of the nearest member clause's words that the sentence holds (0–1). */
  containment: number;
  /** That clause, as it reads in its member. */
  clause: string;
}

const WORD = /[\p{L}\p{N}$][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** The words a proposition is recognised by: stems (a predicate synonym set as one), names and numbers. */
export function carryTerms(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(WORD) ?? []) {
    let w = raw.replace(/[’']s$/, "").replace(/^\$/, "");
    if (/^\d/.test(w)) {
      out.add(w.replace(/,/g, "").replace(/\.$/, ""));
      continue;
    }
    w = w.replace(/[.,]+$/, "");
    if (w.length < 3 || STOP_WORDS.has(w)) continue;
    const s = stem(w.replace(/-/g, ""));
    if (GENERIC_TERMS.has(s)) continue;
    out.add(SYNONYM_OF.get(s) ?? s);
  }
  return [...out];
}

/** An article's sentences, indexed by the words they hold, with each word's weight among them. */
export interface CarryIndex {
  sentences: CarrySentence[];
  postings: Map<string, number[]>;
  /** IDF over the article's sentences: a word the article uses everywhere weighs little. */
  weights: Map<string, number>;
  /** The weight of a word the article never uses (as one used once). */
  rare: number;
}

export function carryIndex(sentences: CarrySentence[]): CarryIndex {
  const postings = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const t of carryTerms(s.text)) {
      const p = postings.get(t);
      if (p) p.push(i);
      else postings.set(t, [i]);
    }
  });
  const n = sentences.length || 1;
  const weights = new Map<string, number>();
  for (const [t, p] of postings) weights.set(t, Math.log(1 + n / p.length));
  return { sentences, postings, weights, rare: Math.log(1 + n) };
}

/**
 * The sentence of the index that holds the largest weighted share of any clause of `members`, or null when none
 * shares a word.
 */
export function nearestCarrier(members: string[], index: CarryIndex): CarryMatch | null {
  let best: CarryMatch | null = null;
  const got = new Map<number, number>();
  for (const text of members) {
    for (const part of splitPropositions(text)) {
      const clause = part.map((x) => text.slice(x.start, x.end)).join(" … ");
      const ts = carryTerms(clause);
      if (!ts.length) continue;
      let total = 0;
      got.clear();
      for (const t of ts) {
        const w = index.weights.get(t) ?? index.rare;
        total += w;
        for (const i of index.postings.get(t) ?? []) got.set(i, (got.get(i) ?? 0) + w);
      }
      for (const [i, g] of got) {
        const c = g / total;
        if (!best || c > best.containment) best = { sentence: index.sentences[i]!, containment: c, clause };
      }
    }
  }
  return best;
}
