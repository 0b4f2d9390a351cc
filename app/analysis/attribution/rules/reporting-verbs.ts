import { lookupCue } from "../../cues";
import { endsWithQuote, isQuoteMark, startsWithQuote } from "../../quotes";
import { type Span } from "../../types";
import { clauseFollows, contentAfterCue, contentAfterPost, contentBefore, endsClause, firstCommaOutsideQuotes } from "../clauses";
import { type AttributionContext, type RawAttribution, kindOf, span, tokenAt, trimSpan } from "../context";
import { anonymityClauseBefore, anonymityRequestEnd, appositiveSource, hasFiniteVerb, isBoundaryBefore, isCommaLike, isFiniteVerb, isPassive, npLeft, npRight, postModifiedSubject, sentenceSubject, skipLeftModifiers, skipTimeGap, subjectOk } from "../phrases";
import { ADVERBIAL_OPENERS, ANONYMITY_VERBS, ASKED_NEXT, BE_FORMS, CLAUSE_ONLY_CUES, CONTROL_ADJ, DAY_WORDS, EVENT_NOUNS, MONTHS, OBJECT_CONTROL, OCCASION_NOUNS, PARTICLE_WORDS, PERSONAL, QUOTE_ONLY_CUES, RELATIVE, SAY_LIKE, WH_OPENERS } from "../word-sets";
import type { RuleFamily, TokenMatcher } from "../rule";

