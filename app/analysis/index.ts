// The analysis of one article: tokenise once, then sourcing, actors, naming, markers, frames, sentiment and
// claims, plus the headline (as its own text) and the lead (first three paragraphs). Pure, deterministic, JSON.
import { countWords, tokenize } from "./nlp";
import { analyseSourcing, RULES as SOURCING_RULES } from "./sourcing";
import type { Aside, Attribution, MarkerType, Segmentation, SourceEntity, Span } from "./types";
import { toWords } from "./words";
import { quotedWordCount, quoteStructure } from "./quotes";
import { ACTOR_RULES, detectActors, type Actor, type Mention } from "./actors";
import { findDescriptors, NAMING_RULES, type Descriptor, type LabelClass } from "./naming";
import {
  findMarkers,
  MARKER_RULES,
  markerDensities,
  quotedSpans,
  voiceWordCounts,
  type MarkerDensities,
  type MarkerItem,
} from "./markers";
import { FRAME_DIMENSIONS, FRAME_RULES, emptyProfile, scoreFrames, type FrameProfile, type FrameScore } from "./frames";
import { actorSentiment, scoreSentences, SENTIMENT_RULES, type ActorSentiment } from "./sentiment";
import { CLAIM_RULES, extractClaims, type ClaimItem } from "./claims";
import { documentStretches } from "./quoted-documents";
import { findWordChoices, WORD_CHOICE_RULES, type WordChoice } from "./word-choices";
import labels from "./lexicons/labels.json";
import hedges from "./lexicons/hedges-boosters.json";
import loaded from "./lexicons/loaded.json";
import frames from "./lexicons/frames.json";
import aliases from "./lexicons/actor-aliases.json";
import sentiment from "./lexicons/sentiment.json";
import codebook from "./codebook.json";
import { RULES_HASH, SOURCING_LEXICONS, SOURCING_VERSION } from "./attribution/version";

/** Bump when a rule of the framing or claims stages changes; lexicon versions are added below. */
const FRAMING_VERSION = 9;

export const ANALYSER_VERSION = [
  // Derived from the engine revision and its rules' ids and order (attribution/version.ts).
  SOURCING_VERSION,
  `framing.${FRAMING_VERSION}`,
  `labels@${labels.version}`,
  `hedges@${hedges.version}`,
  `loaded@${loaded.version}`,
  `frames@${frames.version}`,
  `aliases@${aliases.version}`,
  `sentiment@${sentiment.version}`,
  ...SOURCING_LEXICONS.map((l) => `${l.name}@${l.version}`),
  `codebook@${codebook.version}`,
  `attribution-rules@${RULES_HASH}`,
].join("+");

/** Every rule id of the analysis → one sentence (the methods page lists these). */
export const RULES: Record<string, string> = {
  ...SOURCING_RULES,
  ...ACTOR_RULES,
  ...NAMING_RULES,
  ...MARKER_RULES,
  ...FRAME_RULES,
  ...SENTIMENT_RULES,
  ...CLAIM_RULES,
  ...WORD_CHOICE_RULES,
};

export interface AttributionItem extends Attribution {
  /** Words in the content pieces. */
  words: number;
  /** Words of the content that stand inside quotation marks (all of them for a direct quotation). */
  quotedWords: number;
}

/** The same framing measures for a part of the article (headline, lead). */
export interface PartFigures {
  span: Span | null;
  wordCount: number;
  /** Words of the part in the writer's own voice (outside quoted speech): the base of `densities`. */
  writerWordCount: number;
  /** Writer-voice markers only. */
  markerCounts: Record<MarkerType, number>;
  /** Writer-voice markers per 1,000 writer-voice words. */
  densities: MarkerDensities;
  labelClassCounts: Partial<Record<LabelClass, number>>;
  frameProfile: FrameProfile;
  /** Indices into the analysis' markers / descriptors (lead), or the title's own lists (headline). */
  markerIdx: number[];
  descriptorIdx: number[];
}

export interface TitleAnalysis {
  text: string;
  wordCount: number;
  mentions: Mention[];
  descriptors: Descriptor[];
  markers: MarkerItem[];
  figures: PartFigures;
}

