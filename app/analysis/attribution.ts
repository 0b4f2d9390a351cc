// Attribution finder: linear scans over the shared tokens, sentence by sentence.
// Each rule looks at a cue (a reporting verb from the lexicon, "according to", a colon, a dash)
// and reads the source and content around it; every result names its rule.
import type { Token, TokenizedText } from "./nlp";
import type { AttributionKind, CueStance, Span } from "./types";
import { QuoteIndex, endsWithQuote, findQuotes, isQuoteMark, startsWithQuote } from "./quotes";
import { lookupAdjectiveCue, lookupCue, type CueClass } from "./cues";
import gazetteer from "./lexicons/gazetteer.json";

/** Every role word in the gazetteer (minister, spokesperson, operator, …) can head a speaker phrase. */
const ROLE_WORDS = new Set(Object.values(gazetteer.entries.titles as Record<string, string[]>).flat());

export interface RawAttribution {
  kind: AttributionKind;
  /** Token range of the source phrase, inclusive, or null. */
  sourceTok: [number, number] | null;
  source: Span | null;
  /** The source as marked in the text when it differs from the phrase resolved (“the senator, who”). */
  shownSource?: Span;
  cue: Span | null;
  cueLemma: string;
  cueClass: CueClass | "according" | "unnamed" | "punct";
  cueStance: CueStance;
  content: Span[];
  rule: string;
  evidence: string[];
}

export const ATTRIBUTION_RULES: Record<string, string> = {
  "quote.colon-intro": "A reporting verb followed by a colon introduces the quotation that follows, even a multi-paragraph one.",
  "quote.source-cue-after": "A quotation followed by its speaker and a reporting verb (“…,” she said).",
  "quote.cue-source-after": "A quotation followed by a reporting verb and its speaker (“…,” said the minister).",
  "quote.source-cue-before": "A speaker and a reporting verb followed directly by a quotation (He said, “…”).",
  "quote.dash-credit": "A quotation followed by a dash and the speaker's name.",
  "quote.speaker-label": "A paragraph that opens with a capitalised speaker label and a colon (transcripts, headlines), or with an inverted speech verb, the speaker and a colon (“Said Ellis: …”).",
  "indirect.said-that": "A speaker and a speech verb followed by reported content (X said (that) …).",
  "indirect.source-cue-after": "Reported content followed by its speaker and a speech verb (…, X said.).",
  "indirect.cue-source-after": "Reported content followed by a speech verb and its speaker (…, said X.).",
  "indirect.split": "Content split around an inserted speaker and verb (…, he said, …).",
  "indirect.stance": "A person or organisation and a verb of belief, wish or position followed by its object (X believes …, X called for …).",
  "indirect.evidence": "A poll, study or report and a verb of showing or finding (the poll shows …).",
  "indirect.participle": "A speech verb in a participle clause that takes the sentence's subject as source (…, saying …).",
  "indirect.participle-fronted": "A participle clause opening the sentence (“Citing the report, the mayor said …”): its object is the content and the subject after the comma the source.",
  "indirect.colon": "A reporting verb followed by a colon and unquoted content.",
  "headline.title-case": "A Title Case headline opening the text: the words before a reporting verb are the source (“Senator Slams Plan”).",
  "noun.possessive": "A reporting noun with a possessor (“X's claim that …”, “her call for …”): the possessor is the source.",
  "noun.complement": "A reporting or stance noun with a “that” clause and no possessor (“fears that …”, “voiced concerns that …”): the subject of the governing verb is the source, or there is none.",
  "indirect.in-evidence": "“In the latest poll, X leads …”: a poll, survey, study or count opening the sentence is the source of the clause after its comma.",
  "unnamed.asked": "“Asked about …, X said”: the question put to the speaker, with no one named as asking, is the content.",
  "according-to.pre": "“According to X, …”: the source before the content.",
  "according-to.post": "“…, according to X.”: the source after the content.",
  "unnamed.reportedly": "An adverb such as “reportedly” or “allegedly” marks an attribution with no named source.",
  "unnamed.passive": "A passive reporting verb with no agent (“is said to”, “is believed to”).",
  "unnamed.it-is-said": "“It is said/alleged/reported that …”: an attribution with no named source.",
  "indirect.passive-agent": "A passive cue with its agent (“the plan was endorsed by the union”): the agent is the source, the subject the content.",
  "unnamed.passive-stance": "An evaluative passive with no agent (“they have been accused of …”, “it is seen as …”): no source; the subject and the complement are the content.",
  "indirect.stance-adjective": "A form of be and a stance adjective with its complement (“X was critical of …”, “X is confident that …”): the subject is the source.",
  "unnamed.faced-criticism": "Criticism or questions faced with no critic named (“has faced questions about …”, “came under fire for …”): the complement is the content.",
  "unnamed.seem": "“X seems to …”, “it appears that …”: an impression reported with no source; the subject and the complement are its content.",
};

const SKIP_BEFORE_CUE = new Set([
  "also", "has", "have", "had", "is", "was", "were", "are", "been", "being", "will", "would", "could", "can", "may", "might",
  "did", "does", "do", "not", "n't", "n’t", "never", "repeatedly", "later", "previously", "then", "now", "once", "again", "too",
  "even", "recently", "already", "still", "publicly", "privately", "flatly", "reportedly", "allegedly", "often", "frequently",
  "just", "further", "first", "last", "subsequently", "long", "always", "quickly", "openly", "explicitly", "simply", "had",
  "should", "must", "ever", "actually", "only", "initially", "earlier", "immediately", "apparently", "clearly", "strongly",
]);
const PERSONAL = new Set(["he", "she", "they", "we", "i", "it", "you"]);
const QUANT_SUBJECTS = new Set(["many", "some", "others", "few", "most", "several", "both", "all", "everyone", "someone", "nobody", "none"]);
const PERSON_PRON = new Set(["he", "she", "they", "we", "i"]);
const RELATIVE = new Set(["who", "which", "that"]);
const TIME_WORDS = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow",
  "morning", "afternoon", "evening", "night", "week", "month", "year", "day", "time", "weekend", "earlier", "later", "recently",
  "last", "this", "next", "then", "once", "again", "previously", "repeatedly", "also", "privately", "publicly", "flatly",
  "ago", "on", "late", "early",
]);
const POSTPOSED_TITLE = new Set(["general", "elect", "emeritus"]);
const OBJECT_CONTROL = new Set(["prompt", "force", "lead", "push", "pressure", "press", "cause", "drive", "compel", "inspire", "persuade", "convince", "move"]);
/** Verbs that report only with a clause ("maintained that …"), not with a plain object ("maintained the roads"). */
const CLAUSE_ONLY_CUES = new Set(["maintain", "consider"]);
const NOT_SPEAKER_LABELS = new Set(["correction", "clarification", "update", "updated", "editor's note", "editor’s note", "the latest", "breaking", "related", "watch", "read more", "photo", "video", "note", "abstract", "source", "sources", "disclosure"]);
const QUOTE_ONLY_CUES = new Set(["continue"]);
const OBJECT_CUES = new Set(["tell", "inform", "brief", "assure", "remind", "warn", "advise", "urge", "ask"]);
const PRON_OBJECTS = new Set(["him", "her", "them", "us", "me", "you", "reporters", "journalists", "lawmakers", "supporters", "voters", "it"]);
/** Heads that can hold beliefs, wishes or positions (besides names and personal pronouns). */
const AGENT_NOUNS = new Set(
  (
    "official officials spokesman spokeswoman spokesperson minister president leader leaders group groups campaign government administration " +
    "party committee council agency department ministry police army military court judge lawmakers lawmaker senator congressman congresswoman " +
    "governor mayor candidate nominee critics supporters opponents voters residents experts analysts economists advocates activists democrats " +
    "republicans company companies firm officials authorities regime state states union members member aides aide adviser advisers chairman " +
    "director chief secretary ambassador diplomats organisation organization movement fighters militants rebels insurgents author authors " +
    "writer people many some others americans clinton trump team staff sources source administration commission board prosecutor prosecutors " +
    "attorney lawyer lawyers doctor doctors scientists researchers professor expert analyst economist pollster strategist operative " +
    "investigators watchdog coalition alliance leadership cabinet chancellor prime premier king prince manager executive ceo founder " +
    "poll survey study report letter statement ruling document documents data analysis review memo email emails filing complaint lawsuit " +
    "article book ad video speech website plan proposal bill resolution network newspaper paper magazine outlet channel station fans followers " +
    "teachers parents students workers women men families victims witnesses citizens businesses banks industry consumers investors polls surveys " +
    "league association federation body network union bank foundation institute center centre organisation organization agency bureau office firm group camp team " +
    "percent majority plurality respondents businessman businesswoman city country nation nations panel film narrator announcer commissioner " +
    "publication legislature regulator regulators creditor creditors corporation partner developer moderator reader readers editor editors " +
    "observer observers administrator bloc veteran veterans enemy enemies spot clip slide speechwriter questioner journal host hosts"
  ).split(" "),
);
const EVIDENCE_NOUNS = new Set(
  "poll polls survey surveys study studies report reports data analysis research review records document documents letter figures numbers results findings estimate estimates audit investigation evidence model census statistics memo slide slides chart charts graph average averages ad ads video tweet tweets transcript filing filings returns tally count projection projections forecast".split(
    " ",
  ),
);
const UNNAMED_ADVERBS = new Set(["reportedly", "allegedly", "purportedly", "supposedly", "rumoredly", "reputedly"]);
const UNNAMED_PASSIVE = new Set(["say", "report", "believe", "allege", "rumor", "rumour", "think", "understand", "claim", "know", "expect", "consider", "estimate", "project", "predict", "rumor", "suspect", "assume"]);
const PASSIVE_FORMS = new Map([
  ["said", "say"], ["reported", "report"], ["believed", "believe"], ["alleged", "allege"], ["rumoured", "rumour"], ["rumored", "rumor"],
  ["thought", "think"], ["understood", "understand"], ["claimed", "claim"], ["known", "know"], ["expected", "expect"], ["considered", "consider"],
  ["estimated", "estimate"], ["projected", "project"], ["predicted", "predict"], ["suspected", "suspect"], ["assumed", "assume"],
]);
const PARTICIPLE_STOP = new Set(["as", "who", "which", "when", "while", "before", "after", "because", "although", "though", "if", "in", "at", "on", "during", "with", "without"]);

export interface AttributionContext {
  text: string;
  tok: TokenizedText;
  lower: string[];
  sentStart: number[];
  sentEnd: number[];
  quotes: QuoteIndex;
  /** Paragraph index per token. */
  para: Int32Array;
  /** Sentence index per token (after re-joining). */
  sid: Int32Array;
}

const WINDOW = 160;
const SAY_LIKE = new Set(["say", "tell", "ask", "add", "write", "reply", "respond", "continue", "explain", "insist", "note", "recall", "declare", "shout", "exclaim", "answer", "joke", "warn", "argue", "claim"]);

export function buildContext(text: string, tok: TokenizedText): AttributionContext {
  const tokens = tok.tokens;
  const lower = tokens.map((t) => t.value.toLowerCase());
  const para = new Int32Array(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (p < tok.paragraphs.length - 1 && tokens[i]!.start >= tok.paragraphs[p]!.end) p++;
    para[i] = p;
  }
  // The tokenizer's sentences, re-joined where it split inside a parenthesis, before a lower-case
  // continuation, or between a quotation ending in ?/! and its "she said".
  const ranges: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.sentence;
    const last = ranges[ranges.length - 1];
    if (last && tokens[last[1]]!.sentence === w) last[1] = i;
    else ranges.push([i, i]);
  }
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && para[prev[0]] === para[r[0]] && shouldMerge(tokens, lower, prev, r)) prev[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  const sid = new Int32Array(tokens.length);
  merged.forEach(([a, b], k) => {
    for (let i = a; i <= b; i++) sid[i] = k;
  });
  return {
    text,
    tok,
    lower,
    sentStart: merged.map((r) => r[0]),
    sentEnd: merged.map((r) => r[1]),
    sid,
    quotes: new QuoteIndex(findQuotes(text, tok.paragraphs)),
    para,
  };
}

