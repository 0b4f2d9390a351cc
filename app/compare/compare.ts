// Comparing several articles: actors merged across articles, the naming matrix, per-article figures and the
// claim matrix. Every number is a Figure holding the { articleId, span } list it was computed from, so charts
// and exports can trace any value back to highlighted words. Pure and deterministic.
import aliasLexicon from "#app/analysis/lexicons/actor-aliases.json";
import type { ArticleAnalysis } from "#app/analysis/index";
import type { ClaimStance, CueStance, MarkerType, SourceKind, Span } from "#app/analysis/types";
import { LABEL_PRECEDENCE, type LabelClass } from "#app/analysis/naming";
import { FRAME_DIMENSIONS, type FrameDimension } from "#app/analysis/frames";
import type { ActorKind } from "#app/analysis/actors";
import codebook from "#app/analysis/codebook.json";
import { alignClaims, MAY_CARRY, MAY_COVER } from "./claims-align";
import { pronounParticipants } from "./claim-participants";
import { CARRY_FLOOR, carryIndex, nearestCarrier, type CarryIndex } from "./omissions";
import type { ClauseSpan } from "./propositions";
import { stem } from "#app/analysis/stem";

export interface CompareInput {
  id: number;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  analysis: ArticleAnalysis;
  /** The article's clean text: with it, omissions are checked against every sentence, not only its claims. */
  text?: string;
}

export interface Trace {
  articleId: number;
  span: Span;
  field?: "title" | "body";
}

/** A number and the spans it counts (for densities: the markers counted, per 1,000 words). */
export interface Figure {
  value: number;
  trace: Trace[];
}

export interface ComparisonArticle {
  id: number;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  wordCount: number;
  focal: boolean;
}

export interface ComparisonActor {
  key: string;
  name: string;
  kind: ActorKind;
  variants: string[];
  /** Ids of the articles that mention the actor. */
  articles: number[];
  mentions: number;
}

export interface NamingDescriptor {
  text: string;
  labelClass: LabelClass;
  count: number;
  trace: Trace[];
}

export interface NamingCell {
  actorKey: string;
  articleId: number;
  mentions: Figure;
  descriptors: NamingDescriptor[];
  labelClasses: Partial<Record<LabelClass, Figure>>;
  /**
   * Present (true) only when the article's text is given and describes the actor next to a mention in words that hold
   * no label lexicon entry ("Korvath, a group founded in 1990", "the veteran donor Ana Mire"): the article chose a
   * description, only not one Parallax classes, so "names the actor without such a label" would mislead.
   */
  describedOtherwise?: true;
}

export interface NamingMatrix {
  actors: string[];
  articles: number[];
  cells: NamingCell[];
}

export interface SourceFigure {
  key: string;
  name: string;
  kind: SourceKind;
  affiliation: string | null;
  named: boolean;
  attributions: Figure;
  wordsQuoted: Figure;
  /**
   * Present (true) only for an unnamed source that the text never calls by a plural, indefinite or counted description
   * ("officials", "a spokesman", "two people"), only by a singular definite or bare one ("the journalist"): it may be
   * a person the article names elsewhere whom the sourcing did not link. Set only when the article's text is given.
   */
  mayBeNamed?: true;
}

export interface PartDensities {
  densities: Record<MarkerType, Figure>;
  frameProfile: Record<FrameDimension, number>;
  wordCount: number;
}

export interface ArticleFigures {
  articleId: number;
  wordCount: number;
  attributions: Figure;
  bySourceKind: Record<SourceKind, { count: Figure; words: Figure }>;
  sources: SourceFigure[];
  wordsQuotedByAffiliation: { affiliation: string; words: Figure }[];
  cueStances: Record<CueStance, Figure>;
  namedSources: Figure;
  unnamedAttributions: Figure;
  /** Markers in the writer's own voice per 1,000 of the writer's words; the trace lists the markers counted. */
  densities: Record<MarkerType, Figure>;
  /** Writer-voice markers. */
  markerCounts: Record<MarkerType, Figure>;
  /** The words the article quotes, as their own series: quoted markers per 1,000 quoted words. */
  quotedDensities: Record<MarkerType, Figure>;
  quotedMarkerCounts: Record<MarkerType, Figure>;
  /** Words in the writer's voice and in quoted speech (the bases of the two series). */
  voiceWords: { writer: number; quoted: number };
  /** Shares of the writer-voice frame hits. */
  frameProfile: Record<FrameDimension, Figure>;
  labelClasses: Partial<Record<LabelClass, Figure>>;
  claimStances: Record<ClaimStance, Figure>;
  lead: PartDensities;
  headline: PartDensities | null;
  summary: string;
}

