// The shared vocabulary of the analysis (see README "Decisions" and the design notes).
// Every span is { start, end }: UTF-16 indices into the article's clean text, end exclusive.

export interface Span {
  start: number;
  end: number;
}

export type SourceKind =
  | "official"
  | "armed_group"
  | "politician"
  | "expert"
  | "media"
  | "document"
  | "civil_society"
  | "ordinary_person"
  | "unnamed"
  | "other";

export type CueStance = "neutral" | "distancing" | "endorsing" | "denial" | "accusation";

export type AttributionKind = "direct" | "mixed" | "indirect" | "according_to" | "unnamed";

/** One attribution relation: who (source) says (cue) what (content). */
export interface Attribution {
  id: string;
  kind: AttributionKind;
  source: Span | null;
  cue: Span | null;
  /** One or more pieces: a quote split around "he said" has two. */
  content: Span[];
  /** Key of the canonical source (see `SourceEntity.key`), null when there is no source at all. */
  sourceKey: string | null;
  sourceKind: SourceKind;
  affiliation: string | null;
  cueStance: CueStance;
  /** Stable rule id, e.g. "quote.colon-intro"; listed on the methods page. */
  rule: string;
  /** The words or lexicon entries that decided it. */
  evidence: string[];
}

/**
 * What the engine reads with an attribution's words but does not count as one: a non-response ("declined to
 * comment", "did not respond to a request for comment", "could not be reached") names who gave no comment;
 * the writer's own impression ("it seems", "the plan appears to be failing") is a hedge, not an unnamed source.
 */
export interface Aside {
  id: string;
  type: "no_comment" | "hedge";
  /** Who gave no comment, as written ("he", "a spokesman for the board"); null for a hedge. */
  who: Span | null;
  /** The canonical source it resolves to when that source is quoted elsewhere in the article, else null. */
  sourceKey: string | null;
  /** The person or body by name (the resolved source's name, or the words as written). */
  whoName: string | null;
  cue: Span | null;
  content: Span[];
  rule: string;
  evidence: string[];
}

/** A canonical source within one article, after merging name variants and resolving pronouns. */
export interface SourceEntity {
  key: string;
  name: string;
  /** Titles and roles the text gives ("Israeli Prime Minister"). */
  description: string | null;
  kind: SourceKind;
  affiliation: string | null;
  named: boolean;
  /** Why this kind and affiliation: the title, gazetteer entry or word that decided it. */
  kindEvidence: string[];
  mentions: Span[];
  attributionIds: string[];
  wordsQuoted: number;
}

export type MarkerType = "hedge" | "booster" | "scare_quote" | "loaded";

export interface Marker {
  span: Span;
  type: MarkerType;
  lexiconEntry: string | null;
  rule: string;
  field?: "title" | "body";
}

export type ClaimStance = "asserted" | "attributed" | "unnamed" | "hedged" | "denied";

export interface Claim {
  id: string;
  span: Span;
  stance: ClaimStance;
  attributionId: string | null;
  sourceKey: string | null;
  /** Content terms (stemmed, lower case; names and numbers kept) used for alignment. */
  terms: string[];
  rule: string;
}

export interface Segmentation {
  paragraphs: Span[];
  sentences: Span[];
}
