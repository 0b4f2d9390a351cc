// Distance markers and loaded language: hedges, boosters, scare quotes and evaluative terms, each a span
// with the lexicon entry or rule that found it. Densities are per 1,000 words (countWords).
import hbLexicon from "./lexicons/hedges-boosters.json";
import loadedLexicon from "./lexicons/loaded.json";
import type { Attribution, Marker, MarkerType, Span } from "./types";
import { buildMatcher, phraseWords, wordAt, type PhraseEntry, type Word } from "./words";
import { lookupCue } from "./cues";
import { countWords } from "./nlp";
import { documentStretches } from "./quoted-documents";

/** Whose words: the writer's own, or words the text quotes (inside quotation marks, or the content of a direct or mixed quotation). */
export type Voice = "writer" | "quoted";

export interface MarkerItem extends Marker {
  text: string;
  /** Lexicon category (loaded terms) or the marker's own class. */
  category: string | null;
  /** True when the marker stands inside quotation marks (the words of someone quoted). */
  inQuote: boolean;
  /** The writer's own words, or quoted speech (see `quotedSpans`). Scare quotes are the writer's act. */
  voice: Voice;
}

/**
 * The stretches of quoted speech in a text: every quotation the shared finder (quotes.ts) sees, quoted documents
 * with unmarked paragraphs (quoted-documents.ts), and the content of every direct or mixed attribution. Sorted and merged, so `voiceAt` is one binary search.
 */
export function quotedSpans(
  text: string,
  paragraphs: Span[],
  attributions: Attribution[],
  quotes?: QuoteStructure,
): Span[] {
  const all: Span[] = findQuotes(text, paragraphs, quotes).map((q) => ({ start: q.outer.start, end: q.outer.end }));
  // Letters and statements whose later paragraphs carry no marks are quoted too (quoted-documents.ts).
  all.push(...documentStretches(text, paragraphs));
  for (const a of attributions)
    if (a.kind === "direct" || a.kind === "mixed") for (const c of a.content) all.push({ start: c.start, end: c.end });
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** "quoted" when the span starts inside one of the (sorted, merged) quoted stretches. */
export function voiceAt(quoted: Span[], span: Span): Voice {
  let lo = 0;
  let hi = quoted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quoted[mid]!;
    if (span.start < q.start) hi = mid - 1;
    else if (span.start >= q.end) lo = mid + 1;
    else return "quoted";
  }
  return "writer";
}

export const MARKER_RULES: Record<string, string> = {
  "hedge.lexicon":
    'A word or phrase from the hedge list that lowers the writer\'s commitment to what is or was (reportedly, apparently, it seems, may); "could" as possibility ("could settle"), not ability ("could not attend").',
  "booster.lexicon":
    "A word or phrase from the booster list that raises the writer's certainty or emphasis (clearly, certainly, almost certainly, in fact).",
  "loaded.lexicon":
    "An evaluative word or phrase from the loaded-language list, by class: evaluative reporting verbs (blasted, scoffed), intensifiers (sharply, fierce), evaluative adjectives and nouns (brash, tirade), metaphors of conflict and scandal (firestorm, torpedo), dysphemisms and euphemisms, emotive violence words, moral verdicts and grave charges.",
  "scare.short-quote":
    "A quoted phrase of at most four words that no attribution quotes and that does not repeat a longer quotation in the text.",
  "scare.so-called": 'A quoted phrase right after "so-called", or "so-called" itself before a name or noun.',
};

type HB = { type: "hedge" | "booster"; term: string };
const hbEntries: PhraseEntry<HB>[] = [];
for (const type of ["hedge", "booster"] as const) {
  for (const e of hbLexicon.entries[type] as { term: string; pos?: string; lowercase?: boolean }[]) {
    hbEntries.push({ words: phraseWords(e.term), data: { type, term: e.term }, pos: e.pos, lowercase: e.lowercase });
  }
}
const hbMatcher = buildMatcher(hbEntries);

/** A loaded-language entry: a word or phrase, or one restricted to a part of speech. */
export type LoadedEntry = string | { term: string; pos?: string };
const loadedEntries: PhraseEntry<{ term: string; category: string }>[] = [];
for (const [category, list] of Object.entries(loadedLexicon.entries as Record<string, LoadedEntry[]>)) {
  for (const e of list) {
    const term = typeof e === "string" ? e : e.term;
    loadedEntries.push({
      words: phraseWords(term),
      data: { term, category },
      pos: typeof e === "string" ? undefined : e.pos,
    });
  }
}

const loadedMatcher = buildMatcher(loadedEntries);

/**
 * "could" is a hedge as possibility ("could settle", "could have fled"), not as ability ("she could not attend",
 * "could see the smoke"): negated, or before a verb of ability or perception, it is left out.
 */