export interface ClaimCell {
  articleId: number;
  claimId: string;
  stance: ClaimStance;
  sourceKey: string | null;
  sourceName: string | null;
  text: string;
  trace: Trace[];
  centrality: number;
  /** Similarity to the group's most central claim (1 for that claim). */
  similarity: number;
  /** Why it is in this group: the names and words it shares with the most central claim, as they read in this claim. */
  sharedWithCentral: string[];
  /** The words that decided the stance (a denial cue, "there is no evidence", a hedge), as they stand in the text. */
  stanceEvidence: string[];
  /** Where the attribution names its source and cue (empty for the author's own claims). */
  attributionTrace: Trace[];
}

/** The focal article's claim closest to a group it is not in: shown so a reader can judge whether it is really absent. */
export interface ClosestClaim {
  articleId: number;
  claimId: string;
  text: string;
  similarity: number;
  /** IDF-weighted share of the shorter claim's names and words that the two share (see claims-align). */
  coverage?: number;
  trace: Trace[];
  /** The clause of the claim that came nearest (the whole claim when it has one clause), and where it stands. */
  clause?: string;
  clauseTrace?: Trace[];
}

/**
 * The focal sentence (any sentence, claim or not) that holds the largest share of the words of a clause of a group's
 * members (see omissions.ts), for a group the focal article is not in.
 */
export interface ClosestSentence {
  articleId: number;
  /** The focal claim the sentence is or overlaps; null when the analysis found no claim in it. */
  claimId: string | null;
  text: string;
  /** IDF-weighted share of the member clause's words the sentence holds (0–1). */
  similarity: number;
  trace: Trace[];
  /** The member clause it holds most of. */
  memberClause: string;
}

export interface ClaimGroupRow {
  id: string;
  label: string;
  /** Ids of the articles carrying the claim. */
  articles: number[];
  cells: ClaimCell[];
  /** The one article carrying this claim, when only one does. */
  onlyIn: number | null;
  /**
   * Other articles carry the claim and the focal article does not in any form we can see: not in the group, no focal
   * claim is as close as MAY_CARRY or covers MAY_COVER of it, no focal sentence holds CARRY_FLOOR of a member clause's
   * words; with three articles or more, at least two others carry it (see `focalLacksClaim`; `focalClosest` and
   * `focalSentence` show the nearest claim and sentence).
   */
  focalLacks: boolean;
  /**
   * Others carry the claim and the focal article is not in its group, but it is not said to lack it (a focal claim or
   * sentence comes near, or only one other article carries it): unclear, not listed; the nearest is shown to judge.
   */
  focalUnclear: boolean;
  /** For a group the focal article is not in: its closest claim, when one shares words with the group. */
  focalClosest: ClosestClaim | null;
  /**
   * For a group the focal article would otherwise be said to lack: its sentence holding most of a member clause, if
   * any shares a word.
   */
  focalSentence?: ClosestSentence | null;
  /** Every article not in the group whose closest claim shares words with it, with that similarity. */
  closest: { articleId: number; claimId: string; similarity: number; coverage?: number; clause?: ClauseSpan[] }[];
  stances: Partial<Record<ClaimStance, number>>;
}

export interface Comparison {
  focalId: number;
  codebookVersion: string;
  analyserVersions: string[];
  articles: ComparisonArticle[];
  actors: ComparisonActor[];
  naming: NamingMatrix;
  figures: ArticleFigures[];
  claimGroups: ClaimGroupRow[];
}

const SOURCE_KINDS: SourceKind[] = [
  "official",
  "armed_group",
  "politician",
  "expert",
  "media",
  "document",
  "civil_society",
  "ordinary_person",
  "unnamed",
  "other",
];
const CUE_STANCES: CueStance[] = ["neutral", "distancing", "endorsing", "denial", "accusation"];
const MARKER_TYPES: MarkerType[] = ["hedge", "booster", "scare_quote", "loaded"];
const CLAIM_STANCES: ClaimStance[] = ["asserted", "attributed", "unnamed", "hedged", "denied"];

function fig(): Figure {
  return { value: 0, trace: [] };
}

function record<K extends string>(keys: readonly K[]): Record<K, Figure> {
  return Object.fromEntries(keys.map((k) => [k, fig()])) as Record<K, Figure>;
}

function per1000(f: Figure, words: number): Figure {
  return { value: words ? Math.round((f.value * 100000) / words) / 100 : 0, trace: f.trace };
}

const LEXICON_KEYS = new Set(aliasLexicon.entries.map((e) => e.key));