function shouldMerge(tokens: Token[], lower: string[], prev: [number, number], next: [number, number]): boolean {
  let open = 0;
  for (let i = prev[0]; i <= prev[1]; i++) {
    if (tokens[i]!.value === "(") open++;
    else if (tokens[i]!.value === ")") open--;
  }
  if (open > 0) return true;
  const first = tokens[next[0]]!;
  if (/^[\p{Ll},;)]/u.test(first.value) && first.value !== "i") return true;
  const lastV = tokens[prev[1]]!.value;
  const twoApos = lastV === "'" && tokens[prev[1] - 1]?.value === "'";
  const beforeMark = tokens[prev[1] - (twoApos ? 2 : 1)]?.value;
  if ((isQuoteMark(lastV) || lastV === "'") && (beforeMark === "?" || beforeMark === "!" || beforeMark === ",")) {
    for (let i = next[0]; i <= Math.min(next[1], next[0] + 6); i++) {
      const t = tokens[i]!;
      if (t.pos === "VERB" || t.pos === "AUX") return SAY_LIKE.has(t.lemma.toLowerCase()) && t.pos === "VERB";
      if (t.pos === "PUNCT" && t.value !== "." && t.value !== "-") return false;
    }
  }
  void lower;
  return false;
}

/** Find every attribution in a tokenised text, in text order of their content. */
export function findAttributions(ctx: AttributionContext): RawAttribution[] {
  const { tok, lower } = ctx;
  const tokens = tok.tokens;
  const out: RawAttribution[] = [];
  const usedCue = new Set<number>();
  for (let s = 0; s < ctx.sentStart.length; s++) {
    const sa = ctx.sentStart[s]!;
    const sb = ctx.sentEnd[s]!;
    if (sa < 0) continue;
    const sentenceAtts: RawAttribution[] = [];
    for (let i = sa; i <= sb; i++) {
      // A window around the cue keeps run-on "sentences" (lists, hostile input) linear.
      const a = Math.max(sa, i - WINDOW);
      const b = Math.min(sb, i + WINDOW);
      if (usedCue.has(i)) continue;
      const t = tokens[i]!;
      const lw = lower[i]!;
      let att: RawAttribution | null = null;
      if ((t.pos === "VERB" || t.pos === "NOUN") && FACE_VERBS.has(t.lemma.toLowerCase()) && i + 2 <= b && (att = facedCriticism(ctx, i, b))) {
        // "the agency has faced criticism for …", "she came under fire over …": criticism with no one named.
      } else if (lw === "asked" && i === a && i + 2 <= b && ASKED_NEXT.has(lower[i + 1]!) && (att = askedFront(ctx, i, b))) {
        // "Asked about the levy, the mayor said …": the question put, with no one named as asking.
      } else if (lw === "in" && i === a && i + 2 <= b && (att = inEvidence(ctx, i, b))) {
        // "In the latest poll, Vane leads by four points."
      } else if (lw === "according" && lower[i + 1] === "to" && i + 1 <= b) att = accordingTo(ctx, i, a, b);
      else if (UNNAMED_ADVERBS.has(lw)) att = unnamedAdverb(ctx, i, a, b);
      else if (PASSIVE_FORMS.has(lw) && t.pos !== "VERB" && isPassive(ctx, i, a)) att = unnamedPassive(ctx, i, a, b, PASSIVE_FORMS.get(lw)!);
      else if (t.pos === "VERB" || t.pos === "AUX") {
        const lemma = t.lemma.toLowerCase();
        if (UNNAMED_PASSIVE.has(lemma) && isPassive(ctx, i, a) && lower[i + 1] !== "by") att = unnamedPassive(ctx, i, a, b, lemma);
        else if (PASSIVE_EVAL.has(lemma) && lower[i + 1] !== "by" && t.pos === "VERB" && isPassive(ctx, i, a) && (att = passiveEval(ctx, i, a, b, lemma))) {
          // "Peacekeepers have been accused of …"
        } else if (lower[i + 1] === "by" && t.pos === "VERB" && isPassive(ctx, i, a) && (att = passiveAgent(ctx, i, a, b, lemma))) {
          // "The plan was endorsed by the union"
        }
        else if ((lemma === "seem" || lemma === "appear") && (att = seemCue(ctx, i, a, b, lemma))) {
          // "The plan seems to be failing": an appearance with no one to hold it.
        }
        else att = verbCue(ctx, i, a, b, sentenceAtts);
        // "She continued, “…”": a verb that reports speech only when a quotation is its content.
        if (att && QUOTE_ONLY_CUES.has(att.cueLemma) && !startsWithQuote(ctx.text, att.content[0]!.start)) att = null;
        // "the senator, who said …": the shown source runs from the antecedent to the relative pronoun (PolNeAR marks "who").
        if (att && att.sourceTok && att.source) {
          const j = skipLeftModifiers(ctx, i - 1, a);
          if (j > att.sourceTok[1] && j - att.sourceTok[1] <= 2 && RELATIVE.has(lower[j]!) && tokens[j]!.start > att.source.end) att.shownSource = { start: att.source.start, end: tokens[j]!.end };
        }
      } else if (t.pos === "ADJ" && i > a && lookupAdjectiveCue(lw) && (att = adjectiveCue(ctx, i, a, b))) {
        // "Aides were wary of …", "she is confident that …"
      } else if (t.pos === "NOUN" && NOUN_CUES.has(t.lemma.toLowerCase()) && i > a && (att = nounCue(ctx, i, a, b))) {
        // "Trump's claim that …", "her call for …"
      } else if (t.pos === "NOUN" && lower[i + 1] === "that" && i + 2 <= b && NOUN_THAT.has(t.lemma.toLowerCase()) && (att = nounComplement(ctx, i, a, b))) {
        // "amid fears that …", "the recognition that …": a complement clause with no possessor.
      } else if ((t.pos === "NOUN" || t.pos === "ADJ") && /^[a-z]+$/.test(t.value) && i > a) {
        // The tagger sometimes reads a reporting verb as a noun or adjective ("Trump is promising", "she claims").
        const guess = guessVerbLemma(lw);
        const p = skipLeftModifiers(ctx, i - 1, a);
        const prevTok = tokens[p];
        const nextTok = tokens[i + 1];
        const objectNext = !!nextTok && i + 1 <= b && (nextTok.pos === "DET" || nextTok.pos === "PROPN" || nextTok.pos === "PRON" || lower[i + 1] === "that");
        const afterSubject =
          prevTok && p === i - 1 && (PERSON_PRON.has(lower[p]!) || prevTok.pos === "PROPN" || (prevTok.pos === "NOUN" && /s$/.test(lw) && objectNext && p > a && tokens[p - 1]!.pos === "DET"));
        const afterBe = p < i - 1 && tokens.slice(p + 1, i).some((x) => x.lemma === "be") && /ing$/.test(lw);
        // "Polls show a close race", "12 percent support the plan": a plural subject before a bare cue the tagger read as a noun.
        const pluralSubject = !guess && p === i - 1 && !!prevTok && ((/[^s]s$/.test(lower[p]!) && (prevTok.pos === "NOUN" || prevTok.pos === "PROPN")) || (lower[p] === "percent" && tokens[p - 1]?.pos === "NUM"));
        // "The campaign plans to send …", "Pell, a Democrat, vows to …": a cue read as a noun before an infinitive.
        const plansTo = !!guess && /s$/.test(lw) && p === i - 1 && !!prevTok && (prevTok.pos === "NOUN" || prevTok.pos === "PROPN" || lower[p] === ",") && lower[i + 1] === "to" && i + 2 <= b && tokens[i + 2]!.pos === "VERB" && !possessedBefore(ctx, p, a);
        // "Data from the survey show that …", "records show he …": a bare cue read as a noun before a clause.
        const bareClause = !guess && t.pos === "NOUN" && !!lookupCue(lw) && p === i - 1 && !!prevTok && (prevTok.pos === "NOUN" || prevTok.pos === "PROPN") && !possessedBefore(ctx, p, a) && (lower[i + 1] === "that" ? clauseFollows(ctx, i + 2, b) : i + 1 <= b && (PERSONAL.has(lower[i + 1]!) || tokens[i + 1]!.pos === "PROPN") && clauseFollows(ctx, i + 1, b));
        if (guess && (afterSubject || afterBe || plansTo)) att = verbCue(ctx, i, a, b, sentenceAtts, guess);
        else if (bareClause) att = verbCue(ctx, i, a, b, sentenceAtts, lw);
        else if (pluralSubject && t.pos === "NOUN" && lookupCue(lw) && nextTok && (nextTok.pos === "DET" || nextTok.pos === "PROPN" || nextTok.pos === "NUM" || nextTok.pos === "PRON" || lower[i + 1] === "that")) att = verbCue(ctx, i, a, b, sentenceAtts, lw);
        else if (!guess && afterSubject && t.pos === "NOUN" && lookupCue(lw) && nextTok && (nextTok.pos === "DET" || nextTok.pos === "PROPN" || (nextTok.pos === "PRON" && lower[i + 1] !== "that")) && (PERSON_PRON.has(lower[p]!) || lower[p - 1] === "and")) {
          // "China and Russia support the government", "they plan a rally": a bare verb read as a noun.
          att = verbCue(ctx, i, a, b, sentenceAtts, lw);
        }
      }
      if (att) {
        usedCue.add(i);
        sentenceAtts.push(att);
        out.push(att);
      }
    }
  }
  speakerLabels(ctx, out);
  dashCredits(ctx, out);
  headline(ctx, out);
  continuationParagraphs(ctx, out);
  return dedupe(dropNested(splitCoordinated(ctx, out)));
}

const ANONYMITY_VERBS = new Set(["ask", "request", "decline", "refuse", "agree", "demand", "insist", "prefer", "want", "wish"]);
const ANONYMITY_WORDS = new Set(["named", "identified", "quoted", "name", "identify", "quote"]);
/** "not to be named", "to be identified", "anonymity" starting at k: the index of its last token, or -1. */
function anonymityRequestEnd(ctx: AttributionContext, k: number, b: number): number {
  const lower = ctx.lower;
  if (k > b) return -1;
  if (lower[k] === "anonymity") return k;
  let m = k;
  if (lower[m] === "not") m++;
  if (lower[m] !== "to") return -1;
  m++;
  if (lower[m] === "be" && ANONYMITY_WORDS.has(lower[m + 1] ?? "")) return m + 1 <= b ? m + 1 : -1;
  // "declined to give her name"
  if ((lower[m] === "give" || lower[m] === "provide") && /^(his|her|their|its)$/.test(lower[m + 1] ?? "") && lower[m + 2] === "name") return m + 2 <= b ? m + 2 : -1;
  return -1;
}

/** "An official who asked not to be named said …": the relative clause ending at j; the index of its "who", or -1. */
function anonymityClauseBefore(ctx: AttributionContext, j: number, a: number): number {
  for (let w = j - 3; w >= a && w >= j - 9; w--) {
    const lw = ctx.lower[w];
    if ((lw === "who" || lw === "that") && ANONYMITY_VERBS.has(ctx.tok.tokens[w + 1]!.lemma.toLowerCase()) && anonymityRequestEnd(ctx, w + 2, j) === j) return w;
  }
  return -1;
}

/** Does the noun phrase ending at p open with a possessor ("its tax plans", "the city's budget")? Then a following word is its noun, not a verb. */
function possessedBefore(ctx: AttributionContext, p: number, a: number): boolean {
  const tokens = ctx.tok.tokens;
  let k = p;
  while (k >= a && p - k < 6 && (tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "PROPN" || tokens[k]!.pos === "ADJ" || tokens[k]!.pos === "NUM")) k--;
  if (k < a) return false;
  const lw = ctx.lower[k]!;
  return POSSESSIVE_PRON.has(lw) || lw === "'s" || lw === "’s" || lw === "’" || lw === "your";
}

function span(ctx: AttributionContext, a: number, b: number): Span {
  return { start: ctx.tok.tokens[a]!.start, end: ctx.tok.tokens[b]!.end };
}

/** Trim white space and sentence-final punctuation (kept when a closing quote mark follows it). */
function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:]/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end > start && /[.;:,!?\u2014\u2013-]/.test(text[end - 1]!) && !(text[end - 1] === "?" || text[end - 1] === "!")) end--;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, Math.min(end, start + 200)))) return null;
  return { start, end };
}

/** Content from token k to the end of the sentence, extended over a quotation that runs on. */
function contentAfter(ctx: AttributionContext, k: number, b0: number): Span | null {
  const tokens = ctx.tok.tokens;
  if (k > b0) return null;
  const b = clauseEnd(ctx, k, b0);
  const start = tokens[k]!.start;
  let end = tokens[b]!.end;
  const q = ctx.quotes.byStart.get(start) ?? lastOpenQuote(ctx, k, b);
  if (q && q.end > end) end = q.end;
  const closing = endsWithQuote(ctx.text, end);
  if (closing) return { start, end };
  return trimSpan(ctx.text, start, end);
}

