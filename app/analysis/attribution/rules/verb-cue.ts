// The reporting-verb matcher: a verb cue ("said", "denied", "shows") with its source and content.
import { endsWithQuote, isQuoteMark, startsWithQuote } from "../../quotes";
import { type CueClass, lookupCueAt } from "../../cues";
import { clauseFollows, contentAfterPost, contentBefore, endsClause, isDashToken } from "../clauses";
import { contentAfterCue } from "../cue-content";
import {
  type AttributionContext,
  type CueFields,
  type RawAttribution,
  fromCue,
  kindOf,
  lemmaOf,
  span,
  withSource,
} from "../context";
import {
  appositiveSource,
  anonymityRequestEnd,
  hasFiniteVerb,
  isBoundaryBefore,
  isFiniteVerb,
  isPassive,
  sentenceSubject,
  skipLeftModifiers,
  subjectOk,
} from "../phrases";
import { npLeft, npRight } from "../noun-phrases";
import {
  ANONYMITY_VERBS,
  ASKED_NEXT,
  BE_FORMS,
  CLAUSE_ONLY_CUES,
  CONTROL_ADJ,
  DAY_WORDS,
  EVENT_NOUNS,
  MONTHS,
  OBJECT_CONTROL,
  OCCASION_NOUNS,
  PERSONAL,
  RELATIVE,
  SAY_LIKE,
} from "../word-sets";
import { commonNounSpeaker, ingAfterSubject, relativeThatAt } from "./participle-subject";
import { perceivedSpeakerEnd } from "./perceived-speech";
import { contentAfterSource, frontedParticiple, subjectBeforeCue } from "./verb-cue-parts";

