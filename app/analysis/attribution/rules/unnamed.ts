import { lookupCue } from "../../cues";
import { isQuoteMark } from "../../quotes";
import { type CueStance, type Span } from "../../types";
import { contentAfter } from "../clauses";
import { type AttributionContext, type RawAttribution, lemmaOf, span } from "../context";
import { isPassive } from "../phrases";
import { npLeft } from "../noun-phrases";
import {
  ASKED_NEXT,
  FACE_VERBS,
  PASSIVE_EVAL,
  PASSIVE_FORMS,
  PERSONAL,
  RELATIVE,
  UNNAMED_ADVERBS,
  UNNAMED_PASSIVE,
} from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";
import { askedFront, facedCriticism } from "./unnamed-evaluations";

export function unnamedAdverb(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  // The clause holding the adverb: after a leading adverbial phrase and its comma.
  let start = a;
  for (let m = a; m < i; m++) {
    if (tokens[m]!.value === ",") {
      let hasVerb = false;
      for (let n = start; n < m; n++) if (tokens[n]!.pos === "VERB") hasVerb = true;
      if (!hasVerb) start = m + 1;
    }
  }
  const c = contentAfter(ctx, start, b);
  if (!c) return null;
  return {
    kind: "unnamed",
    sourceTok: null,
    source: null,
    cue: span(ctx, i, i),
    cueLemma: ctx.lower[i]!,
    cueClass: "unnamed",
    cueStance: "distancing",
    content: [c],
    rule: "unnamed.reportedly",
    evidence: [`adverb: ${ctx.lower[i]}`],
  };
}

export function unnamedPassive(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  lemma: string,
): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  // An agent ("was reported by X") makes it a named attribution; leave that to other rules.
  if (lower[i + 1] === "by") return null;
  let j = i - 1;
  while (j >= a && tokens[j]!.pos === "ADV") j--;
  const auxTok = j;
  const cue = span(ctx, Math.max(a, auxTok), i);
  const base = {
    sourceTok: null,
    source: null,
    cue,
    cueLemma: lemma,
    cueClass: "unnamed" as const,
    cueStance: (lemma === "allege" || lemma === "claim" ? "distancing" : "neutral") as CueStance,
    evidence: [`passive: ${lemma} without agent`],
  };
  if (lower[i + 1] === "to" && i + 2 <= b) {
    const c = contentAfter(ctx, i + 1, b);
    if (!c) return null;
    // "Hundreds of fish are said to have died": the subject is part of what is reported.
    const subj = auxTok - 1 >= a ? npLeft(ctx, auxTok - 1, a, false) : null;
    const content = subj && !PERSONAL.has(lower[subj[0]]!) ? { start: tokens[subj[0]]!.start, end: c.end } : c;
    return Object.assign({}, base, { kind: "unnamed" as const, content: [content], rule: "unnamed.passive" });
  }
  if (lower[i + 1] === "that" && auxTok - 1 >= a && lower[auxTok - 1] === "it") {
    const c = contentAfter(ctx, i + 1, b);
    if (!c) return null;
    return Object.assign({}, base, { kind: "unnamed" as const, content: [c], rule: "unnamed.it-is-said" });
  }
  return null;
}

/** An agentless passive of an evaluative cue ("Peacekeepers have been accused of …", "the rule is seen as …"): no source; the subject and the complement are the content. */
export function passiveEval(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  lemma: string,
): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (ctx.quotes.containing(tokens[i]!.start) || i + 1 > b) return null;
  const nx = lower[i + 1]!;
  const np1 = tokens[i + 1]!.pos;
  if (!(
    nx === "of" ||
    nx === "for" ||
    nx === "as" ||
    nx === "with" ||
    np1 === "DET" ||
    np1 === "ADJ" ||
    np1 === "NOUN" ||
    isQuoteMark(tokens[i + 1]!.value)
  ))
    return null;
  let j = i - 1;
  while (j >= a && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "AUX" || lower[j] === "not")) j--;
  if (j < a) return null;
  const subj =
    RELATIVE.has(lower[j]!) || PERSONAL.has(lower[j]!) ? ([j, j] as [number, number]) : npLeft(ctx, j, a, false);
  if (!subj) return null;
  const c = contentAfter(ctx, nx === "of" || nx === "for" || nx === "with" ? i + 2 : i + 1, b);
  if (!c) return null;
  const found = lookupCue(lemma);
  return {
    kind: "unnamed",
    sourceTok: null,
    source: null,
    cue: span(ctx, j + 1, nx === "of" || nx === "for" || nx === "as" || nx === "with" ? i + 1 : i),
    cueLemma: lemma,
    cueClass: "stance",
    cueStance: found?.entry.stance ?? "neutral",
    content: [span(ctx, subj[0], subj[1]), c],
    rule: "unnamed.passive-stance",
    evidence: [`passive without agent: ${lemma}`],
  };
}

