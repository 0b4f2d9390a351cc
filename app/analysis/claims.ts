// Claims: the content of every attribution, plus each assertive sentence in the author's own voice.
// Each claim gets its stance in this article and the terms claim alignment compares (stems, names, numbers).
import type { Attribution, Claim, ClaimStance, SourceEntity, Span } from "./types";
import type { Mention } from "./actors";
import type { MarkerItem } from "./markers";
import { foldName, hasWordChar, letterDigitRuns, wordAt, type Word } from "./words";
import { STOP_WORDS, stem } from "./stem";
import { DENIAL_RULES, denialFrame, markRebuttals } from "./claim-denials";
import { PROPOSITION_RULES, splitPropositions } from "./claim-propositions";

export interface ClaimItem extends Claim {
  /** The claim's words as they stand in the text (the content pieces joined with " … "). */
  text: string;
  /** All pieces (an attribution split around "he said" has two). */
  spans: Span[];
  sourceName: string | null;
  evidence: string[];
  field?: "title" | "body";
  /** Where the denial or rebuttal that makes the claim "denied" stands. */
  denial?: Span;
}

export const CLAIM_RULES: Record<string, string> = {
  "claim.attribution": "The content of an attribution is a claim; its stance comes from the cue and the source.",
  "claim.author":
    "A sentence in the author's own voice (no attribution, not a question, mostly not quoted, with a verb) is a claim the author makes.",
  "stance.denied":
    'A denial cue whose object is a clause ("denied that the pier was sold", "denied having met him"), or words that call the claim unproven or false as it is made ("there is no evidence that", "falsely claimed", "the rumour that … is false"). A refusal to comment or to act is no denial, nor is a negative word inside the claim, nor a denial of a thing ("rejected the offer", "voted against the bill").',
  "claim.content-cut":
    'An attribution\'s words end where the writer\'s clause resumes: at a quotation\'s closing mark before "before", "after", "while", "as" or "then"; at the comma before the main clause when the cue stands in a relative clause ("X, who has been criticised for P, called on …") or a fronted subordinate clause ("Although he has expressed P, his comments …"); and at "as he/she/they" with a verb after a past cue (the time of the saying: "said that P as he toured the port").',
  "claim.sentence-split":
    "An attribution whose content runs over several sentences gives one claim per sentence: a proposition never spans sentences.",
  "claim.author-remainder":
    "Where an attribution covers only part of a sentence, the rest of the sentence (at least five words, with a verb) stays the author's own claim.",
  ...DENIAL_RULES,
  ...PROPOSITION_RULES,
  "stance.reported-act":
    'A refusal ("declined to answer questions about …") or a question ("asked whether …") is not its source\'s claim: the writer reports the act in its own voice (asserted).',
  "claim.continued":
    'The rest of a sentence with no subject of its own that continues an attribution ("said that she would appeal — and would ask for costs", "apologised and stressed that …") takes that attribution\'s source and stance.',
  "stance.reporting-frame":
    'A sentence no attribution touches that still says who holds its claim ("many scholars counter that …", "…, police officials said.") is attributed, or unnamed when the subject names no one (also "… is told that …", where the teller is not named); "…, with several members arguing that …" keeps the clause before "with" as the writer\'s own.',
  "stance.attributed": "The claim is attributed to a named source.",
  "stance.named-in-source":
    'The source\'s words begin with a name ("Dorin Velasko, a lawyer for the port", "the Tolvar Herald", "Velasko\'s statement"): the claim is attributed to a named source even where the source entity kept only a description.',
  "stance.pronoun-source":
    'A source given as "he" or "she" with a person named earlier in the same or the previous paragraph is a named source.',
  "stance.named-party":
    'A party named by its members with no quantifier ("Republicans", "House Democrats") is a named source; "some Republicans" and "fellow Democrats" are not.',
  "stance.definite-source":
    'A source given as a kind of body ("the network", "the office") right after an organisation is named in the same or the previous sentence is a named source.',
  "stance.main-clause-hedge":
    'A hedge in a trailing subordinate clause (", as the parcels may have passed through …", ", which may …") qualifies that clause, not the writer\'s claim: the claim stays asserted.',
  "stance.possessive-speaker":
    'Content after a possessive speech noun ("apologise for his claim that …", "Velasko\'s remark that …") is the possessor\'s claim, attributed to the person named before "his"/"her", whoever the cue\'s subject is.',
  "stance.unnamed-agent":
    'A speaker described only by a role for someone ("a spokesperson for Grassley", "his aides", "Velasko\'s lawyer") is unnamed, even where the source entity is the one they speak for.',
  "claim.allegation":
    'The words after "allegations that" or "accusations that" are a claim of their own, hedged (the writer reports the allegation without making it), or denied after "denied allegations that"; the sentence keeps its other words.',
  "stance.nested-speaker":
    "An attribution whose words hold another speaker's attribution (\"In a statement, Sheridan said that …\") takes that speaker's stance and source: whoever writes a statement is its source.",
  "stance.unnamed": "The claim is attributed to a source the text does not name (officials, sources, critics).",
  "stance.hedged": "The claim carries a hedge (reportedly, allegedly, may, it seems) and no named source.",
  "stance.asserted": "The author states the claim as fact, without attribution or hedge.",
};

/**
 * Words that rebut the proposition they carry: "there is no evidence that P", "falsely claimed P". A claim that only
 * calls something else false ("the report was false") rebuts another claim: claim-denials.ts links it back.
 */