/** Merges actor keys across articles: same key, a bare surname of a longer name, or a shared variant. */
function mergeActors(inputs: CompareInput[]): { canon: (key: string) => string; actors: ComparisonActor[] } {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let x = k;
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The longer (more complete) key names the merged actor.
    if (rb.length > ra.length || (rb.length === ra.length && rb < ra)) parent.set(ra, rb);
    else parent.set(rb, ra);
  };
  const info = new Map<
    string,
    { name: string; kind: ActorKind; variants: Set<string>; articles: Set<number>; mentions: number }
  >();
  for (const inp of inputs) {
    for (const a of inp.analysis.actors) {
      if (!parent.has(a.key)) parent.set(a.key, a.key);
      const e = info.get(a.key) ?? {
        name: a.name,
        kind: a.kind,
        variants: new Set<string>(),
        articles: new Set<number>(),
        mentions: 0,
      };
      a.variants.forEach((v) => e.variants.add(v));
      e.articles.add(inp.id);
      e.mentions += a.mentionCount;
      if (a.name.length > e.name.length) e.name = a.name;
      info.set(a.key, e);
    }
    for (const m of inp.analysis.title?.mentions ?? []) if (!parent.has(m.actorKey)) parent.set(m.actorKey, m.actorKey);
  }
  const keys = [...info.keys()].sort();
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f‘’'`]/g, "")
      .replace(/\b(?:al|el)-/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "");
  const byVariant = new Map<string, string>();
  for (const k of keys) {
    for (const v of info.get(k)!.variants) {
      const s = slug(v);
      const prev = byVariant.get(s);
      // A shared variant never joins a person to an organisation, state or place ("Trump" ≠ "Trump Organization").
      if (prev && prev !== k && (info.get(prev)!.kind === "person") === (info.get(k)!.kind === "person"))
        union(prev, k);
      else byVariant.set(s, k);
    }
  }
  // A one-word key ("muhajir") joins the only longer person key ending in it ("abu-abdullah-muhajir").
  const lastOf = new Map<string, string[]>();
  for (const k of keys) {
    if (!k.includes("-") || info.get(k)!.kind !== "person") continue;
    const last = k.slice(k.lastIndexOf("-") + 1);
    lastOf.set(last, [...(lastOf.get(last) ?? []), k]);
  }
  // Two entries of the alias lexicon are different actors by construction ("isis" and its Sinai province).
  const listed = (a: string, b: string) => LEXICON_KEYS.has(a) && LEXICON_KEYS.has(b);
  for (const k of keys) {
    if (k.includes("-")) continue;
    const l = lastOf.get(k);
    if (l && l.length === 1 && !listed(k, l[0]!)) union(k, l[0]!);
  }
  // A one-word key ("halberd") joins the only organisation key starting with it ("halberd-chemical-works").
  const firstOf = new Map<string, string[]>();
  for (const k of keys) {
    if (!k.includes("-") || info.get(k)!.kind !== "organisation") continue;
    const first = k.slice(0, k.indexOf("-"));
    firstOf.set(first, [...(firstOf.get(first) ?? []), k]);
  }
  for (const k of keys) {
    const kind = info.get(k)!.kind;
    if (k.includes("-") || kind === "person" || kind === "place" || kind === "state") continue;
    const l = firstOf.get(k);
    if (l && l.length === 1 && !listed(k, l[0]!)) union(k, l[0]!);
  }
  const merged = new Map<string, ComparisonActor>();
  for (const k of keys) {
    const root = find(k);
    const e = info.get(k)!;
    const m = merged.get(root) ?? { key: root, name: e.name, kind: e.kind, variants: [], articles: [], mentions: 0 };
    for (const v of e.variants) if (!m.variants.includes(v)) m.variants.push(v);
    for (const a of e.articles) if (!m.articles.includes(a)) m.articles.push(a);
    m.mentions += e.mentions;
    if (k === root) {
      m.name = e.name;
      m.kind = e.kind;
    }
    merged.set(root, m);
  }
  const actors = [...merged.values()];
  for (const a of actors) {
    a.articles.sort((x, y) => x - y);
    a.variants.sort();
  }
  actors.sort((x, y) => y.mentions - x.mentions || x.key.localeCompare(y.key));
  const memo = new Map<string, string>();
  return { canon: (k) => memo.get(k) ?? (memo.set(k, find(k)), memo.get(k)!), actors };
}