const COULD_ABILITY = new Set([
  "see",
  "hear",
  "feel",
  "afford",
  "attend",
  "reach",
  "find",
  "get",
  "go",
  "come",
  "do",
  "walk",
  "sleep",
  "eat",
  "speak",
  "read",
  "understand",
  "remember",
  "imagine",
  "believe",
  "tell",
  "help",
  "stop",
  "only",
  "barely",
  "hardly",
  "scarcely",
  "no",
  "not",
  "n't",
  "never",
]);
function possibilityCould(words: Word[], i: number): boolean {
  const next = words[i + 1];
  if (!next || next.sentence !== words[i]!.sentence) return false;
  const after = next.lower === "also" || next.lower === "still" || next.lower === "well" ? words[i + 2] : next;
  return !!after && !COULD_ABILITY.has(after.lower) && !COULD_ABILITY.has(after.lemma);
}

// Quotations come from the one finder the sourcing engine uses (quotes.ts).
import { quoteSegments as findQuotes, type QuoteSegment, type QuoteStructure } from "./quotes";
export { findQuotes, type QuoteSegment };

const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function insideAny(s: Span, spans: Span[]): boolean {
  for (const x of spans) if (s.start >= x.start && s.end <= x.end) return true;
  return false;
}

const NAMING_VERBS = new Set([
  "call",
  "deem",
  "term",
  "rate",
  "describe",
  "label",
  "dub",
  "brand",
  "refer",
  "characterise",
  "characterize",
  "nickname",
]);

function isSpeechCue(w: Word): boolean {
  if (w.pos !== "VERB" && w.pos !== "NOUN") return false;
  if (NAMING_VERBS.has(w.lemma)) return true;
  return lookupCue(w.lemma)?.entry.class === "speech";
}

const WORDY = /[\p{L}\p{N}]/u;

/** A speech cue within six words before the quote or seven words after it, in the same sentence. */
function nearSpeechCue(words: Word[], q: Span): boolean {
  const i = wordAt(words, q.start);
  const sentence = words[i]?.sentence ?? words[i - 1]?.sentence;
  for (let k = i - 1, n = 0; k >= 0 && n < 6; k--) {
    const w = words[k]!;
    if (w.sentence !== sentence) break;
    if (!WORDY.test(w.text)) continue;
    n++;
    if (isSpeechCue(w)) return true;
  }
  for (let j = wordAt(words, q.end), n = 0; j < words.length && n < 7; j++) {
    const w = words[j]!;
    if (w.sentence !== sentence) break;
    if (!WORDY.test(w.text)) continue;
    n++;
    if (isSpeechCue(w)) return true;
  }
  return false;
}