const DENIAL =
  /\b(?:there (?:is|was|has been|had been) no (?:evidence|proof)(?= (?:that|of)\b)|falsely (?:claim|stat|sa|assert|suggest|accus|insist)\w*|(?:claims?|reports?|rumou?rs?|allegations?|suggestions?|notion|idea|assertions?) that [^.;]{3,200}? (?:is|are|was|were) (?:\w+ )?(?:false|untrue|baseless|unfounded|groundless|fabricated))\b/i;
/** The object of a denial cue is a proposition (a clause), not a thing: "denied that …", "denied having …". */
const CLAUSE_OBJECT = /^["“‘']?(?:that|having|being|ever)\b/u;

/** A denial cue's object that is a proposition: a "that" clause or a gerund ("denied meeting him"), not a thing. */
function clauseObject(text: string, words: Word[], pieces: Span[]): boolean {
  if (CLAUSE_OBJECT.test(text.slice(pieces[0]!.start, pieces[pieces.length - 1]!.end).trim())) return true;
  const w = words[wordAt(words, pieces[0]!.start)];
  return !!w && w.pos === "VERB" && /ing$/i.test(w.text);
}
/** A cue that refuses (to comment, to act) is not a denial of anything. */
const REFUSAL =
  /\b(?:declin\w*|refus\w*|would(?: not|n['’]t)|will(?: not|n['’]t)|did(?: not|n['’]t) (?:respond|return|reply|comment)|no comment)\b/i;

/** Nouns after a possessive name that still make the name the source ("Velasko's statement"); "his aides" stays unnamed. */
const OWN_WORDS =
  /^(?:apology|statement|campaign|letter|tweet|tweets|post|remarks|comments|website|office|memo|speech|announcement|account)\b/i;
/** Words after a name that keep the name as the head of the source ("Velasko, who", "Velasko of the port"). */
const AFTER_NAME =
  /^(?:$|[,;:(—–-]|who\b|of\b|in\b|at\b|on\b|from\b|and\b|himself\b|herself\b|itself\b|also\b|later\b|then\b)/i;

/**
 * A named source the source entity may have missed: a person, organisation, group or state named at the head of the
 * source's words (only capitalised title words before it, and no common noun right after it: "Republican senators"
 * and "Tolvar officials" stay unnamed). Returns the name as written, or null.
 */
export function nameAtHead(text: string, source: Span, mentions: Mention[]): string | null {
  for (let k = lowerBound(mentions, source.start); k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.span.start >= source.end) break;
    if (m.span.start < source.start || m.span.end > source.end) continue;
    if (m.kind === "place" || m.kind === "other") return null;
    const before = text.slice(source.start, m.span.start);
    if (!/^(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+)*$/u.test(before)) return null;
    const after = text.slice(m.span.end, source.end).trimStart();
    const poss = /^[’']s?\s+/.exec(after);
    if (poss) return OWN_WORDS.test(after.slice(poss[0].length)) ? m.surface : null;
    return AFTER_NAME.test(after) || /^\p{Lu}/u.test(after) ? m.surface : null;
  }
  return null;
}

/** A speaker described only by their role for someone: "a spokesperson for Grassley", "his aides", "Velasko's lawyer". */
const AGENT_WITHOUT_NAME =
  /^(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne of (?:his|her|their)|[\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*[’']s?)\s+)(?:(?:[Ss]enior|[Tt]op|[Cc]hief|[Pp]ress|[Cc]ampaign|[Ff]ormer|[Ll]ongtime|[Cc]lose)\s+)?(?:[Ss]pokes(?:wo)?(?:man|person)|[Ss]pokespeople|[Aa]ides?|[Aa]dvisers?|[Aa]dvisors?|[Ll]awyers?|[Aa]ttorneys?)(?:\s+(?:for|to)\s+[^,—–]+)?$/u;
/** A party named by its members, with no quantifier: "Republicans", "House Democrats" ("some Republicans" stays unnamed). */
const PARTY_PLURAL = /^(?:the\s+)?(?:(?:House|Senate|Congressional|State)\s+)?[\p{Lu}][\p{L}]+s$/u;
/** A body named by its kind ("the network", "the office") where the text names an organisation just before. */
const DEFINITE_BODY =
  /^the\s+(?:network|newspaper|paper|magazine|broadcaster|agency|company|firm|department|ministry|office|bureau|campaign|committee|commission|council|court|board|union|university|station)$/i;
/** An organisation named in the sentence of `pos` (before it) or the sentence before. */
function organisationBefore(text: string, pos: number, sentences: Span[], mentions: Mention[]): boolean {
  const i = sentences.findIndex((s) => s.start <= pos && pos < s.end);
  if (i < 0) return false;
  const from = sentences[Math.max(0, i - 1)]!.start;
  for (let k = lowerBound(mentions, from); k < mentions.length && mentions[k]!.span.start < pos; k++)
    if (mentions[k]!.kind === "organisation") return true;
  return false;
}

/** A person named before `pos` in the same or the previous paragraph (the antecedent a "he" or "she" may have). */
function personBefore(text: string, pos: number, mentions: Mention[]): Mention | null {
  const breaks = [...text.slice(Math.max(0, pos - 1500), pos).matchAll(/\n\s*\n|\n/g)];
  const from =
    breaks.length >= 2 ? Math.max(0, pos - 1500) + breaks[breaks.length - 2]!.index! : Math.max(0, pos - 1500);
  // Mentions are sorted and do not nest: walk back from the last one ending before `pos`.
  for (let k = lowerBound(mentions, pos) - 1; k >= 0 && mentions[k]!.span.start >= from; k--)
    if (mentions[k]!.kind === "person" && mentions[k]!.span.start < pos) return mentions[k]!;
  return null;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Terms of a span: actor keys for names ("@hamas"), digits for numbers, stems of other content words. `memo` (one
 * slot per word of `words`, for one text) keeps each word's own term, as claims and their parts share words.
 */
export function claimTerms(
  words: Word[],
  spans: Span[],
  mentions: Mention[],
  memo?: (string | null | undefined)[],
): string[] {
  const terms: string[] = [];
  for (const s of spans) {
    let mi = lowerBound(mentions, s.start);
    for (let i = wordAt(words, s.start); i < words.length && words[i]!.start < s.end; i++) {
      const w = words[i]!;
      while (mi < mentions.length && mentions[mi]!.span.end <= w.start) mi++;
      const m = mentions[mi];
      if (m && m.span.start <= w.start && w.end <= m.span.end) {
        if (m.span.start === w.start) terms.push("@" + m.actorKey);
        continue;
      }
      let t = memo?.[i];
      if (t === undefined) {
        t = wordTerm(w);
        if (memo) memo[i] = t;
      }
      if (t !== null) terms.push(t);
    }
  }
  return terms;
}

/** The term of a word outside any name, or null for a function word or punctuation. */
function wordTerm(w: Word): string | null {
  if (!hasWordChar(w.text)) return null;
  if (w.pos === "NUM" || /^\d[\d,.]*$/.test(w.text)) return w.lower.replace(/,/g, "").replace(/\.$/, "");
  if (w.pos === "PROPN") return stem(foldName(w.text));
  if (
    STOP_WORDS.has(w.lower) ||
    w.pos === "AUX" ||
    w.pos === "DET" ||
    w.pos === "PRON" ||
    w.pos === "ADP" ||
    w.pos === "CCONJ" ||
    w.pos === "SCONJ" ||
    w.pos === "PART"
  )
    return null;
  return stem(/[‘’']/.test(w.lemma) ? w.lemma.replace(/[‘’']/g, "") : w.lemma);
}

function lowerBound(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.span.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ClaimInput {
  text: string;
  words: Word[];
  sentences: Span[];
  attributions: Attribution[];
  sources: SourceEntity[];
  mentions: Mention[];
  markers: MarkerItem[];
  quotes: Span[];
}

/** Sentence spans with splits inside a clock time or decimal ("11.|20pm", "3.|5 per cent") joined again. */
export function claimSentences(text: string, sentences: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const a = prev ? text.slice(prev.start, prev.end) : "";
    const b = text.slice(s.start, s.end);
    if (
      prev &&
      s.start === prev.end &&
      ((/\d[.:]$/.test(a) && /^\d/.test(b)) || (/\d$/.test(a) && /^[.:]\d/.test(b)))
    ) {
      out[out.length - 1] = { start: prev.start, end: s.end };
    } else out.push({ ...s });
  }
  return out;
}

function wordCount(text: string): number {
  return letterDigitRuns(text);
}

/** The content pieces of an attribution cut at sentence boundaries: one list of pieces per sentence touched. */
function piecesBySentence(text: string, pieces: Span[], sentences: Span[]): Span[][] {
  const out: Span[][] = [];
  let si = 0;
  let lastSentence = -1;
  for (const p of pieces) {
    while (si < sentences.length && sentences[si]!.end <= p.start) si++;
    let covered = false;
    for (let k = si; k < sentences.length && sentences[k]!.start < p.end; k++) {
      const sn = sentences[k]!;
      const part = { start: Math.max(p.start, sn.start), end: Math.min(p.end, sn.end) };
      if (part.end <= part.start) continue;
      covered = true;
      const last = out[out.length - 1];
      if (last && lastSentence === k) last.push(part);
      else out.push([part]);
      lastSentence = k;
    }
    if (!covered) {
      out.push([p]);
      lastSentence = -1;
    }
  }
  // A fragment of two words or fewer ("he added.") stays with its neighbour rather than standing alone.
  // (A group's words are the sum of its pieces' words: no word runs across the space that joined them.)
  const merged: Span[][] = [];
  let lastWords = 0;
  for (const g of out) {
    let words = 0;
    for (const x of g) words += wordCount(text.slice(x.start, x.end));
    if ((words <= 2 && merged.length) || (merged.length && lastWords <= 2)) {
      merged[merged.length - 1]!.push(...g);
      lastWords += words;
    } else {
      merged.push(g);
      lastWords = words;
    }
  }
  return merged;
}

/** Hedge adjectives that qualify the noun after them, not the claim ("likely pipe bombs", "a possible motive"). */
const NOUN_HEDGES = /^(?:likely|possible|probable|potential|apparent|presumed)$/i;
function attributiveHedge(words: Word[], m: MarkerItem): boolean {
  if (!NOUN_HEDGES.test(m.text.trim())) return false;
  const i = wordAt(words, m.span.start);
  const w = words[i];
  const next = words[i + 1];
  return !!w && w.pos === "ADJ" && !!next && (next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "ADJ");
}

/** Cues whose content is an act, not a claim of the source: a refusal or a question. */
const QUESTION_CUE = /^ask(?:s|ed|ing)?$/i;
function reportedAct(cueText: string, content: string, refusal: boolean): boolean {
  if (refusal) return true;
  return (
    QUESTION_CUE.test(cueText.trim()) &&
    (/^(?:[^,]{0,40}\s)?(?:if|whether)\b/i.test(content) || /\?["”’]*$/.test(content.trim()))
  );
}

const MODAL = /^(?:would|will|could|should|might|may|can|must)$/i;
/**
 * The attribution claim a subjectless remainder continues: it starts with a modal ("— and would work with her") or
 * with a verb and "that" ("apologized and emphasized that …"), right after an attribution claim of the sentence.
 */
function continues(text: string, words: Word[], rest: Span, sentence: Span, claims: ClaimItem[]): ClaimItem | null {
  const i = wordAt(words, rest.start);
  const w = words[i];
  if (!w || w.start !== rest.start) return null;
  const modal = MODAL.test(w.text) && words[i + 1]?.pos !== "PRON";
  const speech = w.pos === "VERB" && /ed$/i.test(w.text) && words[i + 1]?.lower === "that";
  if (!modal && !speech) return null;
  let best: ClaimItem | null = null;
  for (const c of claims)
    if (c.attributionId && c.span.start >= sentence.start && c.span.end <= rest.start)
      if (!best || c.span.end > best.span.end) best = c;
  if (
    !best ||
    !/^[\s,;:—–-]*(?:and|though|however|also)?[\s,;:—–-]*$/i.test(
      text.slice(best.span.end, rest.start).replace(/[”"’]/g, ""),
    )
  )
    return null;
  return best;
}

const FRAME_VERB =
  "(?:said|says|argued|argues|arguing|counter|countered|counters|contend|contended|contends|insisted|insists|maintained|maintains|held|holds|wrote|warned|claimed|claims|noted|told reporters)";
/** "<subject> (went on to) argue(d) that", in a sentence no attribution touches. */
const FRAME_THAT = new RegExp(
  `\\b(?:went on to |go on to )?${FRAME_VERB.replace("counter|", "counter|argue|")}\\s+that\\b`,
  "i",
);
/** "…, police officials in Tolvar said." at the end of the sentence. */
const FRAME_END = /,\s+((?:[\p{L}.'’-]+\s+){1,7}?)(?:said|says)\.?["”’]?\s*$/u;

function reportingFrame(
  text: string,
  s: Span,
  mentions: Mention[],
): { named: boolean; words: string; split: number | null } | null {
  const st = text.slice(s.start, s.end);
  let withAt = -1;
  let subjectFrom = -1;
  let subjectTo = -1;
  let words = "";
  const end = FRAME_END.exec(st);
  const that = FRAME_THAT.exec(st);
  // "…, and Fox News is told no staff were present": someone unnamed told the outlet (not "was told to leave").
  const told = /\b(?:is|was|were|are|has been|have been|had been)\s+told\b(?!\s+to\b)/i.exec(st);
  if (told && !end && !that) return { named: false, words: told[0], split: null };
  if (end) {
    subjectFrom = s.start + end.index + end[0].indexOf(end[1]!);
    subjectTo = subjectFrom + end[1]!.trimEnd().length;
    words = end[0].replace(/^,\s+/, "").trim();
  } else if (that) {
    // The subject: the sentence's words before the verb, from its last clause opening (a comma or "with").
    const head = st.slice(0, that.index);
    const open = Math.max(head.lastIndexOf(" with "), 0);
    // "…, with several members arguing that …": the clause before "with" stays the writer's.
    if (open > 0 && /,\s*$/.test(head.slice(0, open))) withAt = s.start + open + 1;
    subjectFrom = s.start + open;
    subjectTo = s.start + that.index;
    words = that[0];
  } else return null;
  const rawSubject = text.slice(subjectFrom, subjectTo).replace(/^\s*with\s+/i, "");
  const subject = rawSubject.trim();
  // Where the trimmed subject ends in the text (the verb's match may start after a space).
  subjectTo =
    subjectFrom + (text.slice(subjectFrom, subjectTo).length - rawSubject.length) + rawSubject.trimEnd().length;
  if (!subject || /^(?:he|she|they|it|we|i|you|who|which|that)$/i.test(subject)) return null;
  // Named: a person, organisation or group named at the head of the subject ("Mr. Calderón, who …", "A 1898 Supreme
  // Court decision"), not a description or a count of people ("police officials in Tolvar", "several leading members").
  const bare = subject.replace(/^(?:(?:a|an|the)\s+)?(?:\d+\s+)?/i, "");
  const headFrom = subjectTo - subject.length + (subject.length - bare.length);
  const firstWords = bare.split(/\s+/).slice(0, 4).join(" ").length;
  const named =
    !/^(?:many|several|some|other|most|few|two|three|four|dozens|hundreds|various|his|her|their)\b/i.test(bare) &&
    mentions.some(
      (m) =>
        m.span.start >= headFrom &&
        m.span.start < headFrom + firstWords &&
        (m.kind === "person" || m.kind === "organisation" || m.kind === "group"),
    );
  return { named, words, split: withAt >= 0 ? withAt : null };
}

const SPEECH_NOUN =
  /\b(his|her|(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*[’']s)\s+(?:[\p{L}-]+\s+){0,2}?(?:claims?|assertions?|arguments?|statements?|remarks?|comments?|suggestions?|insistence|contention|accusations?|allegations?|promises?|pledges?|vows?)\s*$/u;
/** The speaker a possessive gives to a speech noun right before the content ("his claim that", "Velasko's remark that"). */
function possessiveSpeaker(
  text: string,
  from: number,
  to: number,
  mentions: Mention[],
): { name: string; words: string } | null {
  if (to - from > 80) return null;
  const m = SPEECH_NOUN.exec(text.slice(from, to));
  if (!m) return null;
  const at = from + m.index;
  if (/^(?:his|her)$/i.test(m[1]!)) {
    const p = personBefore(text, at, mentions);
    return p ? { name: p.surface, words: m[0].trim() } : null;
  }
  const k = lowerBound(mentions, at);
  const named = mentions[k];
  if (!named || named.span.start !== at || (named.kind !== "person" && named.kind !== "organisation")) return null;
  return { name: named.surface, words: m[0].trim() };
}

/** A finite verb (not a participle or gerund) at word `i`. */
function finiteVerb(words: Word[], i: number): boolean {
  const w = words[i];
  return !!w && (w.pos === "VERB" || w.pos === "AUX") && !/ing$/i.test(w.text);
}

/**
 * An attribution's content cut where the writer's clause resumes: after a cue inside a relative clause ("X, who has
 * been criticised for P, called on …") at the comma before the main verb, and after a past cue at "as he made …" (the
 * time of the saying, not what was said). The rest of the sentence is then the writer's (claim.author-remainder).
 */
function trimContent(text: string, words: Word[], a: Attribution): Attribution {
  if (!a.cue || !a.content.length) return a;
  const last = a.content[a.content.length - 1]!;
  // "asks, “who are you?” before knocking the camera down": a quotation's words end at its closing mark.
  if (/^[“"]/.test(text.slice(last.start, last.start + 1))) {
    const close = text.slice(last.start + 1, last.end).search(/[”"]/);
    if (close >= 0) {
      const end = last.start + 1 + close + 1;
      if (/^\s*(?:before|after|while|as|and then|then|when)\s/i.test(text.slice(end, last.end)))
        return { ...a, content: [...a.content.slice(0, -1), { start: last.start, end }] };
    }
  }
  if (last.start < a.cue.end) return a;
  let cut = -1;
  const lineStart = Math.max(text.lastIndexOf("\n", a.cue.start), text.lastIndexOf(". ", a.cue.start));
  const lead = text.slice(lineStart + 1, a.cue.start);
  if (/,\s+[^,]*\b(?:who|which|that)\s+[^,]*$/i.test(lead)) {
    for (let i = wordAt(words, last.start); i < words.length && words[i]!.start < last.end; i++)
      if (words[i]!.text === "," && finiteVerb(words, i + 1) && words[i + 1]!.start < last.end) {
        cut = words[i]!.start;
        break;
      }
  }
  // "Although he has expressed P, his comments …": a cue in a fronted subordinate clause ends at the comma before
  // the main clause's subject and verb.
  if (
    cut < 0 &&
    /^\s*(?:although|though|while|whereas|because|since|after|before|when|if|even though|even if)\s[^,]*$/i.test(lead)
  ) {
    for (let i = wordAt(words, last.start); i < words.length - 2 && words[i]!.start < last.end; i++) {
      if (words[i]!.text !== ",") continue;
      const subj = words[i + 1]!;
      if (!(subj.pos === "PRON" || subj.pos === "DET" || subj.pos === "PROPN")) continue;
      let verbAt = -1;
      for (let k = i + 2; k < Math.min(words.length, i + 6); k++)
        if (finiteVerb(words, k)) {
          verbAt = k;
          break;
        }
      if (verbAt > 0 && words[verbAt]!.start < last.end) {
        cut = words[i]!.start;
        break;
      }
    }
  }
  if (cut < 0 && /(?:ed|said|told|wrote|spoke)$/i.test(text.slice(a.cue.start, a.cue.end))) {
    for (let i = wordAt(words, last.start) + 1; i < words.length - 2 && words[i]!.start < last.end; i++)
      if (
        /^(?:as|while)$/i.test(words[i]!.text) &&
        /^(?:he|she|they)$/i.test(words[i + 1]!.text) &&
        finiteVerb(words, i + 2) &&
        words[i + 2]!.pos !== "AUX"
      ) {
        cut = words[i]!.start;
        break;
      }
  }
  if (cut < 0) return a;
  const kept = text.slice(last.start, cut).replace(/[\s,;:—–-]+$/, "");
  if (wordCount(kept) < 3) return a;
  return { ...a, content: [...a.content.slice(0, -1), { start: last.start, end: last.start + kept.length }] };
}

/** Claims of one text, in text order. */
export function extractClaims(input: ClaimInput): ClaimItem[] {
  const { text, words, sources } = input;
  const attributions = input.attributions.map((a) => trimContent(text, words, a));
  const cut = new Set(attributions.filter((a, i) => a !== input.attributions[i]).map((a) => a.id));
  const sentences = claimSentences(text, input.sentences);
  const mentions = [...input.mentions].sort((a, b) => a.span.start - b.span.start);
  const hedges = input.markers
    .filter((m) => m.type === "hedge" && !attributiveHedge(words, m))
    .sort((x, y) => x.span.start - y.span.start);
  /** Hedges overlapping [from, to), by binary search (hedge spans are short and do not nest). */
  const hedgesNear = (from: number, to: number): MarkerItem[] => {
    let lo = 0;
    let hi = hedges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hedges[mid]!.span.end <= from) lo = mid + 1;
      else hi = mid;
    }
    const out: MarkerItem[] = [];
    for (let k = Math.max(0, lo - 1); k < hedges.length && hedges[k]!.span.start < to; k++) out.push(hedges[k]!);
    return out;
  };
  const sourceByKey = new Map(sources.map((s) => [s.key, s]));
  const claims: ClaimItem[] = [];
  const termMemo: (string | null | undefined)[] = new Array(words.length);

  // A content piece the attribution engine ended at a split inside "11.20pm" runs on to the end of the real sentence.
  const mergedEnd = new Map<number, number>();
  let oi = 0;
  for (const m of sentences) {
    while (oi < input.sentences.length && input.sentences[oi]!.end <= m.end) {
      const e = input.sentences[oi]!.end;
      if (e < m.end) mergedEnd.set(e, m.end);
      oi++;
    }
  }
  const repair = (c: Span): Span => {
    const to = mergedEnd.get(c.end) ?? mergedEnd.get(c.end + 1);
    if (to === undefined) return c;
    const tail = text.slice(c.end, to).replace(/[\s.,;:"”’)]+$/, "");
    return { start: c.start, end: c.end + tail.length };
  };
  for (const a of attributions) {
    const all = a.content
      .filter((c) => c.end > c.start)
      .map(repair)
      .sort((x, y) => x.start - y.start);
    if (!all.length) continue;
    const groups = piecesBySentence(text, all, sentences);
    const src = a.sourceKey ? sourceByKey.get(a.sourceKey) : undefined;
    // A source entity kept only as a description may still be named in the text: at the head of the source's words,
    // or as "he"/"she" right after a person is named.
    let namedHere: string | null = null;
    const srcText = a.source ? text.slice(a.source.start, a.source.end).trim() : "";
    // "A spokesperson for Grassley", "his aides": the speaker is not named, whoever they speak for.
    const unnamedAgent = !!a.source && AGENT_WITHOUT_NAME.test(srcText);
    if (a.source && !(src && src.named) && !unnamedAgent) {
      if (nameAtHead(text, a.source, mentions)) namedHere = "stance.named-in-source";
      else if (/^(?:he|she|his|her)$/i.test(srcText) && personBefore(text, a.source.start, mentions))
        namedHere = "stance.pronoun-source";
      else if (PARTY_PLURAL.test(srcText) && src?.kind === "politician") namedHere = "stance.named-party";
      else if (DEFINITE_BODY.test(srcText) && organisationBefore(text, a.source.start, sentences, mentions))
        namedHere = "stance.definite-source";
    }
    const cueText = a.cue ? text.slice(a.cue.start, a.cue.end) : "";
    const refusal = REFUSAL.test(cueText);
    // "… apologise for his claim that P": P is the possessor's claim, whoever the cue's subject is.
    const owner =
      a.cue && all[0]!.start >= a.cue.end ? possessiveSpeaker(text, a.cue.end, all[0]!.start, mentions) : null;
    const cueSentence = a.cue ? sentences.find((x) => x.start <= a.cue!.start && a.cue!.start < x.end) : undefined;
    const frame = cueSentence && !refusal ? denialFrame(text, a, cueSentence) : null;
    for (const pieces of groups) {
      const span = { start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
      const ctext = pieces.map((p) => text.slice(p.start, p.end)).join(" … ");
      const around: Span[] = [...pieces, ...(a.cue ? [a.cue] : []), ...(a.source ? [a.source] : [])];
      const evidence: string[] = [];
      let stance: ClaimStance;
      const denial = DENIAL.exec(ctext);
      let denialAt: Span | undefined;
      if (a.cueStance === "denial" && !refusal && clauseObject(text, words, pieces)) {
        stance = "denied";
        if (a.cue) evidence.push(cueText);
        denialAt = a.cue ?? undefined;
      } else if (frame && cueSentence && overlaps(span, cueSentence)) {
        stance = "denied";
        evidence.push("stance.denied-frame", text.slice(frame.start, frame.end));
        denialAt = frame;
      } else if (denial) {
        stance = "denied";
        evidence.push(denial[0]);
        denialAt = spanOf(ctext, pieces, denial.index, denial[0].length);
      } else if (reportedAct(cueText, ctext, refusal)) {
        stance = "asserted";
        evidence.push("stance.reported-act", cueText);
      } else if (owner) {
        stance = "attributed";
        evidence.push("stance.possessive-speaker", owner.words);
      } else if (unnamedAgent) {
        stance = "unnamed";
        evidence.push("stance.unnamed-agent", srcText);
      } else if (src && src.named && a.kind !== "unnamed" && a.sourceKind !== "unnamed") {
        stance = "attributed";
      } else if (namedHere) {
        stance = "attributed";
        evidence.push(namedHere, text.slice(a.source!.start, a.source!.end));
      } else if (
        !a.source &&
        hedgesNear(Math.min(...around.map((x) => x.start)), Math.max(...around.map((x) => x.end))).some(
          (h) => around.some((s) => overlaps(s, h.span)) || (a.cue && overlaps(a.cue, h.span)),
        )
      ) {
        stance = "hedged";
        evidence.push(
          ...hedgesNear(Math.min(...around.map((x) => x.start)), Math.max(...around.map((x) => x.end)))
            .filter((h) => around.some((s) => overlaps(s, h.span)))
            .map((h) => h.text),
        );
      } else if (!a.source && !src) {
        stance = a.kind === "according_to" ? "attributed" : "unnamed";
      } else stance = "unnamed";
      claims.push({
        id: `c${claims.length + 1}`,
        span,
        spans: pieces,
        text: ctext,
        stance,
        attributionId: a.id,
        sourceKey: a.sourceKey,
        sourceName: owner ? owner.name : (src?.name ?? (a.source ? text.slice(a.source.start, a.source.end) : null)),
        ...(owner ? { sourceKey: null } : {}),
        terms: claimTerms(words, pieces, mentions, termMemo),
        rule: groups.length > 1 ? "claim.sentence-split" : "claim.attribution",
        evidence: [`stance.${stance}`, ...evidence, ...(cut.has(a.id) ? ["claim.content-cut"] : [])],
        ...(denialAt ? { denial: denialAt } : {}),
      });
    }
  }

  nestedSpeakers(attributions, claims);

  // Author's own assertive sentences: sentences no attribution touches, or the rest of a sentence one touches.
  const taken: Span[] = [];
  for (const a of attributions) {
    for (const c of a.content) taken.push(repair(c));
    if (a.cue) taken.push(a.cue);
    if (a.source) taken.push(a.source);
  }
  taken.sort((x, y) => x.start - y.start);
  const quoteSpans = [...input.quotes].sort((x, y) => x.start - y.start);
  let ti = 0;
  let qi = 0;
  let wi = 0;
  for (const sentence of sentences) {
    while (ti < taken.length && taken[ti]!.end <= sentence.start) ti++;
    const touching: Span[] = [];
    for (let k = ti; k < taken.length && taken[k]!.start < sentence.end; k++)
      if (overlaps(taken[k]!, sentence)) touching.push(taken[k]!);
    let s = sentence;
    let rule = "claim.author";
    if (touching.length) {
      const rest = longestRemainder(text, sentence, touching);
      if (!rest) continue;
      s = rest;
      rule = "claim.author-remainder";
    }
    const st = text.slice(s.start, s.end).trim();
    if (/\?["”’)]*$/.test(st)) continue;
    while (qi < quoteSpans.length && quoteSpans[qi]!.end <= s.start) qi++;
    let quotedChars = 0;
    for (let k = qi; k < quoteSpans.length && quoteSpans[k]!.start < s.end; k++) {
      const q = quoteSpans[k]!;
      quotedChars += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
    }
    if (quotedChars > 0.4 * (s.end - s.start)) continue;
    while (wi < words.length && words[wi]!.end <= sentence.start) wi++;
    let nWords = 0;
    let verb = false;
    for (let k = wi; k < words.length && words[k]!.start < s.end; k++) {
      if (words[k]!.start < s.start) continue;
      if (hasWordChar(words[k]!.text)) nWords++;
      if (words[k]!.pos === "VERB" || words[k]!.pos === "AUX") verb = true;
    }
    if (nWords < 5 || !verb) continue;
    // A remainder with no subject of its own continues the attribution before it in the sentence.
    const before = rule === "claim.author-remainder" ? continues(text, words, s, sentence, claims) : null;
    if (before) {
      claims.push({
        ...before,
        id: `c${claims.length + 1}`,
        span: s,
        spans: [s],
        text: text.slice(s.start, s.end),
        terms: claimTerms(words, [s], mentions, termMemo),
        rule: "claim.continued",
        evidence: [`stance.${before.stance}`, "claim.continued"],
      });
      continue;
    }
    let stance: ClaimStance = "asserted";
    const evidence: string[] = [];
    // A sentence no attribution touches that still says someone said it ("many scholars counter that …", "…, police
    // officials said."): not the writer's own claim. Named when a person or organisation is named before the verb.
    const frame = rule === "claim.author" && !DENIAL.test(st) ? reportingFrame(text, s, mentions) : null;
    if (frame) {
      stance = frame.named ? "attributed" : "unnamed";
      evidence.push("stance.reporting-frame", frame.words);
      if (frame.split !== null) {
        const main = text.slice(s.start, frame.split).replace(/[\s,;:—–-]+$/, "");
        if (wordCount(main) >= 5)
          claims.push({
            id: `c${claims.length + 1}`,
            span: { start: s.start, end: s.start + main.length },
            spans: [{ start: s.start, end: s.start + main.length }],
            text: main,
            stance: "asserted",
            attributionId: null,
            sourceKey: null,
            sourceName: null,
            terms: claimTerms(words, [{ start: s.start, end: s.start + main.length }], mentions, termMemo),
            rule,
            evidence: ["stance.asserted"],
          });
        s = { start: frame.split, end: s.end };
      }
    }
    const denial = DENIAL.exec(st);
    // A hedge in a trailing subordinate clause (", as the parcels may have …") qualifies that clause, not the claim.
    const sub = /,\s+(?:as|because|since|although|though|whereas|which)\s/i.exec(text.slice(s.start, s.end));
    const hedgeEnd = sub ? s.start + sub.index : s.end;
    const hedge = hedgesNear(s.start, hedgeEnd).find(
      (h) => !h.inQuote && h.span.start >= s.start && h.span.end <= hedgeEnd,
    );
    let denialAt: Span | undefined;
    if (frame) {
      // the frame decided
    } else if (denial) {
      stance = "denied";
      evidence.push(denial[0]);
      const lead = text.slice(s.start, s.end).length - text.slice(s.start, s.end).trimStart().length;
      denialAt = { start: s.start + lead + denial.index, end: s.start + lead + denial.index + denial[0].length };
    } else if (hedge) {
      stance = "hedged";
      evidence.push(hedge.text);
    }
    claims.push({
      id: `c${claims.length + 1}`,
      span: s,
      spans: [s],
      text: text.slice(s.start, s.end),
      stance,
      attributionId: null,
      sourceKey: null,
      sourceName: null,
      terms: claimTerms(words, [s], mentions, termMemo),
      rule,
      evidence: [`stance.${stance}`, ...evidence],
      ...(denialAt ? { denial: denialAt } : {}),
    });
  }
  claims.sort((x, y) => x.span.start - y.span.start);
  splitAllegations(text, words, mentions, claims, termMemo);
  // One claim per main clause of the writer's sentences ("X resigned, and Y named a successor").
  splitPropositions(
    text,
    words,
    claims,
    (span) => claimTerms(words, [span], mentions, termMemo),
    (p) => hedgesNear(p.start, p.end).some((h) => !h.inQuote && h.span.start >= p.start && h.span.end <= p.end),
  );
  markRebuttals(text, sentences, claims);
  claims.forEach((c, i) => (c.id = `c${i + 1}`));
  return claims;
}

/** "allegations that P": P is an allegation the writer reports, not asserts; "denied allegations that P" denies it. */
const ALLEGATION = /\b(?:allegations?|accusations?|suspicions?)\s+that\s+/iu;
/** Words ALLEGATION cannot match without (same flags): a text with none of them has no allegation to cut out. */
const ALLEGATION_GATE = /allegation|accusation|suspicion/iu;
const DENIED_BEFORE =
  /\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes)\s+(?:(?:the|all|any|new|these|those)\s+)?$/i;

/**
 * Cuts "allegations that P" out of a claim: P becomes its own claim, hedged (or denied after "denied"), and the claim
 * keeps the words before the noun when five or more remain. P runs to the end of the piece, a dash or a semicolon.
 */
function splitAllegations(
  text: string,
  words: Word[],
  mentions: Mention[],
  claims: ClaimItem[],
  termMemo: (string | null | undefined)[],
): void {
  // (Claims arrive sorted by start: with nothing cut out, the sort at the end would change nothing.)
  if (!ALLEGATION_GATE.test(text)) return;
  for (const c of [...claims]) {
    if (c.spans.length !== 1 || c.stance === "denied") continue;
    const piece = text.slice(c.span.start, c.span.end);
    const m = ALLEGATION.exec(piece);
    if (!m) continue;
    const from = c.span.start + m.index! + m[0].length;
    const stop = /\s+[—–]\s+|;/.exec(text.slice(from, c.span.end));
    const to = from + (stop ? stop.index : c.span.end - from);
    const pText = text.slice(from, to).replace(/[\s,.]+$/, "");
    if (wordCount(pText) < 4) continue;
    const p: Span = { start: from, end: from + pText.length };
    const denied = DENIED_BEFORE.test(piece.slice(0, m.index));
    const head = piece.slice(0, m.index).replace(/[\s,;:—–-]+$/, "");
    const tail = text.slice(p.end, c.span.end).replace(/^[\s,.;:—–-]+/, "");
    claims.push({
      id: "",
      span: p,
      spans: [p],
      text: pText,
      stance: denied ? "denied" : "hedged",
      attributionId: null,
      sourceKey: null,
      sourceName: null,
      terms: claimTerms(words, [p], mentions, termMemo),
      rule: "claim.allegation",
      evidence: [denied ? "stance.denied" : "stance.hedged", "claim.allegation", m[0].trim()],
      ...(denied ? { denial: { start: c.span.start, end: c.span.start + m.index! } } : {}),
    });
    // The claim keeps what the writer (or its source) says around the allegation.
    if (wordCount(head) >= 5 && wordCount(head) >= wordCount(tail)) {
      c.span = { start: c.span.start, end: c.span.start + head.length };
      c.spans = [c.span];
      c.text = head;
      c.terms = claimTerms(words, [c.span], mentions, termMemo);
    } else if (wordCount(tail) >= 5) {
      c.span = { start: c.span.end - tail.length, end: c.span.end };
      c.spans = [c.span];
      c.text = tail;
      c.terms = claimTerms(words, [c.span], mentions, termMemo);
    } else claims.splice(claims.indexOf(c), 1);
  }
  claims.sort((x, y) => x.span.start - y.span.start);
}

/**
 * "In a statement, Sheridan said P", "a post in which Velasko wrote that P": an attribution whose content holds another
 * attribution's source and cue reports that speaker's words, so its claim takes the inner claim's stance and source.
 */
function nestedSpeakers(attributions: Attribution[], claims: ClaimItem[]): void {
  const inner = new Map<string, ClaimItem>();
  for (const c of claims) if (c.attributionId && !inner.has(c.attributionId)) inner.set(c.attributionId, c);
  for (const c of claims) {
    if (!c.attributionId || c.stance === "denied") continue;
    for (const b of attributions) {
      if (b.id === c.attributionId || !b.source || !b.cue) continue;
      if (b.source.start < c.span.start || b.cue.end > c.span.end) continue;
      const ic = inner.get(b.id);
      if (!ic || ic.stance === "denied" || ic.stance === c.stance || ic.span.end > c.span.end) continue;
      c.stance = ic.stance;
      c.sourceKey = ic.sourceKey;
      c.sourceName = ic.sourceName;
      c.evidence = [`stance.${ic.stance}`, "stance.nested-speaker", ...ic.evidence.slice(1)];
      break;
    }
  }
}

/** Text offsets of `length` characters at `index` in the pieces' text joined with " … " (the claim's `text`). */
function spanOf(joined: string, pieces: Span[], index: number, length: number): Span {
  let at = 0;
  for (const p of pieces) {
    const len = p.end - p.start;
    if (index < at + len) return { start: p.start + index - at, end: Math.min(p.end, p.start + index - at + length) };
    at += len + " … ".length;
  }
  const last = pieces[pieces.length - 1]!;
  return { start: last.start, end: last.end };
}

/** The longest stretch of a sentence outside the attribution spans, trimmed of joining words and punctuation. */
function longestRemainder(text: string, sentence: Span, touching: Span[]): Span | null {
  const gaps: Span[] = [];
  let pos = sentence.start;
  for (const t of [...touching].sort((x, y) => x.start - y.start)) {
    if (t.start > pos) gaps.push({ start: pos, end: Math.min(t.start, sentence.end) });
    pos = Math.max(pos, t.end);
  }
  if (pos < sentence.end) gaps.push({ start: pos, end: sentence.end });
  let best: Span | null = null;
  let bestWords = 0;
  for (const g of gaps) {
    let seg = text.slice(g.start, g.end);
    const lead = seg.match(
      /^[\s,;:—–"“”'‘’(-]*(?:(?:and|but|as|while|after|that|because|when|though|although)\b[\s,]*)?/i,
    )![0].length;
    const trail = seg.match(
      /[\s,;:—–"“”'‘’(-]*(?:\b(?:and|but|as|while|after|that|because|when|though|although|according to))?[\s,;:—–"“”'‘’(-]*$/i,
    )![0].length;
    if (lead + trail >= seg.length) continue;
    seg = seg.slice(lead, seg.length - trail);
    const n = wordCount(seg);
    if (n > bestWords) {
      bestWords = n;
      best = { start: g.start + lead, end: g.start + lead + seg.length };
    }
  }
  return best && bestWords >= 5 ? best : null;
}