function summaryOf(f: Omit<ArticleFigures, "summary">): string {
  // Each count names its unit: attributions (passages) come from sources (who speaks), named or not.
  const named = f.sources.filter((s) => s.named).length;
  const n = f.sources.length;
  const parts = [
    `${f.attributions.value} attribution${f.attributions.value === 1 ? "" : "s"} from ${n} source${n === 1 ? "" : "s"}: ${named} named, ${n - named} unnamed`,
  ];
  const total = f.wordsQuotedByAffiliation.reduce((n, a) => n + a.words.value, 0);
  let tail = "";
  // The largest share of quoted words by affiliation and kind ("from Israel (official)").
  const byGroup = new Map<string, number>();
  for (const s of f.sources) {
    if (!s.wordsQuoted.value) continue;
    const kindLabel = codebook.sourceKinds.find((k) => k.id === s.kind)?.label.toLowerCase() ?? s.kind;
    const g = s.affiliation ? `${s.affiliation} (${kindLabel})` : `${kindLabel} sources`;
    byGroup.set(g, (byGroup.get(g) ?? 0) + s.wordsQuoted.value);
  }
  const allQuoted = [...byGroup.values()].reduce((n, v) => n + v, 0);
  const top = [...byGroup].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (top && allQuoted > 0) tail = `; ${Math.round((top[1] * 100) / allQuoted)}% of quoted words from ${top[0]}`;
  else if (total === 0) tail = "; no quoted words";
  return parts.join(", ") + tail;
}

/** Words that make a description indefinite or a count: "a spokesman", "one official", "two people", "some aides". */
const INDEFINITE =
  /^(?:an?|one|some|several|many|most|multiple|two|three|four|five|six|seven|eight|nine|ten|few|other|another|\d+)$/i;
/** Plural heads without a final s. */
const PLURAL_HEADS = new Set(["people", "police", "staff", "men", "women", "children", "clergy", "personnel"]);

/**
 * A mention that cannot be one person the article names elsewhere: plural ("officials", "Senate aides"), indefinite or
 * counted ("a spokesman", "one official", "two people"). "the former president who led the country" or "journalist"
 * may be someone named above.
 */
export function surelyOther(mention: string): boolean {
  const words = mention
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}’'-]/gu, ""))
    .filter(Boolean);
  const cut = words.findIndex((w) => /^(?:who|that|which|whose|of|in|at|for|from|with|on|to|close|familiar)$/i.test(w));
  const phrase = cut > 0 ? words.slice(0, cut) : words;
  if (!phrase.length) return false;
  if (INDEFINITE.test(phrase[0]!)) return true;
  const head = phrase.at(-1)!.toLowerCase();
  return PLURAL_HEADS.has(head) || (/s$/.test(head) && !/(?:ss|us|is)$/.test(head));
}