const TITLE_SMALL = new Set(["the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "with"]);

export interface MarkerResult {
  markers: MarkerItem[];
  quotes: QuoteSegment[];
}

/** Hedges, boosters, loaded terms and scare quotes of one text. */
/** `shared`: the quotation structure of `text` when the caller has found it already. */
export function findMarkers(
  text: string,
  words: Word[],
  paragraphs: Span[],
  attributions: Attribution[],
  quotedStretches?: Span[],
  shared?: QuoteStructure,
): MarkerResult {
  const quotes = findQuotes(text, paragraphs, shared);
  const speech = quotedStretches ?? quotedSpans(text, paragraphs, attributions, shared);
  const longQuotes = quotes.filter((q) => countWords(text.slice(q.inner.start, q.inner.end)) > 4);
  const quoted = quotes.map((q) => q.outer);
  const markers: MarkerItem[] = [];
  const push = (span: Span, type: MarkerType, entry: string | null, rule: string, category: string | null) =>
    markers.push({
      span,
      type,
      lexiconEntry: entry,
      rule,
      text: text.slice(span.start, span.end),
      category,
      inQuote: insideAny(span, quoted),
      voice: "writer",
    });

  for (const h of hbMatcher.match(words)) {
    if (h.to - h.from === 1 && words[h.from]!.lower === "could" && !possibilityCould(words, h.from)) continue;
    const span = { start: words[h.from]!.start, end: words[h.to - 1]!.end };
    push(span, h.entry.data.type, h.entry.data.term, `${h.entry.data.type}.lexicon`, h.entry.data.type);
  }
  for (const h of loadedMatcher.match(words)) {
    const span = { start: words[h.from]!.start, end: words[h.to - 1]!.end };
    push(span, "loaded", h.entry.data.term, "loaded.lexicon", h.entry.data.category);
  }

  // Scare quotes: short quoted phrases that are nobody's words.
  const realQuotes: Span[] = [];
  // A partial quotation counts as someone's words only under a speech cue ("told", "described"); quoted words
  // inside a stance or action ("a movement aimed at \"resistance\"") stay candidates for scare quotes.
  for (const a of attributions) {
    if (a.kind === "direct") realQuotes.push(...a.content);
    else if (a.kind === "mixed") {
      const w = a.cue ? words[wordAt(words, a.cue.start)] : undefined;
      const cls = w ? lookupCue(w.lemma)?.entry.class : undefined;
      const cueText = a.cue ? text.slice(a.cue.start, a.cue.end).toLowerCase() : "";
      if (!a.cue || cls === "speech" || /according|^[:,]$/.test(cueText)) realQuotes.push(...a.content);
    }
  }
  // An echo: the one to four words of a short quotation, in a row in a long quotation. The long quotations'
  // words are read only when a short quotation gets that far (few do).
  let longWords: string[][] | null = null;
  const echoed = (low: string): boolean => {
    const lw = low.split(" ");
    if (lw.length > 4) return false;
    longWords ??= longQuotes.map((q) => text.slice(q.inner.start, q.inner.end).toLowerCase().match(WORD_RE) ?? []);
    for (const ws of longWords) {
      for (let i = 0; i + lw.length <= ws.length; i++) {
        let k = 0;
        while (k < lw.length && ws[i + k] === lw[k]) k++;
        if (k === lw.length) return true;
      }
    }
    return false;
  };
  let lastPartial = -1;
  for (const q of quotes) {
    const inner = text.slice(q.inner.start, q.inner.end);
    const n = countWords(inner);
    if (n === 0 || n > 4) continue;
    const before = text.slice(Math.max(0, q.outer.start - 12), q.outer.start).toLowerCase();
    const soCalled = /so[-\s]called\s*$/.test(before);
    if (!soCalled) {
      if (realQuotes.some((r) => overlaps(r, q.inner))) continue;
      // A phrase someone said earlier at greater length is an echo of a real quotation.
      const low = (inner.toLowerCase().match(WORD_RE) ?? []).join(" ");
      if (low.length > 3 && echoed(low)) continue;
      // "described it as", "called it", "dubbed": a partial quotation of the speaker's word.
      if (
        /\b(?:call(?:s|ed)?|describ(?:es|ed|e)(?:\s+\w+)?\s+as|dubb(?:ed|s)|term(?:s|ed)|label(?:l?ed|s)|brand(?:s|ed))\s*(?:it|them|him|her|this|that)?\s*$/.test(
          text.slice(Math.max(0, q.outer.start - 30), q.outer.start).toLowerCase(),
        )
      )
        continue;
      // A speech cue just before ("called Trump an \"idiot\"") or just after (", the inspector said") marks
      // a partial quotation the sourcing stage did not attach.
      if (nearSpeechCue(words, q.outer)) {
        lastPartial = q.outer.end;
        continue;
      }
      // A quote coordinated with a partial quotation just before it ("\"unacceptable\" and \"inaccurate\"").
      if (
        lastPartial >= 0 &&
        q.outer.start - lastPartial <= 6 &&
        /^[\s,]*(?:and|or)?[\s,]*$/.test(text.slice(lastPartial, q.outer.start))
      ) {
        lastPartial = q.outer.end;
        continue;
      }
      // Titles of works and names in capitals ("Face the Nation", "Operation Cast Lead") are not distance markers.
      const ws = inner.split(/\s+/).filter(Boolean);
      if (
        ws.length >= 2 &&
        /^\p{Lu}/u.test(ws[0]!) &&
        ws.every((w) => /^\p{Lu}/u.test(w) || TITLE_SMALL.has(w.toLowerCase()))
      )
        continue;
    }
    push(q.outer, "scare_quote", null, soCalled ? "scare.so-called" : "scare.short-quote", "scare_quote");
  }
  // "so-called" without quotation marks is itself a distancing marker.
  for (const w of words) {
    if (w.lower === "so-called" && !/["“‘']/.test(text[w.end + 1] ?? ""))
      push({ start: w.start, end: w.end }, "scare_quote", "so-called", "scare.so-called", "scare_quote");
  }
  // A scare quote is the writer's act of distancing unless it stands inside a longer quotation; its own marks
  // make it a quotation for the finder, so it is checked from just before its opening mark.
  for (const m of markers) {
    if (m.type === "scare_quote")
      m.voice =
        m.span.start > 0 && voiceAt(speech, { start: m.span.start - 1, end: m.span.start }) === "quoted"
          ? "quoted"
          : "writer";
    else m.voice = voiceAt(speech, m.span);
  }
  markers.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  return { markers, quotes };
}

export type MarkerDensities = Record<MarkerType, number>;

/** Words of the text inside quoted speech and in the writer's own voice (`all`: the text's word count, when known). */
export function voiceWordCounts(
  text: string,
  quoted: Span[],
  all = countWords(text),
): { writer: number; quoted: number } {
  let q = 0;
  for (const s of quoted) q += countWords(text.slice(s.start, s.end));
  return { writer: Math.max(0, all - q), quoted: Math.min(q, all) };
}

/**
 * Markers per 1,000 words, by type (0 for an empty text). With `voice`, only markers of that voice count (markers
 * without a voice count as the writer's), and `wordCount` should be the words in that voice.
 */
export function markerDensities(
  markers: { type: MarkerType; voice?: Voice }[],
  wordCount: number,
  voice?: Voice,
): MarkerDensities {
  const d: MarkerDensities = { hedge: 0, booster: 0, scare_quote: 0, loaded: 0 };
  for (const m of markers) if (!voice || (m.voice ?? "writer") === voice) d[m.type]++;
  if (wordCount > 0)
    for (const k of Object.keys(d) as MarkerType[]) d[k] = Math.round((d[k] * 1000 * 100) / wordCount) / 100;
  else for (const k of Object.keys(d) as MarkerType[]) d[k] = 0;
  return d;
}