const EVENT_NOUNS = new Set([
  "statement", "interview", "rally", "speech", "tweet", "tweets", "debate", "event", "conference", "briefing", "hearing", "letter",
  "email", "post", "video", "appearance", "address", "op-ed", "call", "meeting", "broadcast", "episode", "show", "program", "programme",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
]);
const FINITE_AUX = new Set(["did", "does", "has", "had", "is", "was", "were", "are", "have", "do"]);
/** A verb form that starts a new coordinated predicate (past or third person), not a bare infinitive. */
function isFiniteVerb(t: Token, lw: string): boolean {
  if (t.pos === "AUX") return FINITE_AUX.has(lw);
  if (t.pos !== "VERB") return false;
  if (/ing$/.test(lw)) return false;
  return /(ed|s)$/.test(lw) || lw !== t.lemma.toLowerCase();
}
/** Does the relative clause starting at k report speech or a stance of its own ("…, who said …")? */
function relativeHasCue(ctx: AttributionContext, k: number, b: number): boolean {
  const tokens = ctx.tok.tokens;
  for (let m = k; m <= Math.min(b, k + 4); m++) {
    const t = tokens[m]!;
    if (t.pos === "VERB") return !!lookupCue(t.lemma.toLowerCase());
    if (t.pos === "PUNCT") return false;
  }
  return false;
}
const CONTROL_ADJ = new Set(["able", "unable", "ready", "quick", "slow", "free", "prepared", "poised", "set", "due", "likely", "unlikely", "careful"]);
const SUBORDINATORS = new Set(["if", "since", "when", "because", "although", "though", "as", "while", "after", "before", "once", "unless", "until", "whether"]);

/** Where the reported clause ends: before a participle or relative clause, a new coordinated verb, a dash or parenthesis, or a trailing "in a statement on Monday". Quotations are never cut. */
function clauseEnd(ctx: AttributionContext, k: number, b: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let inQuoteUntil = -1;
  // A reported clause with its own subject ("said [he left and took the files]") keeps its coordinated verbs and relative clauses.
  const clausal = (lower[k] === "that" ? clauseFollows(ctx, k + 1, b) : clauseFollows(ctx, k, b));
  let verbSeen = false;
  // "described the show, in which contestants were given tasks and competed …": a verb joined inside a relative clause.
  let relSeen = false;
  // "that, if elected, he would …", "that since she left, …": a fronted subordinate clause ends at its comma.
  let frontSub = SUBORDINATORS.has(lower[lower[k] === "that" ? k + 1 : k] ?? "") || (lower[k] === "that" && lower[k + 1] === ",");
  // "X — who has called for a levy — spoke": inside a dash pair, the content ends at the closing dash.
  let inDashPair = false;
  {
    const s0 = ctx.sentStart[ctx.sid[k]!]!;
    let dashes = 0;
    for (let m = Math.max(s0, k - 60); m < k; m++) if (isDashToken(ctx, m)) dashes++;
    inDashPair = dashes % 2 === 1;
  }
  for (let m = k; m <= b; m++) {
    const t = tokens[m]!;
    if (m > k && (tokens[m - 1]!.pos === "VERB" || tokens[m - 1]!.pos === "AUX")) verbSeen = true;
    if (m > k + 1 && RELATIVE.has(lower[m - 1]!) && tokens[m - 1]!.pos !== "SCONJ") relSeen = true;
    if (t.start < inQuoteUntil) continue;
    const q = ctx.quotes.byStart.get(t.start);
    if (q) {
      inQuoteUntil = q.end;
      continue;
    }
    if (m === k) continue;
    const v = t.value;
    const n1 = tokens[m + 1];
    if (v === ";" || v === "(") return m - 1;
    if (inDashPair && isDashToken(ctx, m)) return m - 1;
    if (v === "," && n1 && m + 1 <= b) {
      const l1 = lower[m + 1]!;
      if (n1.pos === "VERB" && /ing$/.test(l1) && l1 !== "including" && l1 !== "according") return m - 1;
      // ", the senator added a caveat": a new main clause after the reported one (not after a fronted "that, if elected, …").
      if (!frontSub && (n1.pos === "PROPN" || PERSONAL.has(l1) || n1.pos === "DET") && l1 !== "that" && (verbSeen || (!clausal && m > k + 1 && !CLAUSE_OPENERS.has(lower[k]!))) && clauseFollows(ctx, m + 1, b)) return m - 1;
      // ", but her plan would …": a contrasting clause with its own subject.
      if (!frontSub && verbSeen && (l1 === "but" || l1 === "yet") && m + 2 <= b && clauseFollows(ctx, m + 2, b)) return m - 1;
      if (m > k + 1) frontSub = false;
      if ((l1 === "which" || l1 === "who" || l1 === "where") && !(clausal && !relativeHasCue(ctx, m + 2, b))) return m - 1;
    }
    if ((lower[m] === "and" || lower[m] === "but" || lower[m] === "yet") && m + 1 <= b) {
      let n = m + 1;
      while (n <= b && tokens[n]!.pos === "ADV") n++;
      const vt = tokens[n];
      if (vt && n <= b && isFiniteVerb(vt, lower[n]!) && !((clausal || relSeen) && !lookupCue(vt.lemma.toLowerCase()))) return tokens[m - 1]!.value === "," ? m - 2 : m - 1;
    }
  }
  return b;
}

function isDashToken(ctx: AttributionContext, m: number): boolean {
  const v = ctx.tok.tokens[m]!.value;
  return v === "—" || v === "―" || v === "--" || v === "–" || (v === "-" && ctx.text[ctx.tok.tokens[m]!.start - 1] === " " && ctx.text[ctx.tok.tokens[m]!.end] === " ");
}

/** A quotation opened inside tokens k..b that closes after the sentence. */
function lastOpenQuote(ctx: AttributionContext, k: number, b: number) {
  const q = ctx.quotes.containing(ctx.tok.tokens[b]!.start);
  if (q && q.start >= ctx.tok.tokens[k]!.start) return q;
  return undefined;
}

const NAME_PARTICLES = new Set(["al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "la", "le", "ben", "bint", "du", "di"]);

function isNameish(t: Token): boolean {
  return t.pos === "PROPN" || (/^\p{Lu}/u.test(t.value) && (t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "X")) || NAME_PARTICLES.has(t.value);
}

/** Collect a noun phrase ending at token j (leftwards). Returns [start, j] or null. */
function npLeft(ctx: AttributionContext, j: number, a: number, allowRelative = true): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (j < a) return null;
  const t = tokens[j]!;
  const lw = lower[j]!;
  if (QUANT_SUBJECTS.has(lw) && (t.pos === "ADJ" || t.pos === "PRON" || t.pos === "DET" || t.pos === "NOUN")) return [j, j];
  if (t.pos === "PRON" || PERSONAL.has(lw)) {
    if (PERSONAL.has(lw)) return [j, j];
    if (RELATIVE.has(lw) && allowRelative) {
      if ((lower[j - 1] === "," || (isCommaLike(lower[j - 1]!))) && j - 2 >= a) return npLeft(ctx, j - 2, a, false);
      return npLeft(ctx, j - 1, a, false);
    }
    if (lw === "many" || lw === "some" || lw === "others" || lw === "few" || lw === "most" || lw === "both" || lw === "all" || lw === "everyone" || lw === "someone" || lw === "nobody" || lw === "none")
      return [j, j];
    return null;
  }
  if (RELATIVE.has(lw) && allowRelative && t.pos !== "DET") {
    if ((lower[j - 1] === "," || (isCommaLike(lower[j - 1]!))) && j - 2 >= a) return npLeft(ctx, j - 2, a, false);
    return npLeft(ctx, j - 1, a, false);
  }
  let k = j;
  let head = -1;
  let count = 0;
  while (k >= a && count < 14) {
    const u = tokens[k]!;
    const lu = lower[k]!;
    const pos = u.pos;
    if (u.value === ")" ) {
      let m = k - 1;
      while (m >= a && m > k - 8 && tokens[m]!.value !== "(") m--;
      if (m >= a && tokens[m]!.value === "(" && k !== j) { k = m - 1; count++; continue; }
      if (m >= a && tokens[m]!.value === "(" && k === j) { k = m - 1; count++; continue; }
      break;
    }
    const capWord = (/^\p{Lu}/u.test(u.value) && (pos === "VERB" || pos === "X" || pos === "ADJ" || pos === "ADV" || pos === "INTJ") && k > a) || (NAME_PARTICLES.has(u.value) && k < j && isNameish(tokens[k + 1]!));
    if (pos === "PROPN" || pos === "NOUN" || pos === "NUM" || capWord || (pos === "X" && /^\p{Lu}/u.test(u.value)) || (k === j && k === a && /^\p{Lu}/u.test(u.value) && pos === "VERB")) {
      if (TIME_WORDS.has(lu) && k === j) return null;
      if (head < 0) head = k;
    } else if (pos === "ADJ" && head < 0 && k === j && POSTPOSED_TITLE.has(lu) && k > a && (tokens[k - 1]!.pos === "NOUN" || tokens[k - 1]!.pos === "PROPN")) {
      // "the attorney general", "the surgeon general": a title ending in an adjective
      head = k;
    } else if (pos === "ADJ") {
      if (head < 0 && !/^\p{Lu}/u.test(u.value)) return null;
    } else if (pos === "DET" || lu === "both") {
      if (head < 0) return null;
      if (lu === "that" || lu === "this" || lu === "these" || lu === "those" || lu === "the" || lu === "a" || lu === "an" || lu === "his" || lu === "her" || lu === "their" || lu === "its" || lu === "both" || lu === "another" || lu === "some" || lu === "many" || lu === "several" || lu === "each" || lu === "every" || lu === "no" || lu === "our" || lu === "my" || lu === "your" || lu === "one" || lu === "all" || lu === "most") {
        // "Mr. Morgan of the Sierra Club", "a lawyer for the news outlets": the phrase goes on to the left.
        const pl = lower[k - 1];
        if (k - 2 >= a && (pl === "of" || pl === "for" || pl === "at" || pl === "from") && (tokens[k - 2]!.pos === "PROPN" || tokens[k - 2]!.pos === "NOUN")) {
          k -= 2;
          count += 2;
          continue;
        }
        k--;
        count++;
        break;
      }
    } else if (pos === "PART" && (lu === "’s" || lu === "'s" || lu === "’" || lu === "'")) {
      // possessive inside the phrase
    } else if (pos === "PRON" && (lu === "his" || lu === "her" || lu === "their" || lu === "its" || lu === "our" || lu === "my")) {
      if (head < 0) return null;
      k--;
      count++;
      break;
    } else if (pos === "PUNCT" && (u.value === "." || u.value === "-" || u.value === "&" || u.value === "’" || u.value === "'") && k < j && k > a && isNameish(tokens[k - 1]!)) {
      // inside a name (initials, hyphens)
    } else if (pos === "ADP" && (lu === "of" || lu === "for" || lu === "at" || lu === "from") && head >= 0 && k > a && (tokens[k - 1]!.pos === "NOUN" || tokens[k - 1]!.pos === "PROPN")) {
      // "head of the agency", "Center for Research"
    } else if (pos === "CCONJ" && lu === "and" && head >= 0 && k > a && (isNameish(tokens[k - 1]!) || tokens[k - 1]!.pos === "NOUN") && (isNameish(tokens[k + 1]!) || tokens[k + 1]!.pos === "DET")) {
      // "Hamas and the Muslim Brotherhood"
    } else break;
    k--;
    count++;
  }
  const start = k + 1;
  if (head < 0 || start > j) return null;
  // Drop a leading conjunction or preposition left inside.
  let s = start;
  while (s < j && (tokens[s]!.pos === "ADP" || tokens[s]!.pos === "CCONJ" || tokens[s]!.pos === "PUNCT")) s++;
  return [s, j];
}

/** A noun phrase starting at token k (rightwards), for sources after the cue. */
function npRight(ctx: AttributionContext, k: number, b: number, nounVerbs = false): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (k > b) return null;
  const t = tokens[k]!;
  // "according to their attorneys": a possessive opens the phrase.
  if (t.pos === "PRON" && !(nounVerbs && (lower[k] === "his" || lower[k] === "her" || lower[k] === "their" || lower[k] === "its") && k < b && tokens[k + 1]!.pos !== "PUNCT")) return PERSONAL.has(lower[k]!) ? [k, k] : null;
  let m = k;
  let head = -1;
  while (m <= b && m < k + 14) {
    const u = tokens[m]!;
    const lu = lower[m]!;
    if (u.pos === "PROPN" || u.pos === "NOUN" || u.pos === "NUM" || (u.pos === "X" && /^\p{Lu}/u.test(u.value))) head = m;
    else if (u.pos === "VERB" && (/(ing|ed)$/.test(lu) || nounVerbs) && head < 0 && m < b && (tokens[m + 1]!.pos === "NOUN" || tokens[m + 1]!.pos === "PROPN")) {
      // "shipping agents", "unnamed officials"
    } else if (u.pos === "DET" || u.pos === "ADJ" || (u.pos === "PRON" && (lu === "his" || lu === "her" || lu === "their" || lu === "its"))) {
      if (head >= 0 && u.pos === "DET" && tokens[m - 1]!.pos !== "ADP") break;
    } else if (u.pos === "PART" && (lu === "’s" || lu === "'s")) {
      // possessive
    } else if (u.value === "-" && m > k && m < b && tokens[m - 1]!.end === u.start && tokens[m + 1]!.start === u.end && (tokens[m - 1]!.pos === "ADJ" || tokens[m - 1]!.pos === "PROPN" || tokens[m - 1]!.pos === "NOUN")) {
      // "African-Americans", "Vietnam-era veterans": a hyphenated compound
    } else if (u.pos === "PUNCT" && (u.value === "." || u.value === "-" || u.value === "&") && head >= 0 && m < b && isNameish(tokens[m + 1]!)) {
      // inside a name
    } else if (u.pos === "ADP" && (lu === "of" || lu === "for" || lu === "at" || lu === "from") && head >= 0 && m < b && tokens[m + 1]!.pos !== "VERB") {
      // "head of the agency"
    } else if (u.pos === "CCONJ" && lu === "and" && head >= 0 && m < b && (isNameish(tokens[m + 1]!) || tokens[m + 1]!.pos === "DET" || tokens[m + 1]!.pos === "NOUN")) {
      // coordinated sources
    } else break;
    m++;
  }
  if (head < 0) return null;
  // Trim a trailing preposition or conjunction the loop let in.
  let e = head;
  while (e > k && (tokens[e]!.pos === "ADP" || tokens[e]!.pos === "CCONJ")) e--;
  return [k, e];
}