function figuresOf(inp: CompareInput): ArticleFigures {
  const a = inp.analysis;
  const id = inp.id;
  const tr = (span: Span, field: "title" | "body" = "body"): Trace => ({ articleId: id, span, field });
  const attributions: Figure = {
    value: a.attributions.length,
    trace: a.attributions.flatMap((x) => x.content.map((s) => tr(s))),
  };
  const bySourceKind = Object.fromEntries(
    SOURCE_KINDS.map((k) => [k, { count: fig(), words: fig() }]),
  ) as ArticleFigures["bySourceKind"];
  const cueStances = record(CUE_STANCES);
  const unnamedAttributions = fig();
  for (const x of a.attributions) {
    const b = bySourceKind[x.sourceKind] ?? bySourceKind.other;
    b.count.value++;
    b.count.trace.push(...x.content.map((s) => tr(s)));
    b.words.value += x.quotedWords;
    if (x.quotedWords) b.words.trace.push(...x.content.map((s) => tr(s)));
    const c = cueStances[x.cueStance] ?? cueStances.neutral;
    c.value++;
    if (x.cue) c.trace.push(tr(x.cue));
    if (x.sourceKind === "unnamed" || x.kind === "unnamed") {
      unnamedAttributions.value++;
      unnamedAttributions.trace.push(tr(x.source ?? x.content[0] ?? { start: 0, end: 0 }));
    }
  }
  const attrById = new Map(a.attributions.map((x) => [x.id, x]));
  const sources: SourceFigure[] = a.sources.map((s) => {
    const atts = s.attributionIds.map((i) => attrById.get(i)).filter((x): x is NonNullable<typeof x> => !!x);
    const quoted = atts.filter((x) => x.quotedWords > 0);
    const out: SourceFigure = {
      key: s.key,
      name: s.name,
      kind: s.kind,
      affiliation: s.affiliation,
      named: s.named,
      attributions: { value: atts.length, trace: atts.flatMap((x) => x.content.map((c) => tr(c))) },
      wordsQuoted: {
        value: quoted.reduce((n, x) => n + x.quotedWords, 0),
        trace: quoted.flatMap((x) => x.content.map((c) => tr(c))),
      },
    };
    if (!s.named && inp.text !== undefined && !s.mentions.some((m) => surelyOther(inp.text!.slice(m.start, m.end))))
      out.mayBeNamed = true;
    return out;
  });
  const namedList = sources.filter((s) => s.named && s.attributions.value > 0);
  const namedSources: Figure = {
    value: namedList.length,
    trace: a.sources.filter((s) => namedList.some((n) => n.key === s.key)).flatMap((s) => s.mentions.map((m) => tr(m))),
  };
  const byAff = new Map<string, Figure>();
  for (const s of sources) {
    if (!s.wordsQuoted.value) continue;
    const k = s.affiliation ?? "(none given)";
    const f = byAff.get(k) ?? fig();
    f.value += s.wordsQuoted.value;
    f.trace.push(...s.wordsQuoted.trace);
    byAff.set(k, f);
  }
  const wordsQuotedByAffiliation = [...byAff]
    .map(([affiliation, words]) => ({ affiliation, words }))
    .sort((x, y) => y.words.value - x.words.value || x.affiliation.localeCompare(y.affiliation));

  // Two voices: the outlet's own words, and the words it quotes as a series of their own. Analyses stored before
  // voices existed have no `voice` (their markers count as the writer's) and no `voiceWords`.
  const voiceWords = a.voiceWords ?? { writer: a.wordCount, quoted: 0 };
  const markerCounts = record(MARKER_TYPES);
  const quotedMarkerCounts = record(MARKER_TYPES);
  for (const m of a.markers) {
    const c = m.voice === "quoted" ? quotedMarkerCounts : markerCounts;
    c[m.type].value++;
    c[m.type].trace.push(tr(m.span));
  }
  const densities = Object.fromEntries(
    MARKER_TYPES.map((t) => [t, per1000(markerCounts[t], voiceWords.writer)]),
  ) as Record<MarkerType, Figure>;
  const quotedDensities = Object.fromEntries(
    MARKER_TYPES.map((t) => [t, per1000(quotedMarkerCounts[t], voiceWords.quoted)]),
  ) as Record<MarkerType, Figure>;

  const frameHits = record(FRAME_DIMENSIONS);
  let allHits = 0;
  for (const f of a.frames) {
    const hits = f.voices ? f.hits.filter((_, k) => f.voices[k] !== "quoted") : f.hits;
    frameHits[f.dimension].value += hits.length;
    frameHits[f.dimension].trace.push(...hits.map((h) => tr(h)));
    allHits += hits.length;
  }
  const frameProfile = Object.fromEntries(
    FRAME_DIMENSIONS.map((d) => [
      d,
      { value: allHits ? Math.round((frameHits[d].value * 1000) / allHits) / 1000 : 0, trace: frameHits[d].trace },
    ]),
  ) as Record<FrameDimension, Figure>;

  const labelClasses: Partial<Record<LabelClass, Figure>> = {};
  for (const d of a.descriptors) {
    const f = (labelClasses[d.labelClass] ??= fig());
    f.value++;
    f.trace.push(tr(d.span));
  }
  const claimStances = record(CLAIM_STANCES);
  for (const c of a.claims) {
    claimStances[c.stance].value++;
    claimStances[c.stance].trace.push(tr(c.span));
  }

  const part = (
    markerIdx: number[],
    wordCount: number,
    profile: Record<FrameDimension, number>,
    markers: typeof a.markers,
    field: "title" | "body",
  ): PartDensities => {
    const counts = record(MARKER_TYPES);
    for (const i of markerIdx) {
      const m = markers[i];
      if (!m || m.voice === "quoted") continue;
      counts[m.type].value++;
      counts[m.type].trace.push(tr(m.span, field));
    }
    return {
      wordCount,
      frameProfile: profile,
      densities: Object.fromEntries(MARKER_TYPES.map((t) => [t, per1000(counts[t], wordCount)])) as Record<
        MarkerType,
        Figure
      >,
    };
  };
  const lead = part(
    a.lead.markerIdx,
    a.lead.writerWordCount ?? a.lead.wordCount,
    a.lead.frameProfile,
    a.markers,
    "body",
  );
  const headline = a.title
    ? part(
        a.title.figures.markerIdx,
        a.title.figures.writerWordCount ?? a.title.wordCount,
        a.title.figures.frameProfile,
        a.title.markers,
        "title",
      )
    : null;

  const base = {
    articleId: id,
    wordCount: a.wordCount,
    attributions,
    bySourceKind,
    sources,
    wordsQuotedByAffiliation,
    cueStances,
    namedSources,
    unnamedAttributions,
    densities,
    markerCounts,
    quotedDensities,
    quotedMarkerCounts,
    voiceWords,
    frameProfile,
    labelClasses,
    claimStances,
    lead,
    headline,
  };
  return { ...base, summary: summaryOf(base) };
}