export function verbCue(ctx: AttributionContext, i: number, a: number, b: number, sentenceAtts: RawAttribution[], lemmaOverride?: string): RawAttribution | null {
  const { tok, lower, text } = ctx;
  const tokens = tok.tokens;
  const t = tokens[i]!;
  const lemma = lemmaOverride ?? t.lemma.toLowerCase();
  const next = i < b ? lower[i + 1] : undefined;
  const found = lookupCue(lemma, next);
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
      const cueEnd = withParticle ? i + 1 : i;
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
    const adjControl = i - 3 >= a && tokens[i - 2]!.pos === "ADJ" && CONTROL_ADJ.has(lower[i - 2]!) && BE_FORMS.has(lower[i - 3]!);
    if (!adjControl) return null;
    controlled = true;
  }
  // "who's called for …": a contracted "has" before a particle cue is no passive.
  const hasContracted = found.withParticle && (lower[i - 1] === "’s" || lower[i - 1] === "'s") && i - 2 >= a && (PERSONAL.has(lower[i - 2]!) || RELATIVE.has(lower[i - 2]!));
  if (!controlled && !hasContracted && isPassive(ctx, i, a)) return null;
  const cueEndTok = withParticle ? i + 1 : i;
  // "as she put it, …", "“…,” he put it": "put it" reports speech only before a pause, a quotation or an occasion phrase.
  if (withParticle && lemma === "put") {
    const nt = tokens[i + 2];
    let occasion = false;
    if (lower[i + 2] === "in") for (let m = i + 3; m <= Math.min(b, i + 6); m++) if (EVENT_NOUNS.has(lower[m]!) || OCCASION_NOUNS.has(lower[m]!)) occasion = true;
    if (nt && i + 2 <= b && !(nt.pos === "PUNCT" || isQuoteMark(nt.value) || occasion)) return null;
  }
  const cueSpan = span(ctx, i, cueEndTok);
  // Narrow senses: "see/view X as", "call X Y" need their complement.
  if ((lemma === "see" || lemma === "view" || lemma === "regard") && !withParticle) {
    let ok = false;
    for (let m = i + 1; m <= Math.min(b, i + 10); m++) {
      if (lower[m] === "as") { ok = true; break; }
      if (tokens[m]!.pos === "VERB") break;
    }
    if (!ok) return null;
  }
  if ((lemma === "know" || lemma === "understand" || lemma === "feel" || (CLAUSE_ONLY_CUES.has(lemma) && !withParticle)) && lower[i + 1] !== "that" && !(clauseFollows(ctx, i + 1, b))) return null;
  const base = {
    cue: cueSpan,
    cueLemma: withParticle ? `${lemma} ${lower[i + 1]}` : lemma,
    cueClass: cls,
    cueStance: entry.stance,
    evidence: [`cue: ${withParticle ? `${lemma} ${lower[i + 1]}` : lemma} (${entry.class}, ${entry.stance})`],
  };

  const j = skipLeftModifiers(ctx, controlled ? (BE_FORMS.has(lower[i - 3] ?? "") && tokens[i - 2]!.pos === "ADJ" ? i - 4 : i - 3) : i - 1, a);
  const isIng = /ing$/i.test(t.value);
  let progressive = false;
  for (let m = j + 1; m < i; m++) if (tokens[m]!.lemma === "be" || lower[m] === "’s" || lower[m] === "'s") progressive = true;

  // Participle clause: ", saying …" takes the subject of the sentence.
  const byIng = isIng && j >= a && (lower[j] === "by" || lower[j] === "while" || lower[j] === "after" || lower[j] === "before" || lower[j] === "when");
  // "Citing a report, the mayor said …", "After saying …, she left": a participle opening the sentence takes the subject after its comma.
  if (isIng && (j < a || (j === a && (lower[j] === "after" || lower[j] === "before" || lower[j] === "while" || lower[j] === "by" || lower[j] === "in"))) && (cls === "speech" || cls === "stance")) {
    const fr = frontedParticiple(ctx, cueEndTok + 1, b, base);
    if (fr) return fr;
  }
  if (isIng && j >= a && (lower[j] === "," || tokens[j]!.pos === "CCONJ" || byIng) && (cls === "speech" || cls === "stance")) {
    const src = sentenceSubject(ctx, a, j, sentenceAtts);
    if (!src) return null;
    const content = contentAfterCue(ctx, cueEndTok + 1, b, lemma, cls);
    if (!content) return null;
    return { ...base, kind: kindOf(ctx, content), sourceTok: src, source: span(ctx, src[0], src[1]), content: [content], rule: "indirect.participle" };
  }

  // Post-position: "…,” said X" / "…, said X".
  // (Inversion is for say-like verbs: "…, said the minister"; "X, an aide, noted the rule" is no inversion.)
  if (cls === "speech" && j >= a && isBoundaryBefore(ctx, j) && lower[cueEndTok + 1] !== ":" && (SAY_LIKE.has(lemma) || ctx.quotes.byEnd.has(tokens[j]!.end) || ctx.quotes.byEnd.has(tokens[j - 1]?.end ?? -1))) {
    const np = npRight(ctx, cueEndTok + 1, b);
    // "…, Flynn said Thursday morning": a time phrase after the verb is no speaker.
    if (np && endsClause(ctx, np[1] + 1, b, lemma) && !(DAY_WORDS.has(lower[np[1]]!) || MONTHS.has(lower[np[1]]!) || tokens[np[1]]!.pos === "NUM")) {
      const pieces = contentBefore(ctx, j, a);
      // Unquoted content before an inverted "said X" is a clause; "Lina Roe, an aide, noted the rule" has none.
      let clauseBefore = /[“”"»]|''/.test(text.slice(pieces?.start ?? 0, pieces?.end ?? 0));
      for (let m = a; m < j && !clauseBefore; m++) if (tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX") clauseBefore = true;
      if (pieces && clauseBefore) {
        // After "said X," an appositive describes X; only a new quotation continues the content.
        const all = [pieces, ...(contentAfterPost(ctx, np[1] + 1, b, true))];
        const quoted = endsWithQuote(text, pieces.end);
        return { ...base, kind: quoted ? "direct" : kindOf(ctx, pieces), sourceTok: np, source: span(ctx, np[0], np[1]), content: all, rule: quoted ? "quote.cue-source-after" : "indirect.cue-source-after" };
      }
    }
  }

  if (isIng && !progressive) return null;
  let np = npLeft(ctx, j, a);
  // "The Ledger on Saturday wrote …", "the court this month rejected …", "Some members, however, question …": a time phrase or a
  // comma-enclosed adverb between the subject and the cue.
  if (!isIng) {
    const g = skipTimeGap(ctx, j, a);
    if (g < j) {
      const np2 = npLeft(ctx, g, a);
      if (np2 && (!np || !subjectOk(ctx, np, cls)) && subjectOk(ctx, np2, cls)) np = np2;
    }
  }
  // "The latest poll released Friday shows …", "A union representing pilots endorsed …": a participle phrase after the subject's head.
  if (!isIng && j >= a && (!np || !subjectOk(ctx, np, cls))) {
    const pm = postModifiedSubject(ctx, j, a, cls);
    if (pm) np = pm;
  }
  if (!isIng && j > a) {
    const w = anonymityClauseBefore(ctx, j, a);
    const np3 = w > a ? npLeft(ctx, w - 1, a) : null;
    if (np3 && subjectOk(ctx, np3, cls)) np = np3;
  }
  let coordinated = false;
  if (!np && j >= a && isCommaLike(lower[j]!) && !isIng) np = appositiveSource(ctx, j, a);
  if (!np && j >= a && (lower[j] === "and" || lower[j] === "but" || ((lower[j] === "yet" || lower[j] === "or"))) && !isIng) {
    // "X is telling … and says …": the verb shares the sentence's subject.
    np = sentenceSubject(ctx, a, j, sentenceAtts);
    coordinated = true;
  }
  if (!np) return null;
  if (!subjectOk(ctx, np, cls)) return null;
  // "the policies she supported", "what he called": a cue in a relative clause with its object gapped.
  if (cls !== "speech" && !coordinated && np[0] - 1 >= a) {
    const pt = tokens[np[0] - 1]!;
    const pl = lower[np[0] - 1]!;
    if (((pt.pos === "NOUN" || pt.pos === "PROPN") && PERSONAL.has(lower[np[0]]!)) || pl === "what" || pl === "whom") return null;
  }

  // Post-position: "…,” she said" / "…, X said."
  const before = np[0] - 1;
  if ((cls === "speech" || (cls === "evidence")) && !coordinated && lower[cueEndTok + 1] !== ":" && before >= a && isBoundaryBefore(ctx, before) && (endsClause(ctx, cueEndTok + 1, b, lemma) || (ctx.quotes.byEnd.has(tokens[before]!.end) && lower[cueEndTok + 1] !== "that" && ctx.quotes.byEnd.get(tokens[before]!.end)!.start <= tokens[a]!.start + 1 && /[,?!]['’”"»]*$/.test(text.slice(tokens[before]!.end - 3, tokens[before]!.end))))) {
    const pieces = contentBefore(ctx, before, a);
    // "In her 2004 memoir, Pell noted …", "Speaking in Ostend, he said": a fronted phrase with no finite verb is no reported clause
    // (unless the words after the cue go on with a verb: "The pier, she said, is safe").
    const frontedOnly = !!pieces && !/[“”"»]|''/.test(text.slice(pieces.start, pieces.end)) && (!hasFiniteVerb(ctx, a, before - 1) || (lower[a] === "asked" && ASKED_NEXT.has(lower[a + 1] ?? ""))) && !(lower[cueEndTok + 1] === "," && cueEndTok + 2 <= b && (tokens[cueEndTok + 2]!.pos === "AUX" || isFiniteVerb(tokens[cueEndTok + 2]!, lower[cueEndTok + 2]!)));
    // Unquoted content before ", X said" needs a speaker-like X ("talks go on" is no report).
    if (pieces && !frontedOnly && (endsWithQuote(text, pieces.end) || lower[np[1]] === "it" || subjectOk(ctx, np, "stance") || (cls === "evidence" && subjectOk(ctx, np, "evidence")))) {
      const quoted = endsWithQuote(text, pieces.end);
      // After a quotation and "she said", only another quotation continues her words; ", adding …" or a narrative clause does not.
      const rest = quoted ? contentAfterPost(ctx, cueEndTok + 1, b, true) : contentAfterPost(ctx, cueEndTok + 1, b);
      return {
        ...base,
        kind: quoted ? "direct" : kindOf(ctx, pieces),
        sourceTok: np,
        source: span(ctx, np[0], np[1]),
        content: [pieces, ...rest],
        rule: quoted ? "quote.source-cue-after" : rest.length && !startsWithQuote(text, rest[0]!.start) ? "indirect.split" : "indirect.source-cue-after",
      };
    }
  }
  // The source stands before the cue and the content after it.
  const k = cueEndTok + 1;
  if (k <= b && lower[k] === ":") return colonIntro(ctx, k, base, np);
  if (k + 1 <= b && lower[k] === "that" && lower[k + 1] === ":") return colonIntro(ctx, k + 1, base, np);
  const content = contentAfterCue(ctx, k, b, lemma, cls);
  if (!content) return null;
  // "she said at a forum", "he said before he left": a time or place phrase is no reported content.
  if (!withParticle) {
    const f = tokenAt(tokens, content.start);
    if (f >= 0 && ADVERBIAL_OPENERS.has(lower[f]!) && (tokens[f]!.pos === "ADP" || tokens[f]!.pos === "SCONJ" || tokens[f]!.pos === "ADV") && !/\bthat\b/.test(text.slice(content.start, content.end))) return null;
    // "the city backed out", "he showed up at the debate": a phrasal verb's particle is no content.
    if (f >= 0 && f === k && PARTICLE_WORDS.has(lower[f]!) && tokens[f]!.pos !== "NOUN" && tokens[f]!.pos !== "PROPN") return null;
  }
  // "X sees this as the epitome of betrayal:" followed by a quoted paragraph: the quotation is the content.
  if (tokens[b]!.value === ":" && ctx.para[b] === ctx.para[i]) {
    const nextQ = colonIntro(ctx, b, base, np);
    if (nextQ && nextQ.rule === "quote.colon-intro") return nextQ;
  }
  // "In law school, she said professors …": a fronted phrase before the speaker belongs to what is reported.
  const pieces: Span[] = [content];
  const direct = startsWithQuote(text, content.start) && ctx.quotes.byStart.get(content.start)?.end === content.end;
  const rule = direct ? "quote.source-cue-before" : cls === "speech" ? "indirect.said-that" : cls === "evidence" ? "indirect.evidence" : "indirect.stance";
  // "what the mayor says the levy would do": the fronted "what" is part of the reported clause, which ends with it.
  if (cls === "speech" && !direct && np[0] - 1 >= a && lower[np[0] - 1] === "what" && pieces.length === 1) {
    let e = tokenAt(tokens, content.start);
    let end = content.end;
    for (let m = e + 1; m <= b && tokens[m]!.start < content.end; m++) {
      if (lower[m] === "," || ((lower[m] === "and" || lower[m] === "or") && m + 1 <= b && WH_OPENERS.has(lower[m + 1]!))) { end = tokens[m - 1]!.end; break; }
      e = m;
    }
    const cut = trimSpan(text, content.start, end);
    const first = tokens[tokenAt(tokens, content.start)]!;
    // "what she said when she resigned": an adverbial clause after the cue is not part of the content.
    const whatOnly = first.pos === "SCONJ" || (first.pos === "ADP" && lower[tokenAt(tokens, content.start)] !== "that") || lower[tokenAt(tokens, content.start)] === "when";
    if (whatOnly) return { ...base, kind: "indirect", sourceTok: np, source: span(ctx, np[0], np[1]), content: [span(ctx, np[0] - 1, np[0] - 1)], rule };
    if (cut) return { ...base, kind: "indirect", sourceTok: np, source: span(ctx, np[0], np[1]), content: [span(ctx, np[0] - 1, np[0] - 1), cut], rule };
  }
  return { ...base, kind: direct ? "direct" : kindOf(ctx, content), sourceTok: np, source: span(ctx, np[0], np[1]), content: pieces, rule };
}

/** "Citing a report, the mayor said …": the participle's object up to the comma is the content, the subject after the comma the source. */
export function frontedParticiple(ctx: AttributionContext, k: number, b: number, base: Omit<RawAttribution, "kind" | "sourceTok" | "source" | "content" | "rule">): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const m = firstCommaOutsideQuotes(ctx, k, b, k + 40);
  if (m < 0 || m === k || m + 1 > b) return null;
  const src = npRight(ctx, m + 1, b);
  if (!src || !subjectOk(ctx, src, "stance")) return null;
  // The subject must be followed by its verb ("…, the mayor said"), not be the start of a list.
  const v = src[1] + 1 <= b ? tokens[src[1] + 1]! : undefined;
  if (!v || !(v.pos === "VERB" || v.pos === "AUX" || v.pos === "ADV")) return null;
  const c = trimSpan(ctx.text, tokens[k]!.start, tokens[m - 1]!.end);
  if (!c) return null;
  return { ...base, kind: kindOf(ctx, c), sourceTok: src, source: span(ctx, src[0], src[1]), content: [c], rule: "indirect.participle-fronted" };
}

export function colonIntro(
  ctx: AttributionContext,
  colonTok: number,
  base: Omit<RawAttribution, "kind" | "sourceTok" | "source" | "content" | "rule">,
  np: [number, number],
): RawAttribution | null {
  const text = ctx.text;
  let p = ctx.tok.tokens[colonTok]!.end;
  while (p < text.length && /\s/.test(text[p]!)) p++;
  if (p >= text.length) return null;
  const q = ctx.quotes.byStart.get(p);
  const source = span(ctx, np[0], np[1]);
  if (q) return { ...base, kind: "direct", sourceTok: np, source, content: [{ start: q.start, end: q.end }], rule: "quote.colon-intro" };
  // Unquoted: the rest of the paragraph the colon opens.
  const paraIdx = ctx.tok.paragraphs.findIndex((x) => x.start <= p && p < x.end);
  if (paraIdx < 0) return null;
  const c = trimSpan(text, p, ctx.tok.paragraphs[paraIdx]!.end);
  if (!c) return null;
  return { ...base, kind: "indirect", sourceTok: np, source, content: [c], rule: "indirect.colon" };
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "reporting-verbs",
  rules: [
    { id: "quote.colon-intro", description: "A reporting verb followed by a colon introduces the quotation that follows, even a multi-paragraph one.", examples: [{ text: "Mayor Ilse Brandt said: “The bridge will reopen in May.”", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May.”" } }] },
    { id: "quote.source-cue-after", description: "A quotation followed by its speaker and a reporting verb (“…,” she said).", examples: [{ text: "“The bridge will reopen in May,” Mayor Ilse Brandt said.", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May,”" } }] },
    { id: "quote.cue-source-after", description: "A quotation followed by a reporting verb and its speaker (“…,” said the minister).", examples: [{ text: "“The bridge will reopen in May,” said Mayor Ilse Brandt.", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May,”" } }] },
    { id: "quote.source-cue-before", description: "A speaker and a reporting verb followed directly by a quotation (He said, “…”).", examples: [{ text: "Mayor Ilse Brandt said, “The bridge will reopen in May.”", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "“The bridge will reopen in May.”" } }] },
    { id: "indirect.said-that", description: "A speaker and a speech verb followed by reported content (X said (that) …).", examples: [{ text: "Mayor Ilse Brandt said that the bridge would reopen in May.", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "that the bridge would reopen in May" } }] },
    { id: "indirect.source-cue-after", description: "Reported content followed by its speaker and a speech verb (…, X said.).", examples: [{ text: "The bridge will reopen in May, Mayor Ilse Brandt said.", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "The bridge will reopen in May" } }] },
    { id: "indirect.cue-source-after", description: "Reported content followed by a speech verb and its speaker (…, said X.).", examples: [{ text: "The bridge will reopen in May, said Mayor Ilse Brandt.", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "The bridge will reopen in May" } }] },
    { id: "indirect.split", description: "Content split around an inserted speaker and verb (…, he said, …).", examples: [{ text: "The bridge, Mayor Ilse Brandt said, will reopen in May.", expect: { source: "Mayor Ilse Brandt", cue: "said", content: "The bridge … will reopen in May" } }] },
    { id: "indirect.stance", description: "A person or organisation and a verb of belief, wish or position followed by its object (X believes …, X called for …).", examples: [
      { text: "The Varden Union believes the levy is unfair.", expect: { source: "The Varden Union", cue: "believes", content: "the levy is unfair" } },
      { text: "The Varden Union called for a new levy on shipping.", expect: { source: "The Varden Union", cue: "called for", content: "a new levy on shipping" } },
    ] },
    { id: "indirect.evidence", description: "A poll, study or report and a verb of showing or finding (the poll shows …).", examples: [{ text: "A new survey by the Orlen Institute shows that most residents back the levy.", expect: { source: "the Orlen Institute", cue: "shows", content: "that most residents back the levy" } }] },
    { id: "indirect.participle", description: "A speech verb in a participle clause that takes the sentence's subject as source (…, saying …).", examples: [{ text: "The union rejected the offer on Tuesday, saying it ignored rising costs.", expect: { source: "The union", cue: "saying", content: "it ignored rising costs" } }] },
    { id: "indirect.participle-fronted", description: "A participle clause opening the sentence (“Citing the report, the mayor said …”): its object is the content and the subject after the comma the source.", examples: [{ text: "Citing the audit, the mayor said the bridge was unsafe.", expect: { source: "the mayor", cue: "Citing", content: "the audit" } }] },
    { id: "indirect.colon", description: "A reporting verb followed by a colon and unquoted content.", examples: [{ text: "Councillor Pell explained: the fund is empty.", expect: { source: "Councillor Pell", cue: "explained", content: "the fund is empty" } }] },
  ],
};

/** The checks shared by the matchers tried at a verb: a quotation-only cue, and the shown source of "the senator, who said". */
export function verbGroupPost(ctx: AttributionContext, i: number, a: number, att: RawAttribution): RawAttribution | null {
  // "She continued, “…”": a verb that reports speech only when a quotation is its content.
  if (QUOTE_ONLY_CUES.has(att.cueLemma) && !startsWithQuote(ctx.text, att.content[0]!.start)) return null;
  // "the senator, who said …": the shown source runs from the antecedent to the relative pronoun (PolNeAR marks "who").
  if (att.sourceTok && att.source) {
    const j = skipLeftModifiers(ctx, i - 1, a);
    const tj = ctx.tok.tokens[j]!;
    if (j > att.sourceTok[1] && j - att.sourceTok[1] <= 2 && RELATIVE.has(ctx.lower[j]!) && tj.start > att.source.end) att.shownSource = { start: att.source.start, end: tj.end };
  }
  return att;
}

export const REPORTING_VERB_RULES = FAMILY.rules.map((r) => r.id);

/** Any verb: a reporting verb of the lexicon with its speaker and content. Takes the verb even when it finds nothing. */
export const reportingVerbMatcher: TokenMatcher = {
  id: "reporting-verb",
  produces: REPORTING_VERB_RULES,
  fallthrough: false,
  when: (ctx, i) => ctx.tok.tokens[i]!.pos === "VERB" || ctx.tok.tokens[i]!.pos === "AUX",
  run: (ctx, i, a, b, sentenceAtts) => verbCue(ctx, i, a, b, sentenceAtts),
  post: verbGroupPost,
};