function skipLeftModifiers(ctx: AttributionContext, j: number, a: number): number {
  const tokens = ctx.tok.tokens;
  while (j >= a) {
    const lw = ctx.lower[j]!;
    const pos = tokens[j]!.pos;
    if (SKIP_BEFORE_CUE.has(lw) || (pos === "ADV" && !UNNAMED_ADVERBS.has(lw) && lw !== "that" && !(lw === "yet")) || (pos === "AUX" && lw !== "'s") || lw === "not") j--;
    // "he's claiming", "who's called for": a contracted is/has after a pronoun.
    else if ((lw === "'s" || lw === "’s") && j - 1 >= a && (PERSONAL.has(ctx.lower[j - 1]!) || RELATIVE.has(ctx.lower[j - 1]!))) j--;
    else break;
  }
  return j;
}

function isPassive(ctx: AttributionContext, i: number, a: number): boolean {
  const t = ctx.tok.tokens[i]!;
  if (/ing$/.test(t.value)) return false;
  let j = i - 1;
  while (j >= a && (ctx.tok.tokens[j]!.pos === "ADV" || ctx.lower[j] === "not" || ctx.lower[j] === "also" || ctx.lower[j] === "widely")) j--;
  if (j < a) return false;
  const lw = ctx.lower[j]!;
  return lw === "is" || lw === "was" || lw === "are" || lw === "were" || lw === "been" || lw === "be" || lw === "being" || lw === "’s";
}

function subjectOk(ctx: AttributionContext, np: [number, number], cls: CueClass): boolean {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (cls === "speech") return true;
  for (let k = np[0]; k <= np[1]; k++) {
    if (tokens[k]!.pos === "PROPN" || (tokens[k]!.pos !== "DET" && /^\p{Lu}/u.test(tokens[k]!.value) && k > np[0])) return true;
  }
  const head = lower[np[1]]!;
  if (PERSON_PRON.has(head)) return true;
  if (head === "it") return cls === "evidence";
  if (/^\p{Lu}/u.test(tokens[np[0]]!.value) && tokens[np[0]]!.pos !== "DET" && tokens[np[0]]!.pos !== "PRON" && np[0] > ctx.sentStart[ctx.sid[np[0]]!]!) return true;
  const lemma = tokens[np[1]]!.lemma.toLowerCase();
  if (cls === "evidence") return EVIDENCE_NOUNS.has(head) || EVIDENCE_NOUNS.has(lemma) || AGENT_NOUNS.has(head);
  return AGENT_NOUNS.has(head) || AGENT_NOUNS.has(lemma) || EVIDENCE_NOUNS.has(head) || QUANT_SUBJECTS.has(head) || ROLE_WORDS.has(head) || ROLE_WORDS.has(lemma) || personBySuffix(head);
}

/** Nouns for people by their ending: "environmentalists", "physicians", "a historian". */
function personBySuffix(w: string): boolean {
  return w.length > 6 && /(?:ists?|ians?)$/.test(w) && !/(?:lists?|wrists?|twists?|medians?)$/.test(w);
}

const NOUN_CUES = new Set(
  ("claim assertion allegation argument plan proposal promise pledge warning call demand belief view insistence suggestion accusation charge denial " +
    "statement comment remark vow threat theory position decision criticism complaint concern fear hope offer recommendation prediction " +
    "estimate finding conclusion contention admission acknowledgment acknowledgement assessment opposition support push vision " +
    "determination reluctance commitment disdain adulation eagerness desire willingness refusal attack attacks comments criticisms praise endorsement rejection dismissal defense defence").split(" "),
);
const POSSESSIVE_PRON = new Set(["his", "her", "their", "its", "our", "my"]);
const NOUN_STANCE: Record<string, CueStance> = {
  claim: "distancing", allegation: "distancing", assertion: "distancing", contention: "distancing",
  denial: "denial", rejection: "denial", dismissal: "denial", refusal: "denial",
  accusation: "accusation", charge: "accusation", criticism: "accusation", attack: "accusation", disdain: "accusation",
  praise: "endorsing", endorsement: "endorsing", defense: "endorsing", defence: "endorsing", acknowledgment: "endorsing", acknowledgement: "endorsing", admission: "endorsing",
};