/** Builds the comparison of several analysed articles around the focal one. */
export function compareArticles(
  inputs: CompareInput[],
  opts: { focalId: number; alignThreshold?: number },
): Comparison {
  const sorted = [...inputs].sort((a, b) => (a.id === opts.focalId ? -1 : b.id === opts.focalId ? 1 : a.id - b.id));
  const { canon, actors: allActors } = mergeActors(sorted);

  // Naming matrix: actors that matter (twice in one article, or in two articles).
  type Mention = ArticleAnalysis["mentions"][number];
  type Descriptor = ArticleAnalysis["descriptors"][number];
  const byArticle = new Map<number, Map<string, { mentions: Mention[]; descs: Descriptor[] }>>();
  for (const inp of sorted) {
    const m = new Map<string, { mentions: Mention[]; descs: Descriptor[] }>();
    const slot = (k: string) => {
      const c = canon(k);
      let e = m.get(c);
      if (!e) m.set(c, (e = { mentions: [], descs: [] }));
      return e;
    };
    for (const x of [...inp.analysis.mentions, ...(inp.analysis.title?.mentions ?? [])])
      slot(x.actorKey).mentions.push(x);
    for (const d of [...inp.analysis.descriptors, ...(inp.analysis.title?.descriptors ?? [])])
      slot(d.actorKey).descs.push(d);
    byArticle.set(inp.id, m);
  }
  // Places ("Quay Street") are kept as actors for claim terms but left out of the naming matrix; an actor
  // any article labels is shown even when it is mentioned once.
  const actors = allActors.filter(
    (a) =>
      a.kind !== "place" &&
      (a.articles.length >= 2 ||
        a.articles.some(
          (id) =>
            (byArticle.get(id)?.get(a.key)?.mentions.length ?? 0) >= 2 ||
            (byArticle.get(id)?.get(a.key)?.descs.length ?? 0) >= 1,
        )),
  );
  const salient = new Set(actors.map((a) => a.key));
  const cells: NamingCell[] = [];
  for (const actor of actors) {
    for (const inp of sorted) {
      const e = byArticle.get(inp.id)!.get(actor.key);
      if (!e) continue;
      const { mentions, descs } = e;
      if (!mentions.length && !descs.length) continue;
      const byText = new Map<string, NamingDescriptor>();
      const labelClasses: Partial<Record<LabelClass, Figure>> = {};
      for (const d of descs) {
        const t: Trace = { articleId: inp.id, span: d.span, field: d.field ?? "body" };
        const key = d.text.toLowerCase().replace(/\s+/g, " ");
        const e = byText.get(key) ?? { text: d.text, labelClass: d.labelClass, count: 0, trace: [] };
        e.count++;
        e.trace.push(t);
        byText.set(key, e);
        for (const l of d.labels) {
          const f = (labelClasses[l.labelClass] ??= fig());
          f.value++;
          f.trace.push({ articleId: inp.id, span: l.span, field: d.field ?? "body" });
        }
      }
      const cell: NamingCell = {
        actorKey: actor.key,
        articleId: inp.id,
        mentions: {
          value: mentions.length,
          trace: mentions.map((m) => ({ articleId: inp.id, span: m.span, field: m.field ?? "body" })),
        },
        descriptors: [...byText.values()].sort(
          (x, y) =>
            y.count - x.count ||
            LABEL_PRECEDENCE.indexOf(x.labelClass) - LABEL_PRECEDENCE.indexOf(y.labelClass) ||
            x.text.localeCompare(y.text),
        ),
        labelClasses,
      };
      if (inp.text !== undefined && mentions.some((m) => plainDescription(inp.text!, m.span) !== null))
        cell.describedOtherwise = true;
      cells.push(cell);
    }
  }

  // Claim matrix.
  const claimIndex = new Map<string, { inp: CompareInput; c: ArticleAnalysis["claims"][number] }>();
  const alignInput = sorted.flatMap((inp) => {
    // A participant named only by a pronoun ("he said he would repay") counts as named for alignment.
    const pronouns = pronounParticipants(inp.analysis);
    return inp.analysis.claims.map((c) => {
      claimIndex.set(`${inp.id}|${c.id}`, { inp, c });
      const p = pronouns.get(c.id);
      return {
        articleId: inp.id,
        claimId: c.id,
        terms: [...c.terms, ...(p ? ["@" + p] : [])].map((t) => (t.startsWith("@") ? "@" + canon(t.slice(1)) : t)),
        text: c.text,
      };
    });
  });
  const groups = alignClaims(alignInput, { threshold: opts.alignThreshold });
  // The focal sentences are read only when a group would otherwise be listed as lacking (the check decides nothing
  // else, and reading every sentence of every article costs more than the alignment itself).
  let carry: CarryIndex | null | undefined;
  const actorNames = new Map(allActors.map((a) => [a.key, a.name]));
  const actorName = (key: string) => actorNames.get(key) ?? key;
  const order = new Map(sorted.map((s, i) => [s.id, i]));
  const claimGroups: ClaimGroupRow[] = groups.map((g, gi) => {
    const cellsOf: ClaimCell[] = g.members.map((m) => {
      const { c, inp } = claimIndex.get(`${m.articleId}|${m.claimId}`)!;
      const att = c.attributionId ? inp.analysis.attributions.find((x) => x.id === c.attributionId) : undefined;
      return {
        articleId: m.articleId,
        claimId: c.id,
        stance: c.stance,
        sourceKey: c.sourceKey,
        sourceName: c.sourceName,
        text: c.text,
        trace: (c.spans ?? [c.span]).map((s) => ({ articleId: m.articleId, span: s, field: c.field ?? "body" })),
        centrality: m.centrality,
        similarity: m.similarity,
        sharedWithCentral: readableTerms(m.shared, c.text, actorName),
        stanceEvidence: (c.evidence ?? []).filter((e) => !/^stance\./.test(e)),
        attributionTrace: att
          ? [att.source, att.cue]
              .filter((x): x is Span => !!x)
              .map((span) => ({ articleId: m.articleId, span, field: c.field ?? "body" }))
          : [],
      };
    });
    cellsOf.sort((x, y) => order.get(x.articleId)! - order.get(y.articleId)! || y.centrality - x.centrality);
    const arts = [...new Set(cellsOf.map((c) => c.articleId))];
    const stances: Partial<Record<ClaimStance, number>> = {};
    for (const c of cellsOf) stances[c.stance] = (stances[c.stance] ?? 0) + 1;
    const near = arts.includes(opts.focalId) ? undefined : g.closest.find((x) => x.articleId === opts.focalId);
    const nearClaim = near ? claimIndex.get(`${near.articleId}|${near.claimId}`)?.c : undefined;
    const focalClosest: ClosestClaim | null =
      near && nearClaim
        ? {
            articleId: near.articleId,
            claimId: nearClaim.id,
            text: nearClaim.text,
            similarity: near.similarity,
            coverage: near.coverage,
            trace: (nearClaim.spans ?? [nearClaim.span]).map((s) => ({
              articleId: near.articleId,
              span: s,
              field: nearClaim.field ?? "body",
            })),
            clause: near.clause.map((x) => nearClaim.text.slice(x.start, x.end)).join(" … "),
            clauseTrace: near.clause.flatMap((x) =>
              textRangeSpans(nearClaim.spans ?? [nearClaim.span], x).map((span) => ({
                articleId: near.articleId,
                span,
                field: nearClaim.field ?? "body",
              })),
            ),
          }
        : null;
    const candidate = focalLacksClaim(arts, opts.focalId, focalClosest, sorted.length);
    if (candidate && carry === undefined) carry = carrySentences(sorted, opts.focalId);
    const sentence =
      candidate && carry
        ? nearestCarrier(
            cellsOf.map((c) => c.text),
            carry,
          )
        : null;
    const focalSentence: ClosestSentence | null = sentence
      ? {
          articleId: opts.focalId,
          claimId: sentence.sentence.claimId,
          text: sentence.sentence.text,
          similarity: Math.round(sentence.containment * 1000) / 1000,
          trace: sentence.sentence.spans.map((span) => ({ articleId: opts.focalId, span, field: "body" as const })),
          memberClause: sentence.clause,
        }
      : null;
    const focalLacks = focalLacksClaim(arts, opts.focalId, focalClosest, sorted.length, focalSentence);
    return {
      id: `g${gi + 1}`,
      label: g.label,
      articles: arts,
      cells: cellsOf,
      onlyIn: arts.length === 1 ? arts[0]! : null,
      focalLacks,
      focalUnclear: !focalLacks && arts.length > 0 && !arts.includes(opts.focalId),
      focalClosest,
      focalSentence,
      closest: g.closest,
      stances,
    };
  });

  return {
    focalId: opts.focalId,
    codebookVersion: codebook.version,
    analyserVersions: [...new Set(sorted.map((s) => s.analysis.version))],
    articles: sorted.map((s) => ({
      id: s.id,
      title: s.title,
      outlet: s.outlet,
      url: s.url,
      published: s.published,
      wordCount: s.analysis.wordCount,
      focal: s.id === opts.focalId,
    })),
    actors: actors.filter((a) => salient.has(a.key)),
    naming: { actors: actors.map((a) => a.key), articles: sorted.map((s) => s.id), cells },
    figures: sorted.map(figuresOf),
    claimGroups,
  };
}