export interface ArticleAnalysis {
  version: string;
  wordCount: number;
  segmentation: Segmentation;
  attributions: AttributionItem[];
  sources: SourceEntity[];
  /** Non-responses ("no comment", with who) and the writer's own hedges: shown apart, never counted as attributions. */
  asides: Aside[];
  actors: Actor[];
  mentions: Mention[];
  descriptors: Descriptor[];
  markers: MarkerItem[];
  /** The stretches of quoted speech (quotations and direct/mixed attribution contents) that decide each item's voice. */
  quoted: Span[];
  /** Words in the writer's own voice and in quoted speech. */
  voiceWords: { writer: number; quoted: number };
  /** Writer-voice markers per 1,000 writer-voice words (the outlet's own words). */
  densities: MarkerDensities;
  /** Quoted-speech markers per 1,000 quoted words (the words the outlet quotes), a series of its own. */
  quotedDensities: MarkerDensities;
  frames: FrameScore[];
  frameProfile: FrameProfile;
  sentiment: ActorSentiment[];
  claims: ClaimItem[];
  /** Killings with and without an agent, causal-sequence words and place-name variants (listed, not scored). */
  wordChoices: WordChoice[];
  lead: PartFigures;
  title: TitleAnalysis | null;
}

function partFigures(
  span: Span | null,
  wordCount: number,
  writerWordCount: number,
  markers: MarkerItem[],
  descriptors: Descriptor[],
  frameScores: FrameScore[],
  inPart: (s: Span) => boolean,
  paragraphOk: (p: number) => boolean,
): PartFigures {
  const markerIdx: number[] = [];
  const markerCounts: Record<MarkerType, number> = { hedge: 0, booster: 0, scare_quote: 0, loaded: 0 };
  markers.forEach((m, i) => {
    if (!inPart(m.span)) return;
    markerIdx.push(i);
    if (m.voice === "writer") markerCounts[m.type]++;
  });
  const descriptorIdx: number[] = [];
  const labelClassCounts: Partial<Record<LabelClass, number>> = {};
  descriptors.forEach((d, i) => {
    if (!inPart(d.span)) return;
    descriptorIdx.push(i);
    labelClassCounts[d.labelClass] = (labelClassCounts[d.labelClass] ?? 0) + 1;
  });
  const totals = emptyProfile();
  let all = 0;
  for (const f of frameScores) {
    if (!paragraphOk(f.paragraph)) continue;
    const n = f.voices ? f.voices.filter((v) => v === "writer").length : f.hits.length;
    totals[f.dimension] += n;
    all += n;
  }
  const frameProfile = emptyProfile();
  if (all) for (const d of FRAME_DIMENSIONS) frameProfile[d] = Math.round((totals[d] * 1000) / all) / 1000;
  return {
    span,
    wordCount,
    writerWordCount,
    markerCounts,
    densities: markerDensities(
      markerIdx.map((i) => markers[i]!),
      writerWordCount,
      "writer",
    ),
    labelClassCounts,
    frameProfile,
    markerIdx,
    descriptorIdx,
  };
}

/**
 * The item with the field it stands in, its keys in the same order as `{ ...x, field }`: Object.assign, because on
 * Node 20 an object spread followed by another key costs several times as much (about 1.2 against 0.2 µs an item).
 */
function inField<T extends object, F extends "title" | "body">(x: T, field: F): T & { field: F } {
  return Object.assign({}, x, { field });
}

function analyseTitle(title: string, known: Actor[]): TitleAnalysis {
  const tok = tokenize(title);
  const words = toWords(tok);
  const { mentions } = detectActors(title, words, known, { headline: true });
  const descriptors = findDescriptors(title, words, mentions).map((d) => inField(d, "title"));
  const qs = quoteStructure(title, tok.paragraphs);
  const quoted = quotedSpans(title, tok.paragraphs, [], qs);
  const { markers } = findMarkers(title, words, tok.paragraphs, [], quoted, qs);
  const titled = markers.map((m) => inField(m, "title"));
  const { frames: fs } = scoreFrames(words, tok.paragraphs, quoted);
  const wordCount = countWords(title);
  const writerWords = voiceWordCounts(title, quoted, wordCount).writer;
  return {
    text: title,
    wordCount,
    mentions: mentions.map((m) => inField(m, "title")),
    descriptors,
    markers: titled,
    figures: partFigures(
      title ? { start: 0, end: title.length } : null,
      wordCount,
      writerWords,
      titled,
      descriptors,
      fs,
      () => true,
      () => true,
    ),
  };
}