export function verbCue(
  ctx: AttributionContext,
  i: number,
  a: number,
  b: number,
  sentenceAtts: RawAttribution[],
  lemmaOverride?: string,
): RawAttribution | null {
  const { tok, lower, text } = ctx;
  const tokens = tok.tokens;
  const t = tokens[i]!;
  const lemma = lemmaOverride ?? lemmaOf(ctx, i);
  const found = lookupCueAt(lemma, lower, i + 1, b);
  if (!found) return null;
  // "who asked not to be named", "declined to be identified", "requested anonymity": a source's request for
  // anonymity is about the source, not something it reports; the verb that follows carries the attribution.
  if (ANONYMITY_VERBS.has(lemma) && anonymityRequestEnd(ctx, i + 1, b) >= 0) return null;
  const { entry, withParticle } = found;
  const cls = entry.class;
  const inQuote = ctx.quotes.containing(t.start);
  if (inQuote && inQuote.end - inQuote.start > 0 && inQuote.start < t.start && inQuote.end > t.end) return null;
  // Infinitives and passives are not reports by the subject.
  const prev = i > a ? lower[i - 1] : undefined;
  // "X appeared to blame Y", "X tries to draw …": the subject of the governing verb is the source.
  let controlled = false;
  if (prev === "to" && i - 2 >= a && cls !== "evidence") {
    // "the summit led the minister to demand …", "forced the banker to admit …": the object of the first verb is the source.
    const np = npLeft(ctx, i - 2, a, false);
    const v = np && np[0] - 1 >= a ? tokens[np[0] - 1]! : undefined;
    if (np && v && v.pos === "VERB" && OBJECT_CONTROL.has(v.lemma.toLowerCase()) && subjectOk(ctx, np, "stance")) {
      const cueEnd = i + found.extra;
      const content = contentAfterCue(ctx, cueEnd + 1, b, lemma, cls);
      if (!content) return null;
      return {
        kind: kindOf(ctx, content),
        sourceTok: np,
        source: span(ctx, np[0], np[1]),
        cue: span(ctx, i - 1, cueEnd),
        cueLemma: lemma,
        cueClass: cls,
        cueStance: entry.stance,
        content: [content],
        rule: "indirect.stance",
        evidence: [`cue: ${lemma} (${cls}, ${entry.stance}) after “${v.value} X to”`],
      };
    }
  }
  if (prev === "to") {
    // "she was able to tout …", "he is quick to praise …": an adjective of ability or readiness after a form of be passes its subject on.
    const adjControl =
      i - 3 >= a && tokens[i - 2]!.pos === "ADJ" && CONTROL_ADJ.has(lower[i - 2]!) && BE_FORMS.has(lower[i - 3]!);
    if (!adjControl) return null;
    controlled = true;
  }
  // "who's called for …": a contracted "has" before a particle cue is no passive.
  const hasContracted =
    found.withParticle &&
    (lower[i - 1] === "’s" || lower[i - 1] === "'s") &&
    i - 2 >= a &&
    (PERSONAL.has(lower[i - 2]!) || RELATIVE.has(lower[i - 2]!));
  if (!controlled && !hasContracted && isPassive(ctx, i, a)) return null;
  const cueEndTok = i + found.extra;
  // "as she put it, …", "“…,” he put it": "put it" reports speech only before a pause, a quotation or an occasion phrase.
  if (withParticle && lemma === "put") {
    const nt = tokens[i + 2];
    let occasion = false;
    if (lower[i + 2] === "in")
      for (let m = i + 3; m <= Math.min(b, i + 6); m++)
        if (EVENT_NOUNS.has(lower[m]!) || OCCASION_NOUNS.has(lower[m]!)) occasion = true;
    if (nt && i + 2 <= b && !(nt.pos === "PUNCT" || isQuoteMark(nt.value) || occasion)) return null;
  }
  const cueSpan = span(ctx, i, cueEndTok);
  // Narrow senses: "see/view X as", "call X Y" need their complement.
  if ((lemma === "see" || lemma === "view" || lemma === "regard") && !withParticle) {
    let ok = false;
    for (let m = i + 1; m <= Math.min(b, i + 10); m++) {
      if (lower[m] === "as") {
        ok = true;
        break;
      }
      if (tokens[m]!.pos === "VERB") break;
    }
    if (!ok) return null;
  }
  if (
    (lemma === "know" ||
      lemma === "understand" ||
      lemma === "feel" ||
      (CLAUSE_ONLY_CUES.has(lemma) && !withParticle)) &&
    lower[i + 1] !== "that" &&
    !clauseFollows(ctx, i + 1, b)
  )
    return null;
  const base = {
    cue: cueSpan,
    cueLemma: found.phrase,
    cueClass: cls,
    cueStance: entry.stance,
    evidence: [`cue: ${found.phrase} (${entry.class}, ${entry.stance})`],
  };

  let j = skipLeftModifiers(
    ctx,
    controlled ? (BE_FORMS.has(lower[i - 3] ?? "") && tokens[i - 2]!.pos === "ADJ" ? i - 4 : i - 3) : i - 1,
    a,
  );
  const isIng = /ing$/i.test(t.value);
  let progressive = false;
  for (let m = j + 1; m < i; m++)
    if (tokens[m]!.lemma === "be" || lower[m] === "’s" || lower[m] === "'s") progressive = true;
  // "Roe was quoted in the Ledger as saying …", "was heard saying …": the subject of the passive is the speaker.
  const heard = isIng ? perceivedSpeakerEnd(ctx, j, a) : -1;
  if (heard >= 0) [j, progressive] = [heard, true];

  // Participle clause: ", saying …" takes the subject of the sentence.
  const byIng =
    isIng &&
    j >= a &&
    (lower[j] === "by" || lower[j] === "while" || lower[j] === "after" || lower[j] === "before" || lower[j] === "when");
  // "Citing a report, the mayor said …", "After saying …, she left": a participle opening the sentence takes the subject after its comma.
  if (
    isIng &&
    (j < a ||
      (j === a &&
        (lower[j] === "after" ||
          lower[j] === "before" ||
          lower[j] === "while" ||
          lower[j] === "by" ||
          lower[j] === "in"))) &&
    (cls === "speech" || cls === "stance")
  ) {
    const fr = frontedParticiple(ctx, cueEndTok + 1, b, base);
    if (fr) return fr;
  }
  if (
    isIng &&
    heard < 0 &&
    j >= a &&
    (lower[j] === "," || tokens[j]!.pos === "CCONJ" || byIng) &&
    (cls === "speech" || cls === "stance")
  ) {
    // "…, with Rep. Ann Vell, D-Calif., saying …": a name with its party tag just before the participle is its subject.
    const src = taggedNameBefore(ctx, j, a) ?? sentenceSubject(ctx, a, j, sentenceAtts);
    if (!src) return null;
    const content = contentAfterCue(ctx, cueEndTok + 1, b, lemma, cls);
    if (!content) return null;
    return withSource(ctx, base, src, content, "indirect.participle");
  }

  // Post-position: "…,” said X" / "…, said X".
  // (Inversion is for say-like verbs: "…, said the minister"; "X, an aide, noted the rule" is no inversion.)
  // "…,” Roe, an aide, told HuffPost": "told" never inverts; its object is the listener, the speaker comes before it.
  if (
    cls === "speech" &&
    lemma !== "tell" &&
    j >= a &&
    isBoundaryBefore(ctx, j) &&
    lower[cueEndTok + 1] !== ":" &&
    (SAY_LIKE.has(lemma) || ctx.quotes.byEnd.has(tokens[j]!.end) || ctx.quotes.byEnd.has(tokens[j - 1]?.end ?? -1))
  ) {
    const np = npRight(ctx, cueEndTok + 1, b);
    // "“…,” said a data expert who has worked for …": after a closed quotation, a relative clause describes the speaker.
    const relativeAfter =
      !!np &&
      (lower[np[1] + 1] === "who" || lower[np[1] + 1] === "whose") &&
      (ctx.quotes.byEnd.has(tokens[j]!.end) || ctx.quotes.byEnd.has(tokens[j - 1]?.end ?? -1));
    // "…, Flynn said Thursday morning": a time phrase after the verb is no speaker.
    if (
      np &&
      (endsClause(ctx, np[1] + 1, b, lemma) || relativeAfter) &&
      !(DAY_WORDS.has(lower[np[1]]!) || MONTHS.has(lower[np[1]]!) || tokens[np[1]]!.pos === "NUM")
    ) {
      const pieces = contentBefore(ctx, j, a);
      // Unquoted content before an inverted "said X" is a clause; "Lina Roe, an aide, noted the rule" has none.
      let clauseBefore = /[“”"»]|''/.test(text.slice(pieces?.start ?? 0, pieces?.end ?? 0));
      for (let m = a; m < j && !clauseBefore; m++) {
        // "The lawmaker, who represents …, said the remarks …": a relative clause's verb makes no reported clause.
        if (lower[m] === "," && RELATIVE.has(lower[m + 1] ?? "")) {
          let c = m + 1;
          while (c < j && lower[c] !== ",") c++;
          m = c;
          continue;
        }
        if (tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX") clauseBefore = true;
      }
      if (pieces && clauseBefore) {
        // After "said X," an appositive describes X; only a new quotation continues the content.
        const all = [pieces, ...contentAfterPost(ctx, np[1] + 1, b, true)];
        const quoted = endsWithQuote(text, pieces.end);
        return fromCue(
          base,
          quoted ? "direct" : kindOf(ctx, pieces),
          np,
          span(ctx, np[0], np[1]),
          all,
          quoted ? "quote.cue-source-after" : "indirect.cue-source-after",
        );
      }
    }
  }

  // "…, with critics saying …" (the phrase after "with"), else "followers accusing their rivals of …" (the phrase before).
  if (isIng && !progressive)
    return (
      withSubject(ctx, j, a, b, cueEndTok, lemma, cls, base) ??
      ingAfterSubject(ctx, i, a, b, cueEndTok, lemma, cls, base)
    );
  const subj = subjectBeforeCue(ctx, j, a, cls, isIng && heard < 0, sentenceAtts);
  if (!subj) return null;
  const { np, coordinated } = subj;
  if (!subjectOk(ctx, np, cls)) return null;
  // "the policies she supported", "what he called": a cue in a relative clause with its object gapped.
  if (cls !== "speech" && !coordinated && np[0] - 1 >= a) {
    const pt = tokens[np[0] - 1]!;
    const pl = lower[np[0] - 1]!;
    if (((pt.pos === "NOUN" || pt.pos === "PROPN") && PERSONAL.has(lower[np[0]]!)) || pl === "what" || pl === "whom")
      return null;
  }

  // Post-position: "…,” she said" / "…, X said."
  const before = np[0] - 1;
  if (
    (cls === "speech" || cls === "evidence") &&
    !coordinated &&
    lower[cueEndTok + 1] !== ":" &&
    before >= a &&
    isBoundaryBefore(ctx, before) &&
    (endsClause(ctx, cueEndTok + 1, b, lemma) ||
      (ctx.quotes.byEnd.has(tokens[before]!.end) &&
        lower[cueEndTok + 1] !== "that" &&
        ctx.quotes.byEnd.get(tokens[before]!.end)!.start <= tokens[a]!.start + 1 &&
        /[,?!]['’”"»]*$/.test(text.slice(tokens[before]!.end - 3, tokens[before]!.end))))
  ) {
    const pieces = contentBefore(ctx, before, a);
    // "In her 2004 memoir, Pell noted …", "Speaking in Ostend, he said": a fronted phrase with no finite verb is no reported clause
    // (unless the words after the cue go on with a verb: "The pier, she said, is safe").
    const frontedOnly =
      !!pieces &&
      !/[“”"»]|''/.test(text.slice(pieces.start, pieces.end)) &&
      (!hasFiniteVerb(ctx, a, before - 1) || (lower[a] === "asked" && ASKED_NEXT.has(lower[a + 1] ?? ""))) &&
      !(
        lower[cueEndTok + 1] === "," &&
        cueEndTok + 2 <= b &&
        (tokens[cueEndTok + 2]!.pos === "AUX" || isFiniteVerb(tokens[cueEndTok + 2]!, lower[cueEndTok + 2]!))
      );
    // Unquoted content before ", X said" needs a speaker-like X ("talks go on" is no report).
    if (
      pieces &&
      !frontedOnly &&
      (endsWithQuote(text, pieces.end) ||
        lower[np[1]] === "it" ||
        subjectOk(ctx, np, "stance") ||
        commonNounSpeaker(ctx, np, lemma) ||
        (cls === "evidence" && subjectOk(ctx, np, "evidence")))
    ) {
      const quoted = endsWithQuote(text, pieces.end);
      // After a quotation and "she said", only another quotation continues her words; ", adding …" or a narrative clause does not.
      const rest = quoted ? contentAfterPost(ctx, cueEndTok + 1, b, true) : contentAfterPost(ctx, cueEndTok + 1, b);
      return fromCue(
        base,
        quoted ? "direct" : kindOf(ctx, pieces),
        np,
        span(ctx, np[0], np[1]),
        [pieces, ...rest],
        quoted
          ? "quote.source-cue-after"
          : rest.length && !startsWithQuote(text, rest[0]!.start)
            ? "indirect.split"
            : "indirect.source-cue-after",
      );
    }
  }
  return contentAfterSource(ctx, i, a, b, cueEndTok, { lemma, cls, withParticle }, base, np);
}

/** "Lindsey Vell, R-S.C.," ending at the comma j: the name and its party-state tag, or null. */
function taggedNameBefore(ctx: AttributionContext, j: number, a: number): [number, number] | null {
  if (ctx.lower[j] !== ",") return null;
  let k = j - 1;
  while (k > a && j - k <= 6 && ctx.lower[k] !== ",") k--;
  if (k <= a || ctx.lower[k] !== ",") return null;
  const tag = ctx.text.slice(ctx.tok.tokens[k + 1]!.start, ctx.tok.tokens[j - 1]!.end);
  if (!/^[RDI]-[A-Z][A-Za-z.]*$/.test(tag)) return null;
  return appositiveSource(ctx, j, a);
}

/** "…, with Roe’s team long accusing her of …", "with critics saying …": the phrase after "with" is the participle's subject. */
function withSubject(
  ctx: AttributionContext,
  j: number,
  a: number,
  b: number,
  cueEndTok: number,
  lemma: string,
  cls: CueClass,
  base: CueFields,
): RawAttribution | null {
  // Speech only ("with Russia backing the government" is an act), and a plain phrase ("with footage of Vass saying" shows Vass).
  if (cls !== "speech") return null;
  let np = npLeft(ctx, j, a, false);
  // "with some – including Sen. Ivo Marr, a lawmaker from Tarn – arguing …": the named member the dashes set off.
  let member: [number, number] | null = null;
  if (!np && j > a && isDashToken(ctx, j)) {
    let d = j - 1;
    while (d > a && !isDashToken(ctx, d)) d--;
    np = d > a ? npLeft(ctx, d - 1, a, false) : null;
    let p = d + 2;
    while (p < j && ctx.tok.tokens[p]!.pos !== "PROPN") p++;
    if (np && ctx.lower[d + 1] === "including" && p < j) member = [p, j - 1];
  }
  if (!np || np[0] - 1 < a || ctx.lower[np[0] - 1] !== "with" || !subjectOk(ctx, np, "stance")) return null;
  if (relativeThatAt(ctx, cueEndTok + 1)) return null;
  for (let m = np[0]; m <= np[1]; m++) if (ctx.tok.tokens[m]!.pos === "ADP") return null;
  const content = contentAfterCue(ctx, cueEndTok + 1, b, lemma, cls);
  if (!content) return null;
  const src = member ?? np;
  return withSource(ctx, base, src, content, "indirect.participle");
}
