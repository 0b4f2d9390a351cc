// Whether an article carries a claim group's proposition in any form, judged loosely on purpose: a group is listed as
// something the focal article lacks only when no sentence of it holds most of the words of any clause of the group's
// members. Word stems (with the predicate synonym sets), names and numbers, IDF-weighted over the comparison's
// sentences; containment, not similarity, so a long focal sentence that also says other things still counts.
import { stem, STOP_WORDS } from "#app/analysis/stem";
import type { Span } from "#app/analysis/types";
import { GENERIC_TERMS } from "./claims-align";
import { SYNONYM_OF } from "./predicate-synonyms";
import { splitPropositions } from "./propositions";

/**
 * A member clause counts as carried by a focal sentence holding this share of its weighted words ("most of it").
 * BASIL dev, listed omissions precision / recall by floor: off 0.818 / 0.197, 0.7 0.844 / 0.197, 0.6–0.4 0.839 /
 * 0.190, 0.3 0.840 / 0.153, 0.2 0.933 / 0.102 (15 listed): 0.7 drops a false one and no true one.
 */
export const CARRY_FLOOR = 0.7;

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

/** IDF of each term over a set of texts (the comparison's sentences). */
export function termWeights(texts: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const ts of texts) for (const t of ts) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length || 1;
  const w = new Map<string, number>();
  for (const [t, d] of df) w.set(t, Math.log(1 + n / d));
  return w;
}

/**
 * The sentence of `sentences` that holds the largest weighted share of any clause of `members`, or null when none
 * shares a word. `weights`: termWeights over the comparison (a term missing from it weighs as the rarest).
 */
export function nearestCarrier(
  members: string[],
  sentences: { s: CarrySentence; terms: Set<string> }[],
  weights: Map<string, number>,
): CarryMatch | null {
  const maxW = Math.max(1, ...weights.values());
  let best: CarryMatch | null = null;
  for (const text of members) {
    for (const part of splitPropositions(text)) {
      const clause = part.map((x) => text.slice(x.start, x.end)).join(" … ");
      const ts = carryTerms(clause);
      if (!ts.length) continue;
      const ws = ts.map((t) => weights.get(t) ?? maxW);
      const total = ws.reduce((a, b) => a + b, 0);
      for (const sen of sentences) {
        let got = 0;
        ts.forEach((t, k) => {
          if (sen.terms.has(t)) got += ws[k]!;
        });
        if (!got) continue;
        const c = got / total;
        if (!best || c > best.containment) best = { sentence: sen.s, containment: c, clause };
      }
    }
  }
  return best;
}