/** "X's claim that …", "his call for …", "her plan to …": a possessor as source and the complement as content. */
function nounCue(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
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
  if (ln === "to" && after && !(after.pos === "VERB" || after.pos === "AUX" || after.pos === "ADV" || after.pos === "PART")) k = n + 1;
  else if (ln === "that" || ln === "to") k = n;
  else if ((ln === "for" || ln === "of" || ln === "on" || ln === "about" || ln === "against" || ln === "over") && n + 1 <= b) k = n + 1;
  else return null;
  let c = contentAfter(ctx, k, b);
  if (!c) return null;
  // "His plan to widen the road angered residents": when the possessed noun opens the clause, its infinitive ends before the main verb.
  if (ln === "to" && (src[0] === a || lower[src[0] - 1] === "," || tokens[src[0] - 1]!.pos === "CCONJ" || tokens[src[0] - 1]!.pos === "SCONJ")) {
    for (let m = k + 2; m <= b && tokens[m]!.start < c.end; m++) {
      const t = tokens[m]!;
      if (ctx.quotes.containing(t.start)) continue;
      if ((t.pos === "AUX" || isFiniteVerb(t, lower[m]!)) && lower[m - 1] !== "to" && tokens[m - 1]!.pos !== "PRON" && !RELATIVE.has(lower[m - 1]!) && tokens[m - 1]!.pos !== "CCONJ") {
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

/** Nouns whose "that" clause reports a belief, claim or feeling ("fears that …", "the assertion that …"). */
const NOUN_THAT = new Set(
  ("claim assertion allegation argument belief view warning fear hope concern worry suggestion charge accusation recognition acknowledgment " +
    "acknowledgement admission conclusion finding contention notion feeling expectation assurance promise pledge prediction insistence complaint " +
    "speculation rumor rumour report statement announcement implication bet assumption impression conviction perception agreement consensus " +
    "pronouncement message evidence sign indication suspicion doubt confidence sense threat vow demand").split(" "),
);

/** "fears that the pier will close", "warnings from the union that …": a stance noun and its complement clause; the source is the "from" phrase, if any. */
function nounComplement(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  // "the promise that he made": a relative clause has a gap; a complement clause has its own subject and a verb with what follows.
  if (!clauseFollows(ctx, i + 2, b)) return null;
  let v = i + 2;
  while (v <= b && v < i + 10 && !(tokens[v]!.pos === "VERB" || tokens[v]!.pos === "AUX")) v++;
  while (v + 1 <= b && (tokens[v + 1]!.pos === "VERB" || tokens[v + 1]!.pos === "AUX" || tokens[v + 1]!.pos === "PART" || tokens[v + 1]!.pos === "ADV")) v++;
  if (v + 1 > b || tokens[v + 1]!.pos === "PUNCT" || (tokens[v + 1]!.pos === "ADP" && tokens[v]!.pos === "VERB")) return null;
  const c = contentAfter(ctx, i + 1, b);
  if (!c) return null;
  const lemma = tokens[i]!.lemma.toLowerCase();
  // "the mayor voiced concerns that …": the subject of the verb governing the noun holds it.
  let src: [number, number] | null = null;
  let m = i - 1;
  while (m >= a && i - m <= 4 && (tokens[m]!.pos === "DET" || tokens[m]!.pos === "ADJ" || tokens[m]!.pos === "ADV" || tokens[m]!.pos === "ADP" || tokens[m]!.pos === "NOUN")) m--;
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

const BE_FORMS = new Set(["is", "was", "are", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m", "remain", "remains", "remained", "become", "becomes", "became"]);
const ADJ_PREPS = new Set(["about", "of", "on", "over", "with", "at", "by", "toward", "towards"]);
const ADJ_CLAUSE = new Set(["that", "if", "whether", "how", "what", "why", "who", "when"]);

/** "X was critical of …", "X is confident that …", "X remains open to …": a stance adjective after a form of be, with its complement. */
function adjectiveCue(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  const entry = lookupAdjectiveCue(lower[i]!);
  if (!entry || i + 1 > b) return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  // The form of be, with adverbs and a negation between it and the adjective ("was not too concerned").
  let j = i - 1;
  while (j >= a && j >= i - 4 && (tokens[j]!.pos === "ADV" || lower[j] === "not" || lower[j] === "n't" || lower[j] === "n’t" || lower[j] === "more" || lower[j] === "less")) j--;
  if (j < a || !BE_FORMS.has(lower[j]!)) return null;
  // The complement: a clause, an infinitive, a prepositional phrase, or (after sure/confident/convinced) a bare clause.
  const n = i + 1;
  const ln = lower[n]!;
  let k: number;
  let cueEnd = i;
  if (ADJ_CLAUSE.has(ln)) k = n;
  else if (ln === "to") {
    if (n + 1 > b) return null;
    if (tokens[n + 1]!.pos === "VERB" || tokens[n + 1]!.pos === "AUX") k = n;
    else { k = n + 1; cueEnd = n; }
  } else if (ADJ_PREPS.has(ln) && tokens[n]!.pos === "ADP") {
    if (n + 1 > b) return null;
    k = n + 1;
    cueEnd = n;
  } else if (clauseFollows(ctx, n, b) && tokens[n]!.pos === "PRON") k = n;
  else return null;
  const content = contentAfterCue(ctx, k, b, lower[i]!, "stance");
  if (!content) return null;
  // The subject before the form of be (auxiliaries and adverbs skipped: "has long been wary").
  const s0 = skipLeftModifiers(ctx, j - 1, a);
  const np = npLeft(ctx, s0, a);
  if (!np || !subjectOk(ctx, np, "stance")) return null;
  return {
    kind: kindOf(ctx, content),
    sourceTok: np,
    source: span(ctx, np[0], np[1]),
    cue: span(ctx, j, cueEnd),
    cueLemma: lower[i]!,
    cueClass: "stance",
    cueStance: entry.stance,
    content: [content],
    rule: "indirect.stance-adjective",
    evidence: [`stance adjective: ${lower[i]} after “${tokens[j]!.value}”`],
  };
}

const WH_OPENERS = new Set(["how", "why", "what", "whether", "when", "where", "who", "if"]);
/** A finite clause starts at k ("know [he was there]", "know [how it ends]"), not a noun object ("know the area"). */
function clauseFollows(ctx: AttributionContext, k: number, b: number): boolean {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (k > b) return false;
  if (WH_OPENERS.has(lower[k]!)) return true;
  const t = tokens[k]!;
  if (!(t.pos === "PRON" || t.pos === "DET" || t.pos === "PROPN" || t.pos === "NOUN")) return false;
  if (t.pos === "PRON" && !PERSONAL.has(lower[k]!) && lower[k] !== "there") return false;
  for (let m = k + 1; m <= Math.min(b, k + 6); m++) {
    const u = tokens[m]!;
    if (u.pos === "AUX" || (u.pos === "VERB" && !/ing$/.test(lower[m]!))) return true;
    if (u.pos === "PUNCT" || u.pos === "ADP" || u.pos === "SCONJ" || (lower[m] === "to")) return false;
    // "a veto and attempted …": a verb after a conjunction opens a second predicate, not this phrase's clause.
    if (u.pos === "CCONJ" && m + 1 <= b && (tokens[m + 1]!.pos === "VERB" || tokens[m + 1]!.pos === "AUX")) return false;
  }
  return false;
}

/** A crude verb lemma for a mis-tagged word, kept only when the cue lexicon knows it. */
function guessVerbLemma(w: string): string | null {
  const cands: string[] = [];
  if (w.endsWith("ing")) cands.push(w.slice(0, -3), w.slice(0, -3) + "e", w.slice(0, -4));
  else if (w.endsWith("ies")) cands.push(w.slice(0, -3) + "y");
  else if (w.endsWith("es")) cands.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith("s")) cands.push(w.slice(0, -1));
  else if (w.endsWith("ed")) cands.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  for (const c of cands) if (c.length > 2 && lookupCue(c)) return c;
  return null;
}

function verbCue(ctx: AttributionContext, i: number, a: number, b: number, sentenceAtts: RawAttribution[], lemmaOverride?: string): RawAttribution | null {
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

const TIME_UNITS = new Set(["week", "weeks", "month", "months", "year", "years", "weekend", "morning", "afternoon", "evening", "night", "day", "days"]);
const TIME_LEADS = new Set(["on", "this", "last", "next", "earlier", "in", "late", "early", "over", "during"]);
/** The token before a time phrase ("on Friday", "this month", "last week", "in 2014") or a comma-enclosed adverb (", however,") ending at j; j when there is none. */
function skipTimeGap(ctx: AttributionContext, j: number, a: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (j - 2 >= a && lower[j] === "," && tokens[j - 1]!.pos === "ADV" && lower[j - 2] === ",") return j - 3;
  let k = j;
  let timeSeen = false;
  while (k >= a && j - k < 5) {
    const lw = lower[k]!;
    if (DAY_WORDS.has(lw) || MONTHS.has(lw) || TIME_UNITS.has(lw) || (tokens[k]!.pos === "NUM" && /^(1[89]|20)\d\d$/.test(lw))) timeSeen = true;
    else if (!(tokens[k]!.pos === "NUM" || lw === "the" || lw === "past" || lw === "late" || lw === "early" || TIME_LEADS.has(lw))) break;
    k--;
  }
  if (!timeSeen || k === j) return j;
  // The phrase opens with a preposition or a determiner of time ("on", "this", "last"), not with a bare noun.
  const first = lower[k + 1]!;
  if (!TIME_LEADS.has(first)) return j;
  return k;
}

/** A subject whose head noun is followed by a participle phrase ending at j ("the poll released Friday", "data taken from the census"). */
function postModifiedSubject(ctx: AttributionContext, j: number, a: number, cls: CueClass): [number, number] | null {
  const tokens = ctx.tok.tokens;
  for (let m = j; m >= a && j - m < 10; m--) {
    const t = tokens[m]!;
    if (t.pos === "PUNCT" || t.pos === "AUX" || RELATIVE.has(ctx.lower[m]!) || isQuoteMark(t.value)) return null;
    if (t.pos !== "VERB") continue;
    const lw = ctx.lower[m]!;
    // A past participle after a poll, report or study ("released", "taken", "conducted"), or a present one after any agent ("representing").
    const past = /(ed|en|wn)$/.test(lw);
    const present = /ing$/.test(lw);
    if ((!past && !present) || m - 1 < a) return null;
    const h = tokens[m - 1]!;
    if (h.pos !== "NOUN") return null;
    const head = ctx.lower[m - 1]!;
    const hl = h.lemma.toLowerCase();
    if (past ? !(EVIDENCE_NOUNS.has(head) || EVIDENCE_NOUNS.has(hl)) : !(AGENT_NOUNS.has(head) || AGENT_NOUNS.has(hl) || EVIDENCE_NOUNS.has(head))) return null;
    const np = npLeft(ctx, m - 1, a, false);
    if (!np || !subjectOk(ctx, np, cls)) return null;
    return [np[0], j];
  }
  return null;
}

const PARTICLE_WORDS = new Set(["out", "up", "down", "away", "though", "anyway", "back"]);
const ADVERBIAL_OPENERS = new Set(["at", "before", "during", "because", "from", "as", "while"]);

/** "Citing a report, the mayor said …": the participle's object up to the comma is the content, the subject after the comma the source. */
function frontedParticiple(ctx: AttributionContext, k: number, b: number, base: Omit<RawAttribution, "kind" | "sourceTok" | "source" | "content" | "rule">): RawAttribution | null {
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

/** The first comma outside quotation marks from token k up to b and before token `until`; -1 when a ";", "." or ":" comes first. */
function firstCommaOutsideQuotes(ctx: AttributionContext, k: number, b: number, until: number): number {
  const tokens = ctx.tok.tokens;
  let inQuoteUntil = -1;
  for (let m = k; m <= b && m < until; m++) {
    const t = tokens[m]!;
    if (t.start < inQuoteUntil) continue;
    const q = ctx.quotes.byStart.get(t.start);
    if (q) {
      inQuoteUntil = q.end;
      continue;
    }
    if (t.value === ";" || t.value === "." || t.value === ":") return -1;
    if (t.value === ",") return m;
  }
  return -1;
}

const FACE_VERBS = new Set(["face", "draw", "receive", "attract", "come", "take", "earn", "prompt", "spark"]);
const CRITICISM_NOUNS = new Set(["criticism", "criticisms", "question", "questions", "scrutiny", "calls", "pressure", "accusations", "allegations", "charges", "complaints", "fire", "backlash", "heat", "ridicule", "condemnation", "outrage", "protests", "praise", "skepticism", "scepticism"]);

/** "has faced questions about …", "came under withering criticism for …", "took heat for …": an evaluation with no named source; the complement is the content. */
function facedCriticism(ctx: AttributionContext, i: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let m = i + 1;
  if (tokens[i]!.lemma.toLowerCase() === "come") {
    if (lower[m] !== "under") return null;
    m++;
  }
  while (m <= b && m < i + 5 && (tokens[m]!.pos === "ADJ" || tokens[m]!.pos === "ADV" || (tokens[m]!.pos === "VERB" && /ing$/.test(lower[m]!)) || lower[m] === "a" || lower[m] === "some" || lower[m] === "new" || lower[m] === "much")) m++;
  if (m + 1 > b || !CRITICISM_NOUNS.has(lower[m]!)) return null;
  const p = lower[m + 1]!;
  if (!(p === "for" || p === "about" || p === "over" || p === "from")) return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  // "… criticism from the union for …": the critics are named; leave that to the other rules.
  if (p === "from") return null;
  const c = contentAfter(ctx, m + 2, b);
  if (!c) return null;
  return {
    kind: "unnamed",
    sourceTok: null,
    source: null,
    cue: span(ctx, i, m + 1),
    cueLemma: lower[m]!,
    cueClass: "unnamed",
    cueStance: lower[m] === "praise" ? "endorsing" : "accusation",
    content: [c],
    rule: "unnamed.faced-criticism",
    evidence: [`criticism faced: ${tokens[i]!.lemma.toLowerCase()} … ${lower[m]}`],
  };
}

const POLL_NOUNS = new Set(["poll", "polls", "survey", "surveys", "study", "studies", "census", "tally", "count", "forecast", "projection", "model"]);
/** "In the latest Ostend poll, Vane leads by four points": a poll, survey or study opening the sentence is the source of the clause after its comma. */
function inEvidence(ctx: AttributionContext, i: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  let m = i + 1;
  let head = -1;
  while (m <= b && m < i + 14 && tokens[m]!.value !== ",") {
    if (POLL_NOUNS.has(lower[m]!) && tokens[m]!.pos === "NOUN") head = m;
    if (tokens[m]!.pos === "PUNCT" && tokens[m]!.value !== "/" && tokens[m]!.value !== "-" && tokens[m]!.value !== ".") return null;
    m++;
  }
  if (head < 0 || m > b || tokens[m]!.value !== "," || m + 1 > b) return null;
  const srcEnd = m - 1;
  // "In the May poll, conducted by phone, …": a participle phrase after the poll is part of its description.
  if (tokens[m + 1]!.pos === "VERB" && /ed$/.test(lower[m + 1]!)) {
    let n = m + 2;
    while (n <= b && n < m + 14 && tokens[n]!.value !== ",") n++;
    if (n <= b && tokens[n]!.value === ",") m = n;
  }
  if (m + 1 > b || !clauseFollows(ctx, m + 1, b)) return null;
  const c = contentAfter(ctx, m + 1, b);
  if (!c) return null;
  return {
    kind: "according_to",
    sourceTok: [i + 1, srcEnd],
    source: span(ctx, i + 1, srcEnd),
    cue: span(ctx, i, i),
    cueLemma: "in",
    cueClass: "evidence",
    cueStance: "neutral",
    content: [c],
    rule: "indirect.in-evidence",
    evidence: ["a poll or study opening the sentence with “in”"],
  };
}

const ASKED_NEXT = new Set(["about", "whether", "if", "how", "why", "what", "when", "who", "to", "for"]);

/** "Asked about the levy, …", "Asked whether she would run, …": the question up to the comma is the content; no source. */
function askedFront(ctx: AttributionContext, i: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const m = firstCommaOutsideQuotes(ctx, i + 2, b, i + 40);
  if (m < 0) return null;
  const k = ctx.lower[i + 1] === "about" || ctx.lower[i + 1] === "for" ? i + 2 : i + 1;
  const c = trimSpan(ctx.text, tokens[k]!.start, tokens[m - 1]!.end);
  if (!c) return null;
  return { kind: "unnamed", sourceTok: null, source: null, cue: span(ctx, i, k - 1), cueLemma: "ask", cueClass: "unnamed", cueStance: "neutral", content: [c], rule: "unnamed.asked", evidence: ["a question put, opening the sentence"] };
}

/** A finite verb among tokens a..e (not a participle, not an infinitive; a sentence-opening "Asked about …" is a participle). */
function hasFiniteVerb(ctx: AttributionContext, a: number, e: number): boolean {
  const tokens = ctx.tok.tokens;
  for (let m = a; m <= e; m++) {
    if (m === a && ctx.lower[m] === "asked") continue;
    const t = tokens[m]!;
    if (t.pos === "AUX") return true;
    if (t.pos === "VERB" && !/ing$/.test(ctx.lower[m]!) && ctx.lower[m - 1] !== "to") return true;
  }
  return false;
}

/** The subject of the sentence: the source of an earlier attribution in it, or its first name or pronoun. */
function sentenceSubject(ctx: AttributionContext, a: number, j: number, sentenceAtts: RawAttribution[]): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const prior = sentenceAtts.find((x) => x.sourceTok);
  if (prior?.sourceTok) return prior.sourceTok;
  let m = a;
  while (m < j && tokens[m]!.pos !== "VERB" && tokens[m]!.pos !== "AUX") m++;
  const np = m > a ? npLeft(ctx, skipLeftModifiers(ctx, m - 1, a), a) : null;
  return np && subjectOk(ctx, np, "stance") ? np : null;
}

function isCommaLike(v: string): boolean {
  return v === "," || ((v === "--" || v === "—" || v === "–"));
}

function hasName(ctx: AttributionContext, np: [number, number]): boolean {
  for (let k = np[0]; k <= np[1]; k++) if (ctx.tok.tokens[k]!.pos === "PROPN") return true;
  return false;
}

/** "Scott Pruitt, the attorney general of Oklahoma, said": a name followed by comma-separated appositives. */
function appositiveSource(ctx: AttributionContext, j: number, a: number): [number, number] | null {
  const tokens = ctx.tok.tokens;
  let cur = j;
  let best: [number, number] | null = null;
  for (let step = 0; step < 3; step++) {
    let k = cur - 1;
    // (An apostrophe after a plural, "veterans' families", is a possessive, not a quote mark.)
    while (k >= a && cur - k <= 30 && !isCommaLike(tokens[k]!.value) && !isQuoteMark(tokens[k]!.value) && (tokens[k]!.value !== "'" || (k > a && /s$/i.test(tokens[k - 1]!.value) && tokens[k - 1]!.end === tokens[k]!.start))) k--;
    if (k < a || !isCommaLike(tokens[k]!.value)) {
      const np0 = npLeft(ctx, cur - 1, a, false);
      if (np0 && hasName(ctx, np0) && np0[0] === k + 1) best = [np0[0], j - 1];
      break;
    }
    const np1 = npLeft(ctx, k - 1, a, false);
    const headLw = np1 ? ctx.lower[np1[1]]! : "";
    // ", who …,": a relative "who" says the noun before it is a person, whatever the noun.
    const personRel = ctx.lower[k + 1] === "who" && tokens[np1?.[1] ?? k]!.pos === "NOUN";
    if (!np1 || !(hasName(ctx, np1) || hasName(ctx, [k + 1, cur - 1]) || AGENT_NOUNS.has(headLw) || EVIDENCE_NOUNS.has(headLw) || personRel)) break;
    best = [np1[0], j - 1];
    if (np1[0] - 1 >= a && isCommaLike(tokens[np1[0] - 1]!.value)) cur = np1[0] - 1;
    else break;
  }
  return best;
}

/** True when token j (just before the speaker or verb) closes the content: a comma or closing quote. */
function isBoundaryBefore(ctx: AttributionContext, j: number): boolean {
  const v = ctx.tok.tokens[j]!.value;
  if (v === ",") return true;
  return ctx.quotes.byEnd.has(ctx.tok.tokens[j]!.end);
}

/** After a post-position speaker/verb, the clause must end (or continue with a comma). */
function endsClause(ctx: AttributionContext, k: number, b: number, lemma = "say"): boolean {
  if (k > b) return true;
  const v = ctx.tok.tokens[k]!.value;
  if (v === "," || v === "." || v === "!" || v === "?" || v === ";" || v === "(" || isQuoteMark(v) || v === "'" || v === "—" || v === "–") return true;
  // "she said Monday." "he said in a statement."
  if (ctx.tok.tokens[k]!.pos === "ADP" && ctx.lower[k] !== "that" && SAY_LIKE.has(lemma) && ctx.lower[k] !== "of" && ctx.lower[k] !== "about") return true;
  let m = k;
  while (m <= b && m < k + 8) {
    const vv = ctx.tok.tokens[m]!.value;
    if (vv === "," || vv === "." || vv === ";") return true;
    if (ctx.tok.tokens[m]!.pos === "VERB" || ctx.lower[m] === "that" || (ctx.tok.tokens[m]!.pos === "AUX")) return false;
    m++;
  }
  return m > b;
}

/** Content before a post-position attribution: a quotation ending at the boundary, or the clause from the sentence start. */
function contentBefore(ctx: AttributionContext, j: number, a: number): Span | null {
  const tokens = ctx.tok.tokens;
  const text = ctx.text;
  const t = tokens[j]!;
  let qEnd = -1;
  if (ctx.quotes.byEnd.has(t.end)) qEnd = t.end;
  else if (t.value === "," && j - 1 >= 0 && ctx.quotes.byEnd.has(tokens[j - 1]!.end)) qEnd = tokens[j - 1]!.end;
  if (qEnd >= 0) {
    const q = ctx.quotes.byEnd.get(qEnd)!;
    // A lead-in before the quotation in the same sentence belongs to the content ("With X, “…,” he said").
    const sentStartPos = tokens[a]!.start;
    if (sentStartPos < q.start && ctx.tok.paragraphs[ctx.para[a]!]!.start <= sentStartPos && !ctx.quotes.containing(sentStartPos)) {
      const lead = ctx.text.slice(sentStartPos, q.start);
      if (!/[.!?]\s*$/.test(lead) && !/[“”"]/.test(lead)) return { start: sentStartPos, end: q.end };
    }
    return { start: q.start, end: q.end };
  }
  if (j <= a) return null;
  // The clause may start inside a quotation opened in an earlier sentence.
  let start = tokens[a]!.start;
  const q = ctx.quotes.containing(tokens[j - 1]!.start);
  if (q && q.start < start) start = q.start;
  // A leading "but"/"and" belongs to the content; a leading discourse adverbial followed by a comma does too.
  return trimSpan(text, start, t.value === "," ? t.start : t.end);
}

/** After "…, he said": a second piece (", …" to the sentence end) and quotations that follow in the paragraph. */
function contentAfterPost(ctx: AttributionContext, k: number, b: number, quotesOnly = false): Span[] {
  const tokens = ctx.tok.tokens;
  const out: Span[] = [];
  if (quotesOnly) {
    // After a quotation and its speaker only quotations continue: "…,” she said, looking up, “but …”.
    let quoteEnd = -1;
    for (let m = k; m <= b; m++) {
      const t = tokens[m]!;
      if (t.start < quoteEnd) continue;
      const q = ctx.quotes.byStart.get(t.start);
      if (q && m > k && (tokens[m - 1]!.value === "," || tokens[m - 1]!.value === "." || tokens[m - 1]!.value === "—")) {
        out.push({ start: q.start, end: q.end });
        quoteEnd = q.end;
      } else if (q) quoteEnd = q.end;
    }
  }
  let m = quotesOnly ? b + 1 : k;
  while (m <= b && tokens[m]!.value !== "," && tokens[m]!.value !== "." && tokens[m]!.value !== ";") m++;
  if (m <= b && tokens[m]!.value === "," && m + 1 <= b) {
    const first = tokens[m + 1]!;
    const lw = ctx.lower[m + 1]!;
    let isIng = /ing$/.test(lw) && first.pos === "VERB";
    // "he said, replacing Clinton would be …": a gerund subject followed by its verb is a clause.
    if (isIng) for (let n = m + 2; n <= b; n++) if (tokens[n]!.pos === "AUX" || (tokens[n]!.pos === "VERB" && !/ing$/.test(ctx.lower[n]!))) { isIng = false; break; }
    let clause = startsWithQuote(ctx.text, first.start);
    for (let n = m + 1; n <= b && !clause; n++) if (tokens[n]!.pos === "VERB" || tokens[n]!.pos === "AUX") clause = true;
    if (clause && !isIng && !PARTICIPLE_STOP.has(lw) && first.pos !== "ADP" && b - m >= 3) {
      const c = contentAfter(ctx, m + 1, b);
      if (c) out.push(c);
    }
  }
  // Quotations in the next sentences of the same paragraph continue the speaker's words.
  const last = out.length ? out[out.length - 1]!.end : tokens[b]!.end;
  let pos = last;
  const para = ctx.para[b]!;
  const paraEnd = ctx.tok.paragraphs[para]!.end;
  for (let n = 0; n < 4; n++) {
    let p = pos;
    while (p < paraEnd && /[\s.,]/.test(ctx.text[p]!)) p++;
    const q = ctx.quotes.byStart.get(p);
    if (!q || q.end > paraEnd) break;
    out.push({ start: q.start, end: q.end });
    pos = q.end;
  }
  return out;
}

/** Content after a cue: skips objects of "tell", time phrases and "in a statement", then runs to the sentence end. */
function contentAfterCue(ctx: AttributionContext, k: number, b: number, lemma: string, cls: CueClass): Span | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (k > b) return null;
  if (OBJECT_CUES.has(lemma)) {
    if (PRON_OBJECTS.has(lower[k]!) && lemma !== "warn" && lemma !== "ask") k++;
    else if (lemma === "tell" || lemma === "inform" || lemma === "brief" || lemma === "assure" || lemma === "remind") {
      const np = npRight(ctx, k, b);
      if (np) k = np[1] + 1;
      if (k <= b && tokens[k]!.pos === "ADP" && lower[k] !== "that") {
        for (let m = k + 1; m <= Math.min(b, k + 7); m++)
          if (lower[m] === "to" || lower[m] === "that") { k = m; break; }
      }
    }
  }
  if (cls === "speech") {
    // "said during a rally in Michigan that …": start at "that" if it comes soon, with no verb before it.
    for (let m = k; m <= Math.min(b, k + 14); m++) {
      if (lower[m] === "that" && m > k && !ctx.quotes.containing(tokens[m]!.start)) { k = m; break; }
      if (tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX" || (m === k && (isQuoteMark(tokens[m]!.value) || tokens[m]!.value === "'"))) break;
    }
    while (k <= b && (TIME_WORDS.has(lower[k]!) || (tokens[k]!.pos === "PROPN" && TIME_WORDS.has(lower[k]!)))) k++;
    if (k <= b && (lower[k] === "in" || lower[k] === "via" || lower[k] === "during" || lower[k] === "on" || lower[k] === "at" || lower[k] === "through") ) {
      // skip a short prepositional phrase ending in a comma
      for (let m = k + 1; m <= Math.min(b, k + 8); m++) {
        if (lower[m] === ",") { k = m + 1; break; }
        if (tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX") break;
      }
    }
  }
  // "weighed in Friday about …": a day after any cue is a time phrase.
  if (cls !== "speech") while (k <= b && DAY_WORDS.has(lower[k]!) && k < b) k++;
  // "expressed misgivings about X", "voiced support for X": a light verb and a stance noun; the content follows the preposition.
  if (LIGHT_VERBS.has(lemma)) {
    let m = k;
    while (m <= b && m < k + 3 && (tokens[m]!.pos === "ADJ" || tokens[m]!.pos === "ADV" || (tokens[m]!.pos === "DET" && m === k))) m++;
    if (m + 2 <= b && tokens[m]!.pos === "NOUN" && STANCE_NOUNS.has(tokens[m]!.lemma.toLowerCase()) && LIGHT_PREPS.has(lower[m + 1]!)) k = m + 2;
  }
  while (k <= b && (lower[k] === "," || lower[k] === "—")) k++;
  if (k > b) return null;
  if (!OBJECT_CUES.has(lemma)) {
    const e = nounObjectEnd(ctx, k, b);
    if (e >= k) return trimSpan(ctx.text, tokens[k]!.start, tokens[e]!.end);
  }
  return contentAfter(ctx, k, b);
}

const LIGHT_VERBS = new Set(["express", "voice", "raise", "air", "share", "signal", "register", "reiterate"]);
const LIGHT_PREPS = new Set(["about", "over", "of", "for", "to", "with", "regarding", "toward", "towards", "at", "on"]);
const STANCE_NOUNS = new Set(
  ("concern misgiving doubt support opposition frustration anger skepticism scepticism question reservation outrage hope fear worry " +
    "disappointment dismay displeasure dissatisfaction satisfaction optimism pessimism confidence interest enthusiasm alarm objection " +
    "disagreement agreement approval disapproval regret sympathy solidarity gratitude appreciation admiration criticism praise").split(" "),
);
const OBJ_PRON = new Set(["him", "her", "them", "it", "us", "me", "his", "their", "its", "our", "my", "this", "these", "those", "that", "one", "something", "nothing", "anything", "everything"]);
const CLAUSE_OPENERS = new Set(["that", "to", "if", "whether", "how", "why", "what", "who", "when", "where", "which", "whom"]);
const CUT_PREPS = new Set(["during", "since", "amid", "despite", "because", "while", "when", "via", "throughout", "last", "earlier", "later"]);
const DAY_WORDS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend"]);
const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);
const EVENT_PREPS = new Set(["in", "on", "at", "after", "before", "with", "following"]);
const OCCASION_NOUNS = new Set(["forum", "summit", "news", "press", "campaign", "stop", "session", "remarks", "tweets", "posts", "ad", "ads", "op-ed", "column", "editorial", "radio", "television", "tv", "twitter", "facebook", "cnn", "fox", "msnbc", "nbc", "abc", "cbs", "town", "hall", "visit", "trip", "testimony", "hearings", "appearance", "book", "memoir", "essay", "article", "report", "tuesday", "wednesday"]);

/** A cue whose complement is a noun phrase ("attacked her opponent as a fraud in a debate"): the content is the
 * phrase (with an "as"/"of" complement), not the adverbials after it. Returns its last token, or -1 for a clause. */
function nounObjectEnd(ctx: AttributionContext, k: number, b: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (CLAUSE_OPENERS.has(lower[k]!) || isQuoteMark(tokens[k]!.value) || tokens[k]!.value === "'") return -1;
  let m = k;
  let head = -1;
  let asUsed = false;
  const limit = Math.min(b, k + 40);
  while (m <= limit) {
    const t = tokens[m]!;
    const lw = lower[m]!;
    const q = ctx.quotes.byStart.get(t.start);
    if (q && m > k) {
      // a quoted name or phrase inside the object
      let e = m;
      while (e + 1 <= b && tokens[e + 1]!.start < q.end) e++;
      if (e + 1 > b && tokens[e]!.end < q.end) return -1;
      head = e;
      m = e + 1;
      continue;
    }
    const pos = t.pos;
    if (pos === "NOUN" || pos === "PROPN" || pos === "NUM" || (pos === "PRON" && OBJ_PRON.has(lw) && m === k) || (asUsed && pos === "ADJ")) head = m;
    else if (pos === "DET" || pos === "ADJ" || (pos === "PRON" && OBJ_PRON.has(lw)) || (pos === "PART" && (lw === "’s" || lw === "'s" || lw === "’")) || pos === "SYM") {
      // inside the phrase
    } else if (pos === "ADV" && lw !== "as" && m + 1 <= limit && tokens[m + 1]!.pos === "ADJ") {
      // "deeply flawed"
    } else if ((lw === "of" || lw === "-") && head >= 0 && m + 1 <= limit) {
      // "a series of tweets"
    } else if ((lw === "and" || lw === "or") && head >= 0 && m + 1 <= limit && ["DET", "NOUN", "PROPN", "ADJ", "NUM"].includes(tokens[m + 1]!.pos) && !(m + 2 <= b && (tokens[m + 2]!.pos === "VERB" || tokens[m + 2]!.pos === "AUX"))) {
      // "taxes and jobs"
    } else if (lw === "as" && head >= 0 && !asUsed && m + 1 <= limit && tokens[m + 1]!.pos !== "VERB" && tokens[m + 1]!.pos !== "AUX" && tokens[m + 1]!.pos !== "SCONJ" && tokens[m + 1]!.pos !== "PRON") {
      asUsed = true;
    } else break;
    m++;
  }
  if (head < 0) return -1;
  if (m > b) return -1;
  // "encouraged his supporters at a rally to vote": an object followed by its infinitive is not cut.
  for (let n = m; n <= Math.min(b, m + 12); n++) {
    if (lower[n] === "to" && n + 1 <= b && tokens[n + 1]!.pos === "VERB") return -1;
    if (tokens[n]!.pos === "PUNCT" && tokens[n]!.value !== "-") break;
  }
  if (m > limit) return -1;
  const lw = lower[m]!;
  const t = tokens[m]!;
  if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "PART") return -1;
  if ((CUT_PREPS.has(lw) && t.value === lw) || DAY_WORDS.has(lw) || t.value === "—" || t.value === "(" || t.value === "--") return head;
  if (EVENT_PREPS.has(lw)) {
    // "in a statement", "at a rally on Monday": an occasion, not part of the object.
    for (let n = m + 1; n <= Math.min(b, m + 6); n++) {
      const ln = lower[n]!;
      if (EVENT_NOUNS.has(ln) || DAY_WORDS.has(ln) || OCCASION_NOUNS.has(ln)) return head;
      if (tokens[n]!.pos === "VERB" || tokens[n]!.pos === "ADP" || tokens[n]!.pos === "PUNCT") break;
    }
  }
  if (lw === "," && m + 1 <= b) {
    const n = tokens[m + 1]!;
    if (n.pos === "SCONJ" || lower[m + 1] === "but" || lower[m + 1] === "while" || (n.pos === "ADV" && lower[m + 1] !== "including")) return head;
  }
  return -1;
}

function colonIntro(
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

function kindOf(ctx: AttributionContext, content: Span): AttributionKind {
  // Mixed: paraphrase holding a quoted fragment.
  const s = ctx.text.slice(content.start, content.end);
  if (/[“”"«»]|''/.test(s)) return startsWithQuote(s, 0) && endsWithQuote(s, s.length) ? "direct" : "mixed";
  return "indirect";
}

function accordingTo(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  // "according to exit polls", "according to show insiders": a noun the tagger reads as a verb opens the phrase.
  const np = npRight(ctx, i + 2, b, true);
  if (!np) return null;
  const cue = span(ctx, i, i + 1);
  const base = { cue, cueLemma: "according to", cueClass: "according" as const, cueStance: "neutral" as CueStance, evidence: ["cue: according to"] };
  const source = span(ctx, np[0], np[1]);
  // Initial: "According to X, content."
  let lead = i - 1;
  while (lead >= a && (tokens[lead]!.pos === "CCONJ" || tokens[lead]!.pos === "ADV" || isQuoteMark(tokens[lead]!.value))) lead--;
  if (lead < a) {
    let m = np[1] + 1;
    while (m <= b && tokens[m]!.value !== ",") m++;
    const c = m < b ? contentAfter(ctx, m + 1, b) : null;
    if (!c) return null;
    return { ...base, kind: "according_to", sourceTok: np, source, content: [c], rule: "according-to.pre" };
  }
  if (tokens[i - 1]!.value !== "," && !isQuoteMark(tokens[i - 1]!.value)) {
    // "… rose, according to X" without a comma is still post-position
  }
  const before = contentBefore(ctx, tokens[i - 1]!.value === "," || isQuoteMark(tokens[i - 1]!.value) ? i - 1 : i, a);
  if (!before) return null;
  const rest = contentAfterPost(ctx, np[1] + 1, b).filter((x) => !isQuoteMark(ctx.text[x.start]));
  return { ...base, kind: "according_to", sourceTok: np, source, content: [before, ...rest], rule: "according-to.post" };
}

function unnamedAdverb(ctx: AttributionContext, i: number, a: number, b: number): RawAttribution | null {
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

function unnamedPassive(ctx: AttributionContext, i: number, a: number, b: number, lemma: string): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  // An agent ("was reported by X") makes it a named attribution; leave that to other rules.
  if (lower[i + 1] === "by") return null;
  let j = i - 1;
  while (j >= a && tokens[j]!.pos === "ADV") j--;
  const auxTok = j;
  const cue = span(ctx, Math.max(a, auxTok), i);
  const base = { sourceTok: null, source: null, cue, cueLemma: lemma, cueClass: "unnamed" as const, cueStance: (lemma === "allege" || lemma === "claim" ? "distancing" : "neutral") as CueStance, evidence: [`passive: ${lemma} without agent`] };
  if (lower[i + 1] === "to" && i + 2 <= b) {
    const c = contentAfter(ctx, i + 1, b);
    if (!c) return null;
    // "Hundreds of fish are said to have died": the subject is part of what is reported.
    const subj = auxTok - 1 >= a ? npLeft(ctx, auxTok - 1, a, false) : null;
    const content = subj && !PERSONAL.has(lower[subj[0]]!) ? { start: tokens[subj[0]]!.start, end: c.end } : c;
    return { ...base, kind: "unnamed", content: [content], rule: "unnamed.passive" };
  }
  if (lower[i + 1] === "that" && auxTok - 1 >= a && lower[auxTok - 1] === "it") {
    const c = contentAfter(ctx, i + 1, b);
    if (!c) return null;
    return { ...base, kind: "unnamed", content: [c], rule: "unnamed.it-is-said" };
  }
  return null;
}

const PASSIVE_EVAL = new Set(["accuse", "blame", "criticize", "criticise", "mention", "rate", "dub", "call", "describe", "label", "brand", "praise", "charge", "condemn", "question", "credit", "deride", "mock", "hail", "fault", "portray", "characterize", "characterise", "view", "regard", "see", "tout"]);

/** An agentless passive of an evaluative cue ("Peacekeepers have been accused of …", "the rule is seen as …"): no source; the subject and the complement are the content. */
function passiveEval(ctx: AttributionContext, i: number, a: number, b: number, lemma: string): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (ctx.quotes.containing(tokens[i]!.start) || i + 1 > b) return null;
  const nx = lower[i + 1]!;
  const np1 = tokens[i + 1]!.pos;
  if (!(nx === "of" || nx === "for" || nx === "as" || nx === "with" || np1 === "DET" || np1 === "ADJ" || np1 === "NOUN" || isQuoteMark(tokens[i + 1]!.value))) return null;
  let j = i - 1;
  while (j >= a && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "AUX" || lower[j] === "not")) j--;
  if (j < a) return null;
  const subj = RELATIVE.has(lower[j]!) || PERSONAL.has(lower[j]!) ? ([j, j] as [number, number]) : npLeft(ctx, j, a, false);
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

/** "The plan was endorsed by the union", "The story was first reported by the Ledger": the agent is the source, the subject the content. */
function passiveAgent(ctx: AttributionContext, i: number, a: number, b: number, lemma: string): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  const found = lookupCue(lemma);
  if (!found || found.entry.class === "evidence") return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  const np = npRight(ctx, i + 2, b);
  if (!np || !subjectOk(ctx, np, "stance")) return null;
  let j = i - 1;
  while (j >= a && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "AUX" || lower[j] === "not" || lower[j] === "’s" || lower[j] === "'s")) j--;
  if (j < a) return null;
  const subj = RELATIVE.has(lower[j]!) ? ([j, j] as [number, number]) : npLeft(ctx, j, a, false);
  if (!subj || PERSONAL.has(lower[subj[0]]!)) return null;
  let s0 = subj[0];
  // a quotation title as the subject ("“Old Roads” was written by …")
  const q = ctx.quotes.byEnd.get(tokens[subj[1]]!.end) ?? ctx.quotes.containing(tokens[subj[1]]!.start);
  if (q && q.start < tokens[s0]!.start) s0 = tokenAt(tokens, q.start);
  if (s0 < 0) return null;
  const auxStart = j + 1;
  return {
    kind: "indirect",
    sourceTok: np,
    source: span(ctx, np[0], np[1]),
    cue: span(ctx, auxStart, i + 1),
    cueLemma: lemma,
    cueClass: found.entry.class,
    cueStance: found.entry.stance,
    content: [{ start: tokens[s0]!.start, end: tokens[subj[1]]!.end }],
    rule: "indirect.passive-agent",
    evidence: [`passive cue: ${lemma} by an agent`],
  };
}

/** "X seems to …", "X seems unlikely", "it appears that …": an impression with no source; the subject and the complement are the content. */
function seemCue(ctx: AttributionContext, i: number, a: number, b: number, lemma: string): RawAttribution | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (i + 1 > b) return null;
  const nx = lower[i + 1]!;
  const np = tokens[i + 1]!.pos;
  // "appear" also means "show up": only its "to"/"that" readings count.
  const ok = nx === "to" || nx === "that" || (lemma === "seem" && (np === "ADJ" || (np === "ADV" && tokens[i + 2]?.pos === "ADJ") || nx === "like"));
  if (!ok) return null;
  if (ctx.quotes.containing(tokens[i]!.start)) return null;
  let j = i - 1;
  while (j >= a && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "AUX" || lower[j] === "not" || lower[j] === "also")) j--;
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
  };
}

/** "NAME: words" at a paragraph start (transcripts, headline credits). */
function speakerLabels(ctx: AttributionContext, out: RawAttribution[]): void {
  const { text, tok } = ctx;
  const tokens = tok.tokens;
  let ti = 0;
  for (const para of tok.paragraphs) {
    while (ti < tokens.length && tokens[ti]!.start < para.start) ti++;
    let k = ti;
    while (k < tokens.length && (isQuoteMark(tokens[k]!.value) || tokens[k]!.value === "'") && tokens[k]!.start < para.start + 2) k++;
    const first = k;
    let ok = true;
    while (k < tokens.length && tokens[k]!.end <= para.end && k < first + 5 && tokens[k]!.value !== ":") {
      const v = tokens[k]!.value;
      if (!/^[\p{Lu}\d]/u.test(v) && v !== "." && v !== "-" && v !== "’s" && v !== "'s") { ok = false; break; }
      k++;
    }
    if (!ok || k === first || k >= tokens.length || tokens[k]!.value !== ":" || tokens[k]!.end > para.end) continue;
    // "Correction:", "Update:", "The Latest:": editorial labels, not speakers.
    if (NOT_SPEAKER_LABELS.has(text.slice(tokens[first]!.start, tokens[k - 1]!.end).toLowerCase())) continue;
    // "Said Ellis: “…”", "Added the mayor: …": an inverted speech verb is the cue, the words after it the speaker.
    const verb = k - first >= 2 && k - first <= 4 ? lookupCue(tokens[first]!.lemma.toLowerCase()) : undefined;
    const inverted = !!verb && verb.entry.class === "speech" && /^(said|says|added|adds|asked|asks|wrote|writes|replied|replies|explained|explains|recalled|recalls|noted|notes)$/.test(ctx.lower[first]!);
    // "The Gap Goes On:", "Stealth Over Health:": a section title of three or more words with a verb, article or preposition is no speaker.
    if (!inverted && k - first >= 3) {
      let fn = false;
      for (let m = first; m < k; m++) if (tokens[m]!.pos === "DET" || tokens[m]!.pos === "ADP" || tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX") fn = true;
      if (fn) continue;
    }
    const c = trimSpan(text, tokens[k]!.end, para.end);
    if (!c) continue;
    if (text.slice(c.start, c.end).split(/\s+/).length < 3) continue;
    let end = c.end;
    if (endsWithQuote(text, end) && !ctx.quotes.byEnd.has(end)) end -= text[end - 1] === "'" ? 2 : 1;
    const content = trimSpan(text, c.start, end) ?? c;
    out.push({
      kind: /[“”"]/.test(text.slice(content.start, content.end)) ? "mixed" : "direct",
      sourceTok: [inverted ? first + 1 : first, k - 1],
      source: span(ctx, inverted ? first + 1 : first, k - 1),
      cue: inverted ? span(ctx, first, first) : span(ctx, k, k),
      cueLemma: inverted ? verb!.entry.cue : ":",
      cueClass: inverted ? "speech" : "punct",
      cueStance: inverted ? verb!.entry.stance : "neutral",
      content: [content],
      rule: "quote.speaker-label",
      evidence: [inverted ? `inverted speech verb “${tokens[first]!.value}” before the speaker and a colon` : "speaker label before a colon"],
    });
  }
}

const HEADLINE_VERBS = new Set(["rip", "hammer", "slam", "blast", "sum", "share", "speak", "go", "break", "corner", "see", "push", "pan", "tout", "knock", "bash", "hit", "fire", "take", "want", "back", "eye", "weigh", "rule", "vote", "duck", "accuse", "deny", "reject", "warn", "urge", "vow", "call", "say", "claim", "defend", "praise", "question", "attack", "mock", "pledge", "promise", "admit", "confirm", "reveal", "demand", "insist"]);

/** A Title Case headline opening the text: "Senator Slams Plan", "Mayor Says …" (the first paragraph only). */
function headline(ctx: AttributionContext, out: RawAttribution[]): void {
  const { tok } = ctx;
  const para = tok.paragraphs[0];
  if (!para || tok.paragraphs.length < 2) return;
  const tokens = tok.tokens;
  let e = 0;
  while (e < tokens.length && tokens[e]!.end <= para.end) e++;
  const words = tokens.slice(0, e).filter((t) => /^[\p{L}]/u.test(t.value));
  if (words.length < 3 || words.length > 18) return;
  if (words.filter((t) => /^\p{Lu}/u.test(t.value)).length / words.length < 0.7) return;
  if (out.some((x) => x.content[0]!.start < para.end)) return;
  for (let i = 1; i < e - 1; i++) {
    const v = tokens[i]!.value;
    if (!/^\p{Lu}\p{Ll}+s$/u.test(v)) continue;
    const lw = v.toLowerCase();
    const lemma = guessVerbLemma(lw) ?? (HEADLINE_VERBS.has(lw.replace(/e?s$/, "")) ? lw.replace(/e?s$/, "") : HEADLINE_VERBS.has(lw.slice(0, -1)) ? lw.slice(0, -1) : null);
    if (!lemma) continue;
    let k = i + 1;
    if (k < e && /^(Up|After|Out|On|With|Off|Down|Against)$/.test(tokens[k]!.value)) k++;
    const c = trimSpan(ctx.text, tokens[k]!.start, para.end);
    if (!c) return;
    const entry = lookupCue(lemma);
    out.push({
      kind: "indirect",
      sourceTok: [0, i - 1],
      source: span(ctx, 0, i - 1),
      cue: span(ctx, i, k - 1),
      cueLemma: lemma,
      cueClass: entry?.entry.class ?? "stance",
      cueStance: entry?.entry.stance ?? "neutral",
      content: [c],
      rule: "headline.title-case",
      evidence: [`headline verb: ${lemma}`],
    });
    return;
  }
}

/** “…” ― Name: a quotation credited with a dash. */
function dashCredits(ctx: AttributionContext, out: RawAttribution[]): void {
  const { text } = ctx;
  for (const q of ctx.quotes.quotes) {
    let p = q.end;
    while (p < text.length && (text[p] === " " || text[p] === "\t")) p++;
    if (!/[\u2015\u2014\u2013-]/.test(text[p] ?? "")) continue;
    const att = dashCredit(ctx, p, { start: q.start, end: q.end }, "dash after a quotation");
    if (att) out.push(att);
  }
  dashCreditsByMarks(ctx, out);
}

/** The name after the dash at `dash` credits `content`, or null when no short name follows. */
function dashCredit(ctx: AttributionContext, dash: number, content: Span, evidence: string): RawAttribution | null {
  const { text, tok } = ctx;
  const tokens = tok.tokens;
  let p = dash + 1;
  while (p < text.length && (text[p] === " " || text[p] === "\t" || text[p] === "\u00a0")) p++;
  const ti = tokenAt(tokens, p);
  if (ti < 0 || !isNameish(tokens[ti]!)) return null;
  let e = ti;
  while (e + 1 < tokens.length && isNameish(tokens[e + 1]!) && tokens[e + 1]!.start - tokens[e]!.end <= 1) e++;
  if (e - ti > 5) return null;
  return {
    kind: "direct",
    sourceTok: [ti, e],
    source: span(ctx, ti, e),
    cue: { start: dash, end: dash + 1 },
    cueLemma: "―",
    cueClass: "punct",
    cueStance: "neutral",
    content: [content],
    rule: "quote.dash-credit",
    evidence: [evidence],
  };
}

/** Dash credits whose quotation the pairing missed (a reversed opening mark, a nested quote): from the closing mark before
 * the dash back to the first opening mark after the previous closing one, in the same line (at most 4,000 characters back; the scan stops at any closing mark or dash, so each character is read once). */
function dashCreditsByMarks(ctx: AttributionContext, out: RawAttribution[]): void {
  const { text } = ctx;
  const used = new Set<number>();
  for (const x of out) if (x.rule === "quote.dash-credit" && x.cue) used.add(x.cue.start);
  for (let d = 0; d < text.length; d++) {
    const ch = text[d]!;
    if (ch !== "\u2015" && ch !== "\u2014") continue;
    if (used.has(d)) continue;
    let c = d - 1;
    while (c >= 0 && d - c <= 2 && (text[c] === " " || text[c] === "\u00a0")) c--;
    if (c < 0 || (text[c] !== "”" && text[c] !== '"')) continue;
    // The closing mark just before the dash is not the previous closing mark: look before it.
    let lo = -1;
    for (let k = c - 1; k >= 0 && c - k < 4000; k--) {
      const kc = text[k]!;
      if (kc === "\n" || kc === "”" || kc === "\u2015" || kc === "\u2014") {
        if (kc === "”" && (k === 0 || /\s/.test(text[k - 1]!))) lo = k;
        break;
      }
      if ((kc === "“" || kc === '"') && (k === 0 || /\s/.test(text[k - 1]!))) lo = k;
    }
    if (lo < 0) continue;
    const att = dashCredit(ctx, d, { start: lo, end: c + 1 }, "dash after a closing quote mark");
    if (att) out.push(att);
  }
}

export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.end <= pos) lo = mid + 1;
    else if (t.start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Quoted paragraphs with no cue of their own continue the quotation just before them (interviews, transcripts). */
function continuationParagraphs(ctx: AttributionContext, list: RawAttribution[]): void {
  const { tok, text } = ctx;
  const paraOf = (pos: number) => {
    let lo = 0;
    let hi = tok.paragraphs.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tok.paragraphs[mid]!.start <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  const withCue = new Set<number>();
  for (const x of list) if (x.cue) withCue.add(paraOf(x.cue.start));
  const covered = new Set<number>();
  for (const x of list) for (const c of x.content) covered.add(paraOf(c.start));
  for (const x of list) {
    if (!x.rule.startsWith("quote.")) continue;
    const last = x.content[x.content.length - 1]!;
    let p = paraOf(last.end - 1);
    if (p < 0 || tok.paragraphs[p]!.end - last.end > 2) continue;
    for (let n = 0; n < 6; n++) {
      const next = tok.paragraphs[++p];
      if (!next || withCue.has(p) || covered.has(p) || !startsWithQuote(text, next.start)) break;
      const q = ctx.quotes.byStart.get(next.start);
      let piece: Span | null;
      if (q && q.end <= next.end) piece = { start: q.start, end: q.end };
      else piece = trimSpan(text, next.start + (text[next.start] === "'" ? 2 : 1), next.end);
      if (!piece) break;
      x.content.push(piece);
      covered.add(p);
    }
  }
}

const COORD = new Set(["and", "but", "while", "whereas", "although", "though"]);

/** "X said A, and Y noted that B": the first content stops before the conjunction that opens the second report. */
function splitCoordinated(ctx: AttributionContext, list: RawAttribution[]): RawAttribution[] {
  const tokens = ctx.tok.tokens;
  const byEnd = [...list].filter((x) => x.cue).sort((p, q) => p.cue!.start - q.cue!.start);
  for (const bAtt of list) {
    if (!bAtt.sourceTok || !bAtt.cue || bAtt.cue.start < bAtt.source!.start) continue;
    let c = bAtt.sourceTok[0] - 1;
    if (c < 0 || !COORD.has(ctx.lower[c]!)) continue;
    const conjStart = tokens[c]!.start;
    if (ctx.lower[c - 1] === ",") c--;
    const cut = tokens[c]!.start;
    for (const aAtt of byEnd) {
      if (aAtt === bAtt || aAtt.cue!.start >= conjStart) continue;
      const last = aAtt.content[aAtt.content.length - 1]!;
      if (last.start < cut && last.end > conjStart && !ctx.quotes.containing(conjStart)) {
        const t = trimSpan(ctx.text, last.start, cut);
        if (t) aAtt.content[aAtt.content.length - 1] = t;
      }
    }
  }
  return list;
}

/** A stance reported inside someone's speech ("Stein said she plans to …") is part of that speech, not a second attribution. */
function dropNested(list: RawAttribution[]): RawAttribution[] {
  const speech = list.filter((x) => x.cueClass === "speech" || x.cueClass === "according");
  if (!speech.length) return list;
  const sorted = speech.map((x) => x.content).flat().sort((p, q) => p.start - q.start);
  // Merge the speech contents into disjoint intervals for a binary-searchable cover.
  const cover: Span[] = [];
  for (const c of sorted) {
    const last = cover[cover.length - 1];
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else cover.push({ start: c.start, end: c.end });
  }
  const inside = (pos: number) => {
    let lo = 0;
    let hi = cover.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cover[mid]!;
      if (pos < c.start) hi = mid - 1;
      else if (pos >= c.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  return list.filter((x) => !(x.cue && (x.cueClass === "stance" || (x.cueClass === "evidence") || (x.cueClass === "speech" && x.rule === "indirect.said-that")) && inside(x.cue.start)));
}

/** Drop exact duplicates (same content and source) and order by content start. A stance noun whose clause is already
 * another attribution's content ("says her belief that …") is part of that attribution. */
function dedupe(list: RawAttribution[]): RawAttribution[] {
  const seen = new Set<string>();
  {
    const ends = new Map<number, RawAttribution[]>();
    for (const x of list) {
      const e = x.content[x.content.length - 1]!.end;
      (ends.get(e) ?? ends.set(e, []).get(e)!).push(x);
    }
    list = list.filter((x) => x.rule !== "noun.complement" || !(ends.get(x.content[0]!.end) ?? []).some((y) => y !== x && y.rule !== "noun.complement"));
  }
  const out: RawAttribution[] = [];
  for (const x of list) {
    const key = `${x.content[0]!.start}:${x.content[x.content.length - 1]!.end}:${x.cue?.start ?? -1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x);
  }
  out.sort((p, q) => p.content[0]!.start - q.content[0]!.start || (p.cue?.start ?? 0) - (q.cue?.start ?? 0));
  return out;
}