/** "X seems to …", "X seems unlikely", "it appears that …": an impression with no source; the subject and the complement are the content. */
export function seemCue(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  lemma: string,
): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (i + 1 > b) return null;
  const nx = lower[i + 1]!;
  const np = tokens[i + 1]!.pos;
  // "appear" also means "show up": only its "to"/"that" readings count.
  const ok =
    nx === "to" ||
    nx === "that" ||
    (lemma === "seem" && (np === "ADJ" || (np === "ADV" && tokens[i + 2]?.pos === "ADJ") || nx === "like"));
  if (!ok) return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  let j = i - 1;
  while (j >= a && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "AUX" || lower[j] === "not" || lower[j] === "also"))
    j--;
  if (j < a) return null;
  let subj: [number, number] | null = null;
  if (lower[j] === "it") subj = null;
  else if (RELATIVE.has(lower[j]!) || lower[j] === "what" || PERSONAL.has(lower[j]!)) subj = [j, j];
  else subj = npLeft(ctx, j, a, false);
  if (!subj && lower[j] !== "it") return null;
  const c = contentAfter(ctx, nx === "like" ? i + 2 : i + 1, b);
  if (!c) return null;
  const content: Span[] = subj ? [span(ctx, subj[0], subj[1]), c] : [c];
  return {
    kind: "unnamed",
    sourceTok: null,
    source: null,
    cue: span(ctx, i, i),
    cueLemma: lemma,
    cueClass: "stance",
    cueStance: "neutral",
    content,
    rule: "unnamed.seem",
    evidence: [`impression verb: ${lemma}`],
    // The writer's own impression: a hedge, not an unnamed source (PolNeAR's scheme still annotates it).
    aside: "hedge",
  };
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "unnamed",
  rules: [
    {
      id: "unnamed.reportedly",
      description: "An adverb such as “reportedly” or “allegedly” marks an attribution with no named source.",
      examples: [
        {
          text: "The minister reportedly plans to resign.",
          expect: { source: null, cue: "reportedly", content: "The minister reportedly plans to resign" },
        },
      ],
    },
    {
      id: "unnamed.passive",
      description: "A passive reporting verb with no agent (“is said to”, “is believed to”).",
      examples: [
        {
          text: "The minister is said to be planning her resignation.",
          expect: { source: null, cue: "is said", content: "The minister is said to be planning her resignation" },
        },
      ],
    },
    {
      id: "unnamed.it-is-said",
      description: "“It is said/alleged/reported that …”: an attribution with no named source.",
      examples: [
        {
          text: "It is widely believed that the port will close.",
          expect: { source: null, cue: "is widely believed", content: "that the port will close" },
        },
      ],
    },
    {
      id: "unnamed.passive-stance",
      description:
        "An evaluative passive with no agent (“they have been accused of …”, “it is seen as …”): no source; the subject and the complement are the content.",
      examples: [
        {
          text: "The contractors have been accused of cutting corners.",
          expect: { source: null, cue: "have been accused of", content: "The contractors … cutting corners" },
        },
      ],
    },
    {
      id: "unnamed.seem",
      description:
        "“X seems to …”, “it appears that …”: an impression reported with no source; the subject and the complement are its content.",
      examples: [
        {
          text: "The plan seems to be failing.",
          expect: { source: null, cue: "seems", content: "The plan … to be failing" },
        },
      ],
    },
    {
      id: "unnamed.faced-criticism",
      description:
        "Criticism or questions faced with no critic named (“has faced questions about …”, “came under fire for …”): the complement is the content.",
      examples: [
        {
          text: "The agency has faced criticism for its slow response.",
          expect: { source: null, cue: "faced criticism for", content: "its slow response" },
        },
      ],
    },
    {
      id: "unnamed.asked",
      description:
        "“Asked about …, X said”: the question put to the speaker, with no one named as asking, is the content.",
      examples: [
        {
          text: "Asked about the levy, the mayor said it would stay.",
          expect: { source: null, cue: "Asked about", content: "the levy" },
        },
      ],
    },
  ],
};