/** Words that end a premodifier's run before a name: "the letter by Ana Mire" holds no description of her. */
const NOT_A_MODIFIER = /^(?:by|of|to|from|with|for|on|in|at|and|or|but|as|than|that|said|says|told|against|about)$/i;

/**
 * A description next to a mention, in the text's own words: an apposition after a comma ("Korvath, a group founded in
 * 1990,") or a noun phrase's words before the name from its article on ("the veteran donor Ana Mire"). Null if none.
 */
export function plainDescription(text: string, span: Span): string | null {
  const after = /^,\s+(?:the|a|an)\s+([^,.;:()"“”]{3,80}?)(?=\s*[,.;:)]|\s+(?:who|which|that|whose)\b)/u.exec(
    text.slice(span.end, span.end + 100),
  );
  if (after) return after[1]!;
  const before = /\b(?:the|a|an)\s+(\p{Ll}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,4})\s+$/u.exec(
    text.slice(Math.max(0, span.start - 80), span.start),
  );
  if (before && !before[1]!.split(/\s+/).some((w) => NOT_A_MODIFIER.test(w))) return before[1]!;
  return null;
}

/**
 * Whether the focal article lacks a group's claim: other articles carry it (with three articles or more, two
 * others), the focal article is not in the group, its closest claim is neither as similar as MAY_CARRY nor covers
 * MAY_COVER of the shorter claim's terms, and no focal sentence holds CARRY_FLOOR of a member clause's weighted words
 * (it may carry the proposition in other words: better to list fewer omissions than a false one).
 */
