import { clauseFollows, contentAfter } from "../clauses";
import { type AttributionContext, type RawAttribution, kindOf, lemmaOf, span, trimSpan } from "../context";
import { isFiniteVerb, isPassive, skipLeftModifiers, subjectOk } from "../phrases";
import { npLeft } from "../noun-phrases";
import { NOUN_CUES, NOUN_STANCE, NOUN_THAT, POSSESSIVE_PRON, RELATIVE } from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";

/** "X's claim that …", "his call for …", "her plan to …": a possessor as source and the complement as content. */
export function nounCue(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let j = i - 1;
  while (j >= a && (tokens[j]!.pos === "ADJ" || tokens[j]!.pos === "ADV")) j--;
  if (j < a) return null;
  let src: [number, number] | null = null;
  if (POSSESSIVE_PRON.has(lower[j]!)) src = [j, j];
  else if ((lower[j] === "’s" || lower[j] === "'s" || lower[j] === "’") && j - 1 >= a) {
    const np = npLeft(ctx, j - 1, a, false);
    if (np && subjectOk(ctx, np, "stance")) src = [np[0], j];
  }
  if (!src) return null;
  const n = i + 1;
  if (n > b) return null;
  const ln = lower[n]!;
  let k: number;
  const after = n + 1 <= b ? tokens[n + 1]! : undefined;
  // "his plan that matches …" is a relative clause; "her commitment to the group" a phrase, not an infinitive.
  if (ln === "that" && after && (after.pos === "VERB" || after.pos === "AUX")) return null;
  if (
    ln === "to" &&
    after &&
    !(after.pos === "VERB" || after.pos === "AUX" || after.pos === "ADV" || after.pos === "PART")
  )
    k = n + 1;
  else if (ln === "that" || ln === "to") k = n;
  else if (
    (ln === "for" || ln === "of" || ln === "on" || ln === "about" || ln === "against" || ln === "over") &&
    n + 1 <= b
  )
    k = n + 1;
  else return null;
  let c = contentAfter(ctx, k, b);
  if (!c) return null;
  // "His plan to widen the road angered residents": when the possessed noun opens the clause, its infinitive ends before the main verb.
  if (
    ln === "to" &&
    (src[0] === a ||
      lower[src[0] - 1] === "," ||
      tokens[src[0] - 1]!.pos === "CCONJ" ||
      tokens[src[0] - 1]!.pos === "SCONJ")
  ) {
    for (let m = k + 2; m <= b && tokens[m]!.start < c.end; m++) {
      const t = tokens[m]!;
      if (ctx.quotes.containing(t.start)) continue;
      if (
        (t.pos === "AUX" || isFiniteVerb(t, lower[m]!)) &&
        lower[m - 1] !== "to" &&
        tokens[m - 1]!.pos !== "PRON" &&
        !RELATIVE.has(lower[m - 1]!) &&
        tokens[m - 1]!.pos !== "CCONJ"
      ) {
        const cut = trimSpan(ctx.text, c.start, tokens[m - 1]!.end);
        if (cut) c = cut;
        break;
      }
    }
  }
  const lemma = tokens[i]!.lemma.toLowerCase();
  return {
    kind: "indirect",
    sourceTok: src,
    source: span(ctx, src[0], src[1]),
    cue: span(ctx, i, i),
    cueLemma: lemma,
    cueClass: "stance",
    cueStance: NOUN_STANCE[lemma] ?? "neutral",
    content: [c],
    rule: "noun.possessive",
    evidence: [`noun cue: ${lemma} with a possessor`],
  };
}

