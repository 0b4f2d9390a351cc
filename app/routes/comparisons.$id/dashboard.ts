// Shapes the Comparison into chart data (values + focus tokens) and turns a focus token back into the
// Comparison figure's traces. Pure, so the loader stays thin and the tokens round-trip by construction.
import type { Comparison, Figure, Trace } from "#app/compare/compare";
import codebook from "#app/analysis/codebook.json";
import type {
  CategoryRow,
  Cell,
  ChartArticle,
  ClaimMatrixRow,
  DashboardData,
  NamingRow,
  SourceRow,
  SourcingRow,
  TimelinePoint,
} from "#app/components/charts/types";

export const MAX_CHARTED = 6;
const MAX_VOICES = 10;
const MAX_ACTORS = 25;

export const SOURCE_KIND_IDS = codebook.sourceKinds.map((k) => k.id);
export const CUE_STANCE_IDS = codebook.cueStances.map((k) => k.id);
export const MARKER_IDS = codebook.markerTypes.map((k) => k.id);
export const FRAME_IDS = codebook.frameDimensions.map((k) => k.id);

function cell(f: Figure | undefined, token: string): Cell {
  if (!f) return { v: 0, f: null };
  return { v: f.value, f: f.trace.length ? token : null };
}

function label(list: { id: string; label: string }[], id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

/** Date strings as precise as known ("2016", "2016-03", "2016-03-05") → start of that period. */
export function parsePartialDate(
  s: string | null | undefined,
): { t: number; precision: "year" | "month" | "day" } | null {
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/.exec(s?.trim() ?? "");
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  return { t: Date.UTC(y, (mo ?? 1) - 1, d ?? 1), precision: d ? "day" : mo ? "month" : "year" };
}

/** What the loader knows of each article; the figures add the rest of a ChartArticle. */
export type ArticleMetaIn = Omit<ChartArticle, "focal" | "summary" | "wordCount">;

export function shapeDashboard(
  cmp: Comparison,
  metas: ArticleMetaIn[],
  candidates: { id: number; date: string | null; title: string | null; outlet: string | null; status: string }[],
): DashboardData {
  const metaById = new Map(metas.map((m) => [m.id, m]));
  const figById = new Map(cmp.figures.map((f) => [f.articleId, f]));
  // The page's order (the comparison's, focal first), so blind labels run A, B, C on every chart.
  const rank = (id: number) => {
    const i = metas.findIndex((m) => m.id === id);
    return i < 0 ? metas.length + id : i;
  };
  const ordered = [...cmp.articles].sort((a, b) => rank(a.id) - rank(b.id));
  const articles: ChartArticle[] = ordered.map((a) => {
    const m = metaById.get(a.id);
    return {
      id: a.id,
      short: m?.short ?? a.outlet ?? `#${a.id}`,
      title: m?.title ?? a.title,
      outlet: m?.outlet ?? a.outlet,
      author: m?.author ?? null,
      url: m?.url ?? null,
      published: m?.published ?? a.published,
      country: m?.country ?? null,
      kind: m?.kind ?? null,
      focal: a.focal,
      summary: figById.get(a.id)?.summary ?? "",
      wordCount: a.wordCount,
      fictional: m?.fictional ?? false,
    };
  });
  const charted = articles.slice(0, MAX_CHARTED).map((a) => a.id);
  const figs = charted.map((id) => figById.get(id)).filter((f): f is NonNullable<typeof f> => !!f);

  const sourcing: SourcingRow[] = figs.map((f) => ({
    articleId: f.articleId,
    count: Object.fromEntries(
      SOURCE_KIND_IDS.map((k) => [
        k,
        cell(f.bySourceKind[k as keyof typeof f.bySourceKind]?.count, `k:${f.articleId}:${k}:c`),
      ]),
    ),
    words: Object.fromEntries(
      SOURCE_KIND_IDS.map((k) => [
        k,
        cell(f.bySourceKind[k as keyof typeof f.bySourceKind]?.words, `k:${f.articleId}:${k}:w`),
      ]),
    ),
  }));

  const affTotals = new Map<string, number>();
  for (const f of figs)
    for (const a of f.wordsQuotedByAffiliation)
      affTotals.set(a.affiliation, (affTotals.get(a.affiliation) ?? 0) + a.words.value);
  const topAff = [...affTotals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_VOICES);
  const voices: CategoryRow[] = topAff.map(([aff]) => ({
    id: aff,
    label: aff,
    cells: Object.fromEntries(
      figs.map((f) => {
        const i = f.wordsQuotedByAffiliation.findIndex((x) => x.affiliation === aff);
        return [
          f.articleId,
          i < 0 ? { v: 0, f: null } : cell(f.wordsQuotedByAffiliation[i]!.words, `v:${f.articleId}:${i}`),
        ];
      }),
    ),
  }));
  const sources: SourceRow[] = figs.flatMap((f) =>
    f.sources
      .map((s, i) => ({
        articleId: f.articleId,
        name: s.name,
        kind: s.kind,
        affiliation: s.affiliation,
        named: s.named,
        attributions: cell(s.attributions, `s:${f.articleId}:${i}:a`),
        words: cell(s.wordsQuoted, `s:${f.articleId}:${i}:w`),
      }))
      .filter((s) => s.attributions.v > 0)
      .sort((a, b) => b.words.v - a.words.v || b.attributions.v - a.attributions.v || a.name.localeCompare(b.name)),
  );

  const byCategory = (
    ids: string[],
    labels: { id: string; label: string }[],
    get: (f: (typeof figs)[number], id: string) => Figure | undefined,
    prefix: string,
    scale = 1,
  ): CategoryRow[] =>
    ids.map((id) => ({
      id,
      label: label(labels, id),
      cells: Object.fromEntries(
        figs.map((f) => {
          const c = cell(get(f, id), `${prefix}:${f.articleId}:${id}`);
          return [f.articleId, { ...c, v: Math.round(c.v * scale * 10) / 10 }];
        }),
      ),
    }));
  const cues = byCategory(
    CUE_STANCE_IDS,
    codebook.cueStances,
    (f, id) => f.cueStances[id as keyof typeof f.cueStances],
    "c",
  );
  const tone = byCategory(
    MARKER_IDS,
    codebook.markerTypes,
    (f, id) => f.densities[id as keyof typeof f.densities],
    "m",
  );
  const toneCounts = byCategory(
    MARKER_IDS,
    codebook.markerTypes,
    (f, id) => f.markerCounts[id as keyof typeof f.markerCounts],
    "m",
  );
  // Quoted speech as its own series: the words the article quotes, per 1,000 quoted words.
  const toneQuoted = byCategory(
    MARKER_IDS,
    codebook.markerTypes,
    (f, id) => f.quotedDensities?.[id as keyof typeof f.quotedDensities],
    "mq",
  );
  const frames = byCategory(
    FRAME_IDS,
    codebook.frameDimensions,
    (f, id) => f.frameProfile[id as keyof typeof f.frameProfile],
    "fr",
    100,
  );

  const chartedSet = new Set(charted);
  const claims: ClaimMatrixRow[] = cmp.claimGroups
    .map((g) => ({
      id: g.id,
      label: g.label,
      focalLacks: g.focalLacks,
      onlyFocal: g.onlyIn === cmp.focalId,
      cells: g.cells
        .filter((c) => chartedSet.has(c.articleId))
        .map((c) => ({
          articleId: c.articleId,
          stance: c.stance,
          sourceName: c.sourceName,
          text: c.text,
          f: `cl:${c.articleId}:${g.id}`,
          ...(g.cells.length > 1 && c.similarity !== undefined
            ? {
                why:
                  c.similarity >= 1
                    ? "the group's most central claim"
                    : `shares ${c.sharedWithCentral?.join(", ") || "no words"} with the most central claim (similarity ${c.similarity.toFixed(2)})`,
              }
            : {}),
        })),
      focalClosest: g.focalClosest
        ? {
            articleId: g.focalClosest.articleId,
            text: g.focalClosest.clause || g.focalClosest.text,
            similarity: g.focalClosest.similarity,
          }
        : null,
      focalUnclear: g.focalUnclear,
      focalSentence: g.focalSentence
        ? { articleId: g.focalSentence.articleId, text: g.focalSentence.text, similarity: g.focalSentence.similarity }
        : null,
    }))
    .filter((r) => r.cells.length > 0);
  // Shared claims first: they are where the articles can be compared directly.
  claims.sort((a, b) => new Set(b.cells.map((c) => c.articleId)).size - new Set(a.cells.map((c) => c.articleId)).size);

  const cellsByActor = new Map<string, Comparison["naming"]["cells"]>();
  for (const c of cmp.naming.cells) cellsByActor.set(c.actorKey, [...(cellsByActor.get(c.actorKey) ?? []), c]);
  // The most mentioned actors, and every actor any article labels, even once.
  const namingActors = cmp.actors.filter(
    (a, i) => i < MAX_ACTORS || (cellsByActor.get(a.key) ?? []).some((c) => c.descriptors.length > 0),
  );
  const naming: NamingRow[] = namingActors.map((a) => ({
    key: a.key,
    name: a.name,
    kind: a.kind,
    cells: (cellsByActor.get(a.key) ?? [])
      .filter((c) => chartedSet.has(c.articleId))
      .map((c) => ({
        articleId: c.articleId,
        mentions: cell(c.mentions, `n:${c.articleId}:${a.key}`),
        descriptors: c.descriptors.slice(0, 6).map((d, i) => ({
          text: d.text,
          labelClass: d.labelClass,
          count: d.count,
          f: `nd:${c.articleId}:${a.key}:${i}`,
        })),
      })),
  }));

  const timeline: TimelinePoint[] = [];
  for (const a of articles) {
    const p = parsePartialDate(a.published);
    if (p) timeline.push({ group: "article", id: a.id, date: a.published!, ...p, label: a.short, status: null });
  }
  let undatedCandidates = 0;
  for (const c of candidates) {
    const p = parsePartialDate(c.date);
    if (p)
      timeline.push({ group: "candidate", id: c.id, date: c.date!, ...p, label: c.outlet ?? "", status: c.status });
    else undatedCandidates++;
  }
  timeline.sort((a, b) => a.t - b.t || a.id - b.id);

  return {
    codebookVersion: cmp.codebookVersion,
    analyserVersions: cmp.analyserVersions,
    articles,
    charted,
    sourcing,
    voices,
    sources,
    cues,
    tone,
    toneCounts,
    toneQuoted,
    frames,
    claims,
    claimTotals: {
      all: claims.length,
      focalLacks: claims.filter((c) => c.focalLacks).length,
      onlyFocal: claims.filter((c) => c.onlyFocal).length,
    },
    naming,
    timeline,
    undatedCandidates,
  };
}

export interface Focus {
  token: string;
  /** What the number is, in codebook words (shown on the highlighted spans' cards). */
  description: string;
  traces: Trace[];
  articleIds: number[];
}

/** Turns a focus token from a chart link back into the spans of the Comparison figure it names. */
export function resolveFocus(cmp: Comparison, token: string | null): Focus | null {
  if (!token || token.length > 300) return null;
  const [kind, aidRaw, ...rest] = token.split(":");
  const aid = Number(aidRaw);
  const f = cmp.figures.find((x) => x.articleId === aid);
  if (!f || !kind) return null;
  const out = (description: string, fig: Figure | { trace: Trace[] } | undefined): Focus | null =>
    fig
      ? { token, description, traces: fig.trace, articleIds: [...new Set([aid, ...fig.trace.map((t) => t.articleId)])] }
      : null;
  const [a, b] = rest;
  switch (kind) {
    case "art":
      return { token, description: "the article", traces: [], articleIds: [aid] };
    case "at":
      return out("all attributions", f.attributions);
    case "k": {
      const k = f.bySourceKind[a as keyof typeof f.bySourceKind];
      if (!k) return null;
      return out(
        `${label(codebook.sourceKinds, a!)} sources · ${b === "w" ? "words quoted" : "attributions"}`,
        b === "w" ? k.words : k.count,
      );
    }
    case "v": {
      const v = f.wordsQuotedByAffiliation[Number(a)];
      return v ? out(`words quoted from sources affiliated with ${v.affiliation}`, v.words) : null;
    }
    case "s": {
      const s = f.sources[Number(a)];
      return s
        ? out(`${s.name} · ${b === "w" ? "words quoted" : "attributions"}`, b === "w" ? s.wordsQuoted : s.attributions)
        : null;
    }
    case "c":
      return out(
        `reporting words: ${label(codebook.cueStances, a!).toLowerCase()}`,
        f.cueStances[a as keyof typeof f.cueStances],
      );
    case "m":
      return out(`${label(codebook.markerTypes, a!).toLowerCase()}s`, f.markerCounts[a as keyof typeof f.markerCounts]);
    case "mq":
      return out(
        `${label(codebook.markerTypes, a!).toLowerCase()}s in quoted speech`,
        f.quotedMarkerCounts?.[a as keyof typeof f.quotedMarkerCounts],
      );
    case "fr":
      return out(`frame: ${label(codebook.frameDimensions, a!)}`, f.frameProfile[a as keyof typeof f.frameProfile]);
    case "cl": {
      const g = cmp.claimGroups.find((x) => x.id === a);
      const cells = g?.cells.filter((c) => c.articleId === aid) ?? [];
      if (!g || !cells.length) return null;
      return out(
        `claim: ${g.label} (${cells.map((c) => label(codebook.claimStances, c.stance).toLowerCase()).join(", ")})`,
        { trace: cells.flatMap((c) => c.trace) },
      );
    }
    case "n":
    case "nd": {
      const c = cmp.naming.cells.find((x) => x.actorKey === a && x.articleId === aid);
      if (!c) return null;
      const actor = cmp.actors.find((x) => x.key === a)?.name ?? a;
      if (kind === "n") return out(`mentions of ${actor}`, c.mentions);
      const d = c.descriptors[Number(b)];
      return d
        ? out(`${actor} called “${d.text}” (${label(codebook.labelClasses, d.labelClass).toLowerCase()})`, {
            trace: d.trace,
          })
        : null;
    }
    default:
      return null;
  }
}

/** The article a token's number belongs to (tokens always carry it second), for the link's anchor. */
export function tokenArticle(token: string): number {
  return Number(token.split(":")[1]);
}

const canonicalInt = (s: string | undefined) => s !== undefined && /^(0|[1-9]\d{0,8})$/.test(s);
/** The parts after the article id that each kind of token has, as the charts write them. */
const TOKEN_TAIL: Record<string, (rest: string[]) => boolean> = {
  art: (r) => r.length === 0,
  at: (r) => r.length === 0,
  k: (r) => r.length === 1 || (r.length === 2 && (r[1] === "c" || r[1] === "w")),
  s: (r) => canonicalInt(r[0]) && (r.length === 1 || (r.length === 2 && (r[1] === "a" || r[1] === "w"))),
  v: (r) => r.length === 1 && canonicalInt(r[0]),
  c: (r) => r.length === 1,
  m: (r) => r.length === 1,
  mq: (r) => r.length === 1,
  fr: (r) => r.length === 1,
  cl: (r) => r.length === 1,
  n: (r) => r.length === 1,
  nd: (r) => r.length === 2 && canonicalInt(r[1]),
};

/**
 * Whether `token` names a number this comparison has, written as its links write it: made-up tokens, and
 * spellings of a real one that the links never use (`k:01:…`, extra parts), are not. Prompt tokens (`p:`) are
 * checked by the caller, against the prompts.
 */
export function isRealFocus(cmp: Comparison, token: string): boolean {
  const [kind, aid, ...rest] = token.split(":");
  const tail = kind ? TOKEN_TAIL[kind] : undefined;
  return Boolean(tail && canonicalInt(aid) && tail(rest) && resolveFocus(cmp, token));
}