export function focalLacksClaim(
  articles: number[],
  focalId: number,
  focalClosest: Pick<ClosestClaim, "similarity" | "coverage"> | null,
  articleCount = 2,
  focalSentence: Pick<ClosestSentence, "similarity"> | null = null,
): boolean {
  if (articles.includes(focalId) || articles.length === 0) return false;
  // With three articles or more, two others must carry it: one outlet's claim that the focal article seems not to
  // share is most often the same fact in other words (BASIL dev: listed omissions true 50% → 81% of the time).
  if (articles.length < Math.min(2, articleCount - 1)) return false;
  if (focalSentence && focalSentence.similarity >= CARRY_FLOOR) return false;
  return !(focalClosest && (focalClosest.similarity >= MAY_CARRY || (focalClosest.coverage ?? 0) >= MAY_COVER));
}

/** The focal article's sentences (its claims' texts when the comparison has no text), indexed for the omission check. */
function carrySentences(sorted: CompareInput[], focalId: number): CarryIndex | null {
  const inp = sorted.find((x) => x.id === focalId);
  if (!inp) return null;
  const claims = inp.analysis.claims.filter((c) => (c.field ?? "body") === "body");
  if (inp.text === undefined)
    return carryIndex(claims.map((c) => ({ spans: c.spans ?? [c.span], text: c.text, claimId: c.id })));
  const text = inp.text;
  return carryIndex(
    inp.analysis.segmentation.sentences.map((span) => {
      const c = claims.find((x) => (x.spans ?? [x.span]).some((p) => p.start < span.end && p.end > span.start));
      return { spans: [span], text: text.slice(span.start, span.end), claimId: c?.id ?? null };
    }),
  );
}

/**
 * The article spans under a range of a claim's text, whose pieces (`spans`) are joined with " … " (see claims.ts).
 */
export function textRangeSpans(spans: Span[], range: ClauseSpan): Span[] {
  const out: Span[] = [];
  let cur = 0;
  for (const s of spans) {
    const len = s.end - s.start;
    const a = Math.max(range.start, cur);
    const b = Math.min(range.end, cur + len);
    if (a < b) out.push({ start: s.start + a - cur, end: s.start + b - cur });
    cur += len + " … ".length;
  }
  return out;
}

/** Terms as a reader sees them: an actor key becomes the actor's name, a stem the first word of the text with that stem. */
function readableTerms(terms: string[], text: string, actorName: (key: string) => string): string[] {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
  const out: string[] = [];
  for (const t of terms) {
    if (t.startsWith("@")) out.push(actorName(t.slice(1)));
    else out.push(words.find((w) => w.toLowerCase() === t || stem(w.toLowerCase().replace(/[’']s$/, "")) === t) ?? t);
  }
  return [...new Set(out)];
}
