// The dashboard's chart data as the loader shapes it from the Comparison: values and focus tokens only
// (never the spans themselves), so the page stays small; a token names the Comparison figure behind a number.

/** A number on a chart and the focus token that opens the reader on its spans (null: nothing to show). */
export interface Cell {
  v: number;
  f: string | null;
}

export interface ChartArticle {
  id: number;
  /** Short name for axes and legends: the outlet (or "Article A" in blind mode). */
  short: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  country: string | null;
  kind: string | null;
  focal: boolean;
  summary: string;
  wordCount: number;
  fictional: boolean;
}

export interface SourcingRow {
  articleId: number;
  count: Record<string, Cell>;
  words: Record<string, Cell>;
}

export interface CategoryRow {
  /** Category id (source kind, stance, marker type, frame dimension) or a free label (an affiliation). */
  id: string;
  label: string;
  cells: Record<number, Cell>;
}

export interface SourceRow {
  articleId: number;
  name: string;
  kind: string;
  affiliation: string | null;
  named: boolean;
  attributions: Cell;
  words: Cell;
}

export interface ClaimMatrixCell {
  articleId: number;
  stance: string;
  sourceName: string | null;
  text: string;
  f: string;
  /** Why the claim is in this group (shared names and words, similarity); absent for a group of one. */
  why?: string;
}

export interface ClaimMatrixRow {
  id: string;
  label: string;
  focalLacks: boolean;
  onlyFocal: boolean;
  cells: ClaimMatrixCell[];
  /** For a group the focal article is not in: its closest clause and the similarity, so a reader can judge. */
  focalClosest?: { articleId: number; text: string; similarity: number } | null;
  /** Others carry it, the focal article is not in the group but may carry it in other words: shown as unclear. */
  focalUnclear?: boolean;
  /** The focal sentence holding most of a member clause's words, and that share. */
  focalSentence?: { articleId: number; text: string; similarity: number } | null;
}

export interface NamingRow {
  key: string;
  name: string;
  kind: string;
  cells: {
    articleId: number;
    mentions: Cell;
    descriptors: { text: string; labelClass: string; count: number; f: string }[];
  }[];
}

export interface TimelinePoint {
  /** "article" for a compared article, "candidate" for coverage still to import. */
  group: "article" | "candidate";
  id: number;
  date: string;
  /** Milliseconds since the epoch at the start of the date's precision. */
  t: number;
  precision: "year" | "month" | "day";
  label: string;
  status: string | null;
}

export interface DashboardData {
  codebookVersion: string;
  analyserVersions: string[];
  articles: ChartArticle[];
  /** Articles charted (at most six, the focal first); the others are listed but not charted. */
  charted: number[];
  sourcing: SourcingRow[];
  voices: CategoryRow[];
  sources: SourceRow[];
  cues: CategoryRow[];
  tone: CategoryRow[];
  toneCounts: CategoryRow[];
  /** Markers in quoted speech per 1,000 quoted words (the writer's voice is `tone`). */
  toneQuoted: CategoryRow[];
  frames: CategoryRow[];
  claims: ClaimMatrixRow[];
  claimTotals: { all: number; focalLacks: number; onlyFocal: number };
  naming: NamingRow[];
  timeline: TimelinePoint[];
  undatedCandidates: number;
}

/** The links a chart's bars, dots, cells and buttons lead to. */
export interface DashboardLinks {
  /** The reader link behind a number. */
  focus: (token: string) => string;
  /** This page with some view parameters changed. */
  view: (changes: Record<string, string | null>) => string;
  /** A table's export file (`sourcing-mix.csv`), with blind=1 when blind mode is on. */
  exportFile: (file: string) => string;
}