const isVerb = (ctx: AttributionContext, i: number) =>
  ctx.tok.tokens[i]!.pos === "VERB" || ctx.tok.tokens[i]!.pos === "AUX";
const lemmaAt = (ctx: AttributionContext, i: number) => lemmaOf(ctx, i);

/** "the agency has faced criticism for …", "she came under fire over …": criticism with no one named. */
export const facedCriticismMatcher: TokenMatcher = {
  id: "faced-criticism",
  produces: ["unnamed.faced-criticism"],
  fallthrough: true,
  when: (ctx, i, _a, b) =>
    (ctx.tok.tokens[i]!.pos === "VERB" || ctx.tok.tokens[i]!.pos === "NOUN") &&
    FACE_VERBS.has(lemmaAt(ctx, i)) &&
    i + 2 <= b,
  run: (ctx, i, _a, b) => facedCriticism(ctx, i, b),
};

/** "Asked about the levy, the mayor said …": the question put, with no one named as asking. */
export const askedMatcher: TokenMatcher = {
  id: "asked",
  produces: ["unnamed.asked"],
  fallthrough: true,
  when: (ctx, i, a, b) => ctx.lower[i] === "asked" && i === a && i + 2 <= b && ASKED_NEXT.has(ctx.lower[i + 1]!),
  run: (ctx, i, _a, b) => askedFront(ctx, i, b),
};

/** "reportedly", "allegedly": takes the token even when it finds nothing. */
export const reportedlyMatcher: TokenMatcher = {
  id: "reportedly",
  produces: ["unnamed.reportedly"],
  fallthrough: false,
  when: (ctx, i) => UNNAMED_ADVERBS.has(ctx.lower[i]!),
  run: (ctx, i, a, b) => unnamedAdverb(ctx, i, a, b),
};

/** A passive form the tagger did not read as a verb ("is said to", "was reported that"). */
export const passiveFormMatcher: TokenMatcher = {
  id: "passive-form",
  produces: ["unnamed.passive", "unnamed.it-is-said"],
  fallthrough: false,
  when: (ctx, i, a) => PASSIVE_FORMS.has(ctx.lower[i]!) && ctx.tok.tokens[i]!.pos !== "VERB" && isPassive(ctx, i, a),
  run: (ctx, i, a, b) => unnamedPassive(ctx, i, a, b, PASSIVE_FORMS.get(ctx.lower[i]!)!),
};

/** A passive reporting verb with no agent ("is believed to"). */
export const passiveVerbMatcher: TokenMatcher = {
  id: "passive-verb",
  produces: ["unnamed.passive", "unnamed.it-is-said"],
  fallthrough: false,
  when: (ctx, i, a) =>
    isVerb(ctx, i) && UNNAMED_PASSIVE.has(lemmaAt(ctx, i)) && isPassive(ctx, i, a) && ctx.lower[i + 1] !== "by",
  run: (ctx, i, a, b) => unnamedPassive(ctx, i, a, b, lemmaAt(ctx, i)),
};

/** "Peacekeepers have been accused of …" */
export const passiveEvalMatcher: TokenMatcher = {
  id: "passive-stance",
  produces: ["unnamed.passive-stance"],
  fallthrough: true,
  when: (ctx, i, a) =>
    ctx.tok.tokens[i]!.pos === "VERB" &&
    PASSIVE_EVAL.has(lemmaAt(ctx, i)) &&
    ctx.lower[i + 1] !== "by" &&
    isPassive(ctx, i, a),
  run: (ctx, i, a, b) => passiveEval(ctx, i, a, b, lemmaAt(ctx, i)),
};

/** "The plan seems to be failing": an appearance with no one to hold it. */
export const seemMatcher: TokenMatcher = {
  id: "seem",
  produces: ["unnamed.seem"],
  fallthrough: true,
  when: (ctx, i) => isVerb(ctx, i) && (lemmaAt(ctx, i) === "seem" || lemmaAt(ctx, i) === "appear"),
  run: (ctx, i, a, b) => seemCue(ctx, i, a, b, lemmaAt(ctx, i)),
};