/** "fears that the pier will close", "warnings from the union that …": a stance noun and its complement clause; the source is the "from" phrase, if any. */
export function nounComplement(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  // "the promise that he made": a relative clause has a gap; a complement clause has its own subject and a verb with what follows.
  if (!clauseFollows(ctx, i + 2, b)) return null;
  let v = i + 2;
  while (v <= b && v < i + 10 && !(tokens[v]!.pos === "VERB" || tokens[v]!.pos === "AUX")) v++;
  while (
    v + 1 <= b &&
    (tokens[v + 1]!.pos === "VERB" ||
      tokens[v + 1]!.pos === "AUX" ||
      tokens[v + 1]!.pos === "PART" ||
      tokens[v + 1]!.pos === "ADV")
  )
    v++;
  if (v + 1 > b || tokens[v + 1]!.pos === "PUNCT" || (tokens[v + 1]!.pos === "ADP" && tokens[v]!.pos === "VERB"))
    return null;
  const c = contentAfter(ctx, i + 1, b);
  if (!c) return null;
  const lemma = tokens[i]!.lemma.toLowerCase();
  // "the mayor voiced concerns that …": the subject of the verb governing the noun holds it.
  let src: [number, number] | null = null;
  let m = i - 1;
  while (
    m >= a &&
    i - m <= 4 &&
    (tokens[m]!.pos === "DET" ||
      tokens[m]!.pos === "ADJ" ||
      tokens[m]!.pos === "ADV" ||
      tokens[m]!.pos === "ADP" ||
      tokens[m]!.pos === "NOUN")
  )
    m--;
  if (m >= a && tokens[m]!.pos === "VERB" && !/ing$/.test(lower[m]!) && !isPassive(ctx, m, a)) {
    const np = npLeft(ctx, skipLeftModifiers(ctx, m - 1, a), a);
    if (np && subjectOk(ctx, np, "stance")) src = np;
  }
  return {
    kind: src ? kindOf(ctx, c) : "unnamed",
    sourceTok: src,
    source: src ? span(ctx, src[0], src[1]) : null,
    cue: span(ctx, i, i),
    cueLemma: lemma,
    cueClass: "stance",
    cueStance: NOUN_STANCE[lemma] ?? "neutral",
    content: [c],
    rule: "noun.complement",
    evidence: [`noun cue: ${lemma} with a "that" clause${src ? ", held by the subject" : ""}`],
  };
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "noun-cues",
  rules: [
    {
      id: "noun.possessive",
      description:
        "A reporting noun with a possessor (“X's claim that …”, “her call for …”): the possessor is the source.",
      examples: [
        {
          text: "Critics rejected Brandt's claim that the bridge is safe.",
          expect: { source: "Brandt's", cue: "claim", content: "that the bridge is safe" },
        },
        {
          text: "The union renewed its call for a new levy.",
          expect: { source: "its", cue: "call", content: "a new levy" },
        },
      ],
    },
    {
      id: "noun.complement",
      description:
        "A reporting or stance noun with a “that” clause and no possessor (“fears that …”, “voiced concerns that …”): the subject of the governing verb is the source, or there is none.",
      examples: [
        {
          text: "The vote came amid fears that the plant would close.",
          expect: { source: null, cue: "fears", content: "that the plant would close" },
        },
      ],
    },
  ],
};

/** "Trump's claim that …", "her call for …" */
export const nounCueMatcher: TokenMatcher = {
  id: "noun-possessive",
  produces: ["noun.possessive"],
  fallthrough: true,
  when: (ctx, i, a) => ctx.tok.tokens[i]!.pos === "NOUN" && NOUN_CUES.has(lemmaOf(ctx, i)) && i > a,
  run: (ctx, i, a, b) => nounCue(ctx, i, a, b),
};

/** "amid fears that …", "the recognition that …": a complement clause with no possessor. */
export const nounThatMatcher: TokenMatcher = {
  id: "noun-complement",
  produces: ["noun.complement"],
  fallthrough: true,
  when: (ctx, i, _a, b) =>
    ctx.tok.tokens[i]!.pos === "NOUN" && ctx.lower[i + 1] === "that" && i + 2 <= b && NOUN_THAT.has(lemmaOf(ctx, i)),
  run: (ctx, i, a, b) => nounComplement(ctx, i, a, b),
};