/** Analyses one article's clean text (spans index `text`); the title, if given, is analysed as its own text. */
export function analyse(text: string, meta: { title?: string | null } = {}): ArticleAnalysis {
  // (tokenize gives every token a lemma: the lower-cased word where wink has none, as for "cannot".)
  const tok = tokenize(text);
  const words = toWords(tok);
  // The quotation structure is found once and shared by sourcing, voice, markers and claims.
  const qs = quoteStructure(text, tok.paragraphs);
  const { attributions, sources, asides } = analyseSourcing(text, tok, {}, qs);
  const { actors, mentions } = detectActors(text, words);
  // An actor's affiliation comes from the sourcing engine when one of its mentions is a source.
  const mentionActor = new Map(mentions.map((m) => [`${m.span.start}:${m.span.end}`, m.actorKey]));
  const actorByKey = new Map(actors.map((a) => [a.key, a]));
  for (const s of sources) {
    if (!s.affiliation) continue;
    for (const sp of s.mentions) {
      const key = mentionActor.get(`${sp.start}:${sp.end}`);
      const actor = key ? actorByKey.get(key) : undefined;
      if (actor && !actor.affiliation) actor.affiliation = s.affiliation;
    }
  }
  const descriptors = findDescriptors(text, words, mentions).map((d) => inField(d, "body"));
  // One voice decision for every stage: words inside quoted speech are the speaker's, not the outlet's.
  const quoted = quotedSpans(text, tok.paragraphs, attributions, qs);
  const { markers, quotes } = findMarkers(text, words, tok.paragraphs, attributions, quoted, qs);
  const wordCount = countWords(text);
  const voiceWords = voiceWordCounts(text, quoted, wordCount);
  const { frames: frameScores, profile } = scoreFrames(words, tok.paragraphs, quoted);
  const scored = scoreSentences(words, tok.sentences, quoted);
  const claims = extractClaims({
    text,
    words,
    sentences: tok.sentences,
    attributions,
    sources,
    mentions,
    markers,
    // A quoted document's unmarked paragraphs are not the author's claims.
    quotes: [...quotes.map((q) => q.outer), ...documentStretches(text, tok.paragraphs)],
  });

  const leadParas = tok.paragraphs.slice(0, 3);
  const leadSpan = leadParas.length ? { start: leadParas[0]!.start, end: leadParas[leadParas.length - 1]!.end } : null;
  const leadWords = leadParas.reduce((n, p) => n + countWords(text.slice(p.start, p.end)), 0);
  const leadQuoted = leadSpan
    ? quoted.filter((q) => q.start < leadSpan.end).map((q) => ({ start: q.start, end: Math.min(q.end, leadSpan.end) }))
    : [];
  const lead = partFigures(
    leadSpan,
    leadWords,
    Math.max(0, leadWords - leadQuoted.reduce((n, q) => n + countWords(text.slice(q.start, q.end)), 0)),
    markers,
    descriptors,
    frameScores,
    (s) => !!leadSpan && s.start >= leadSpan.start && s.end <= leadSpan.end,
    (p) => p < 3,
  );

  return {
    version: ANALYSER_VERSION,
    wordCount,
    segmentation: { paragraphs: tok.paragraphs, sentences: tok.sentences },
    attributions: attributions.map((a) => {
      const words = a.content.reduce((n, p) => n + countWords(text.slice(p.start, p.end)), 0);
      return { ...a, words, quotedWords: quotedWordCount(text, a.kind, a.content, words) };
    }),
    sources,
    asides,
    actors,
    mentions: mentions.map((m) => inField(m, "body")),
    descriptors,
    markers: markers.map((m) => inField(m, "body")),
    quoted,
    voiceWords,
    densities: markerDensities(markers, voiceWords.writer, "writer"),
    quotedDensities: markerDensities(markers, voiceWords.quoted, "quoted"),
    frames: frameScores,
    frameProfile: profile,
    sentiment: actorSentiment(mentions, tok.sentences, scored, words),
    claims: claims.map((c) => inField(c, "body")),
    wordChoices: findWordChoices(text, words),
    lead,
    title: meta.title ? analyseTitle(meta.title, actors) : null,
  };
}
