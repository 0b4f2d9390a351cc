import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import codebook from "#app/analysis/codebook.json";
import { RULES, type ArticleAnalysis } from "#app/analysis/index";
import { blindLabels, maskDeep, maskNames, revealingNamesOf } from "#app/compare/blind";
import type { Trace } from "#app/compare/compare";
import type { CardSpec, HighlightSpec } from "#app/components/article-reader";
import { kindLabel } from "#app/components/sourcing-view";
import { listArticles } from "#app/models/articles.server";
import { loadAnalysedComparisonCached, type AnalysedComparison } from "#app/models/comparison-analysis.server";
import {
  addArticleToComparison,
  deleteComparison,
  getComparison,
  removeArticleFromComparison,
  renameComparison,
  setFocalArticle,
} from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId, readForm } from "#app/utils/http.server";
import { pickColumns, withColumns } from "./columns";
import { discussionPrompts, type DiscussionPrompt } from "#app/compare/prompts";
import { isRealFocus, resolveFocus, shapeDashboard, type Focus } from "./dashboard";
import { shareSession } from "./share-session.server";
import { citeComparison } from "./cite.server";
import { isSnapshotId } from "#app/models/snapshots.server";
import { LAYERS, readView, viewQuery, type Layer } from "./view";
import { correctionsSummary } from "#app/models/corrections.server";
import { canCorrect, coderOf } from "../articles.$id_.corrections/corrections.server";
import { kindEvidenceRow } from "#app/components/kind-evidence";
import { withServerOnly } from "#app/components/island";
import { dashboardSummary } from "#app/components/charts/summary";
import { serverCharts, type ServerCharts } from "#app/components/charts/render.server";
import { chartStore } from "#app/models/chart-markup.server";
import { readerColumnsHtml } from "./reader-html.server";

function cbLabel(list: { id: string; label: string }[], id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

function rule(id: string): string {
  return RULES[id] ? `${id}: ${RULES[id]}` : id;
}

/** Highlight specs (serialisable; the page turns cards into markup) for one column's layers and focus. */
function columnHighlights(
  articleId: number,
  text: string,
  an: ArticleAnalysis | undefined,
  layers: Layer[],
  claimTraces: { trace: Trace[]; card: CardSpec }[],
  focus: { traces: Trace[]; description: string } | null,
  correctLink: ((layer: string, s: { start: number; end: number }, field: string) => CardSpec["link"]) | null = null,
): { body: HighlightSpec[]; title: HighlightSpec[] } {
  const body: HighlightSpec[] = [];
  const title: HighlightSpec[] = [];
  // Every layer is rendered, tagged with its layer; the page shows the chosen ones (toggled in the browser at once).
  void layers;
  if (an) {
    const byKey = new Map(an.sources.map((s) => [s.key, s]));
    for (const a of an.attributions) {
      const src = a.sourceKey ? byKey.get(a.sourceKey) : undefined;
      const cueText = a.cue ? text.slice(a.cue.start, a.cue.end) : null;
      const sourceName = src ? src.name : a.source ? text.slice(a.source.start, a.source.end) : "none named";
      const card: CardSpec = {
        heading: `Attribution: ${kindLabel(a.sourceKind)} source`,
        rows: [
          `Source: ${sourceName}${src?.description ? ` (${src.description})` : ""}`,
          `Kind: ${kindLabel(a.sourceKind)}${a.affiliation ? ` · affiliation: ${a.affiliation}` : ""}`,
          ...[kindEvidenceRow(src, a)].filter((r): r is string => r !== null),
          ...(cueText
            ? [`Reporting word: “${cueText}” (${cbLabel(codebook.cueStances, a.cueStance).toLowerCase()})`]
            : []),
          `Rule ${rule(a.rule)}`,
        ],
        // Corrections hook (issue 17): from the focus card to a form for this item.
        ...(correctLink && a.content[0]
          ? {
              link: a.source
                ? correctLink("source", a.source, "kind")
                : correctLink("attribution", a.content[0], "status"),
            }
          : {}),
      };
      const label = `Attribution to ${sourceName}, ${kindLabel(a.sourceKind)}${cueText ? `, reporting word ${cueText}` : ""}`;
      a.content.forEach((c, i) =>
        body.push({
          start: c.start,
          end: c.end,
          className: `hl-content kind-${a.sourceKind} layer-attr`,
          card: i === 0 ? card : undefined,
          label: i === 0 ? label : undefined,
        }),
      );
      if (a.source)
        body.push({ start: a.source.start, end: a.source.end, className: `hl-source kind-${a.sourceKind} layer-attr` });
      if (a.cue) body.push({ start: a.cue.start, end: a.cue.end, className: "hl-cue layer-attr" });
    }
  }
  const markerLayer = (t: string): Layer | null =>
    t === "hedge" || t === "booster" ? "hedge" : t === "scare_quote" ? "scare" : t === "loaded" ? "loaded" : null;
  if (an) {
    const markers = [
      ...an.markers.map((m) => ({ ...m, field: "body" as const })),
      ...(an.title?.markers ?? []).map((m) => ({ ...m, field: "title" as const })),
    ];
    for (const m of markers) {
      const l = markerLayer(m.type);
      if (!l) continue;
      const card: CardSpec = {
        heading: cbLabel(codebook.markerTypes, m.type),
        rows: [
          ...(m.lexiconEntry
            ? [`Lexicon entry: “${m.lexiconEntry}”${m.category && m.category !== m.type ? ` (${m.category})` : ""}`]
            : []),
          ...((m.voice ?? (m.inQuote ? "quoted" : "writer")) === "quoted"
            ? ["Quoted speech: the words of someone quoted, counted apart from the outlet's own words."]
            : []),
          `Rule ${rule(m.rule)}`,
        ],
      };
      (m.field === "title" ? title : body).push({
        start: m.span.start,
        end: m.span.end,
        className: `hl-${m.type} layer-${l}${(m.voice ?? (m.inQuote ? "quoted" : "writer")) === "quoted" ? " hl-quoted-voice" : ""}`,
        card,
        label: `${cbLabel(codebook.markerTypes, m.type)}: ${m.text}`,
      });
    }
  }
  for (const c of claimTraces) {
    c.trace.forEach((t, i) => {
      if (t.articleId !== articleId) return;
      const card =
        correctLink && t.field !== "title" ? { ...c.card, link: correctLink("claim", t.span, "stance") } : c.card;
      (t.field === "title" ? title : body).push({
        start: t.span.start,
        end: t.span.end,
        className: "hl-claim layer-claims",
        card: i === 0 ? card : undefined,
        label: i === 0 ? c.card.heading : undefined,
      });
    });
  }
  if (focus) {
    const mine = focus.traces.filter((t) => t.articleId === articleId && t.span.end > t.span.start);
    const card: CardSpec = { heading: "Behind the number", rows: [`Counted in: ${focus.description}`] };
    const titleT = mine.filter((t) => t.field === "title").sort((a, b) => a.span.start - b.span.start);
    const bodyT = mine.filter((t) => t.field !== "title").sort((a, b) => a.span.start - b.span.start);
    titleT.forEach((t, i) =>
      title.push({
        start: t.span.start,
        end: t.span.end,
        className: "hl-target",
        anchor: i === 0 ? "focus" : undefined,
        card: i === 0 ? card : undefined,
      }),
    );
    bodyT.forEach((t, i) =>
      body.push({
        start: t.span.start,
        end: t.span.end,
        className: "hl-target",
        anchor: i === 0 && !titleT.length ? "focus" : undefined,
        card: i === 0 && !titleT.length ? card : undefined,
      }),
    );
  }
  return { body, title };
}

function promptFocus(prompts: DiscussionPrompt[], token: string): Focus | null {
  const id = token.split(":").slice(2).join(":");
  const p = prompts.find((x) => x.id === id);
  if (!p) return null;
  return {
    token,
    description: "the evidence for a discussion question",
    traces: p.evidence,
    articleIds: [...new Set([...p.articles, ...p.evidence.map((t) => t.articleId)])],
  };
}

/** What every view of one comparison (revision and blind mode) shares, computed once per loaded comparison. */
const shared = new WeakMap<AnalysedComparison, Map<boolean, ReturnType<typeof computeSharedParts>>>();

function sharedParts(loaded: AnalysedComparison, blind: boolean) {
  let byBlind = shared.get(loaded);
  if (!byBlind) shared.set(loaded, (byBlind = new Map()));
  let parts = byBlind.get(blind);
  if (!parts) byBlind.set(blind, (parts = computeSharedParts(loaded, blind)));
  return parts;
}

/** Blind labels, the articles' labels, the dashboard's data and the discussion prompts: the same for every view. */
function computeSharedParts(loaded: AnalysedComparison, blind: boolean) {
  const { detail, analyses, comparison: cmp } = loaded;
  const memberIds = detail.articles.map((a) => a.id);

  // Blind labels as the exports give them: analysed members in the comparison's order (focal first), then the rest.
  const order = [...memberIds.filter((m) => analyses.has(m)), ...memberIds.filter((m) => !analyses.has(m))];
  const labels = blindLabels(order.map((x) => ({ id: x })));
  const names = blind
    ? revealingNamesOf(detail.articles.map((a) => ({ outlet: a.outletName, author: a.author, url: a.url })))
    : [];
  const metas = detail.articles.map((a) => {
    const label = labels.get(a.id)!;
    return blind
      ? {
          id: a.id,
          short: label,
          title: maskNames(a.title, names),
          outlet: label,
          author: null,
          url: null,
          published: a.published,
          country: null,
          kind: null,
          fictional: a.fictional,
        }
      : {
          id: a.id,
          short: a.outletName
            ? a.outletName.length > 26
              ? a.outletName.slice(0, 25) + "…"
              : a.outletName
            : `Article #${a.id}`,
          title: a.title,
          outlet: a.outletName,
          author: a.author,
          url: a.url,
          published: a.published,
          country: a.outletCountry,
          kind: a.outletKind,
          fictional: a.fictional,
        };
  });
  // Two articles from one outlet need telling apart on the axes.
  const seen = new Map<string, number>();
  for (const m of metas) seen.set(m.short, (seen.get(m.short) ?? 0) + 1);
  for (const m of metas) if ((seen.get(m.short) ?? 0) > 1) m.short = `${m.short} (#${m.id})`;
  const metaById = new Map(metas.map((m) => [m.id, m]));

  const dash = cmp
    ? shapeDashboard(
        cmp,
        metas,
        blind
          ? detail.candidates.map((c) => ({ id: c.id, date: c.date, title: null, outlet: null, status: c.status }))
          : detail.candidates,
      )
    : null;
  const prompts =
    cmp && cmp.articles.length > 1 ? discussionPrompts(cmp, new Map(metas.map((m) => [m.id, m.short]))) : [];
  // The headline strip: what each article is, before any number (in blind mode the masking below covers it).
  const headlines = detail.articles.map((a) => {
    const m = metaById.get(a.id)!;
    const text = blind ? maskNames(a.text, names) : a.text;
    const s0 = analyses.get(a.id)?.segmentation.sentences[0];
    const first = (s0 ? text.slice(s0.start, s0.end) : (text.split(/\n/)[0] ?? "")).trim();
    return {
      id: a.id,
      label: blind ? m.outlet! : (m.outlet ?? "Outlet unknown"),
      published: m.published,
      title: m.title,
      first: first.length > 260 ? first.slice(0, 259) + "…" : first,
      focal: a.id === detail.comparison.focalArticleId,
    };
  });
  return { memberIds, names, metaById, metas, dash, prompts, headlines };
}

/** Which focus tokens are real numbers of a loaded comparison: the same for every view of it. */
const focusChecks = new WeakMap<AnalysedComparison, (token: string) => boolean>();
function focusCheck(loaded: AnalysedComparison, prompts: DiscussionPrompt[]) {
  let check = focusChecks.get(loaded);
  if (!check) {
    const cmp = loaded.comparison;
    const promptTokens = new Set(prompts.map((p) => `p:${p.articles[0] ?? p.evidence[0]?.articleId ?? 0}:${p.id}`));
    check = (token) => (token.startsWith("p:") ? promptTokens.has(token) : cmp !== null && isRealFocus(cmp, token));
    focusChecks.set(loaded, check);
  }
  return check;
}

/** The corrections' summary, the same for every view of a loaded comparison (counting them costs about 1 ms). */
const corrections = new WeakMap<AnalysedComparison, ReturnType<typeof correctionsSummary>>();
function correctionsOf(loaded: AnalysedComparison) {
  let c = corrections.get(loaded);
  if (!c) corrections.set(loaded, (c = correctionsSummary(loaded.articles, loaded.corrections)));
  return c;
}

/** A number for each loaded comparison (a revision, for one coder): the column memo's keys start with it. */
const serials = new WeakMap<AnalysedComparison, number>();
let nextSerial = 0;
function serialOf(loaded: AnalysedComparison): number {
  let n = serials.get(loaded);
  if (n === undefined) serials.set(loaded, (n = ++nextSerial));
  return n;
}

/** Each column's memo key for its markup (see reader-html.server.ts), set by the loader that built it. */
const columnKeys = new WeakMap<object, string>();
/** The loaded comparison (revision and coder) each page's data was built from, by its serial (see fast-path.server.ts). */
const pageSerials = new WeakMap<object, number>();

/** `texts: false` leaves the columns' texts and highlights out (a page whose reader the browser fetches later). */
export async function loadComparison(
  params: { id?: string },
  request: Request,
  context: AppLoadContext = {},
  opts: { texts?: boolean } = {},
) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const url = new URL(request.url);
  const share = await shareSession(db, request, context.user, id);
  // A blind share link is blind on the server, whatever the URL asks for: there is no reveal to reach.
  const view = { ...readView(url.searchParams), ...(share?.blind ? { blind: true } : {}) };
  // Corrections hook (issue 17): an account sees its own corrections; single-user mode everyone's.
  const loaded = await loadAnalysedComparisonCached(db, id, { coder: coderOf(context).view });
  invariantResponse(loaded, `No comparison with id ${id}.`);
  const { detail, analyses, comparison: cmp } = loaded;
  const { memberIds, names, metaById, metas, dash, prompts, headlines } = sharedParts(loaded, view.blind);
  // The page cache asks this before rendering another view of the same revision for the same reader: a focus
  // naming no number of the comparison is then rendered (and kept) once, as `focus=none` (see response-cache).
  context.registerFocusCheck?.(focusCheck(loaded, prompts));
  const focus = cmp
    ? view.focus?.startsWith("p:")
      ? promptFocus(prompts, view.focus)
      : resolveFocus(cmp, view.focus)
    : null;

  let columns = pickColumns(memberIds, view.cols);
  if (focus)
    columns = withColumns(
      columns,
      focus.articleIds.filter((x) => memberIds.includes(x)),
    );
  if (columns.length < 2 && memberIds.length > 1 && view.focus)
    columns = withColumns(columns, memberIds.filter((x) => !columns.includes(x)).slice(0, 1));

  const group = view.claimGroup && cmp ? cmp.claimGroups.find((g) => g.id === view.claimGroup) : undefined;
  // A chosen claim group shows every article that carries it, so the columns can be aligned on its members.
  if (group)
    columns = withColumns(
      columns,
      [...new Set(group.cells.map((c) => c.articleId))].filter((x) => memberIds.includes(x)),
    );
  const claimTraces = group
    ? group.cells.map((c) => ({
        trace: c.trace,
        card: {
          heading: `Claim: ${group.label}`,
          rows: [
            `Stance: ${cbLabel(codebook.claimStances, c.stance)}${c.sourceName ? ` (source: ${c.sourceName})` : ""}`,
            `Claim group ${group.id}, carried by ${group.articles.length} article${group.articles.length === 1 ? "" : "s"}`,
            ...(group.cells.length > 1 ? [whyGrouped(c)] : []),
          ],
        },
      }))
    : [];

  const cols = columns.map((cid) => {
    const a = detail.articles.find((x) => x.id === cid)!;
    const m = metaById.get(cid)!;
    const text = opts.texts === false ? "" : view.blind ? maskNames(a.text, names) : a.text;
    const back = `/comparisons/${id}?${new URLSearchParams(viewQuery(view)).toString()}#reader`;
    const correctLink =
      !view.blind && !share && canCorrect(context)
        ? (layer: string, s: { start: number; end: number }, field: string) => ({
            href: `/articles/${cid}/corrections?layer=${layer}&field=${field}&start=${s.start}&end=${s.end}&back=${encodeURIComponent(back)}`,
            label: "Correct this",
          })
        : null;
    const hl =
      opts.texts === false
        ? { body: [], title: [] }
        : columnHighlights(cid, text, analyses.get(cid), view.layers, claimTraces, focus, correctLink);
    const col = {
      id: cid,
      /** Kept for callers that read `columns[i].article` (tests, older code). */
      article: { id: cid, title: m.title },
      title: m.title,
      byline: [m.outlet ?? "outlet unknown", m.published, m.author].filter(Boolean).join(" · "),
      fictional: m.fictional,
      focal: cid === detail.comparison.focalArticleId,
      text,
      highlights: hl.body,
      titleHighlights: hl.title,
    };
    // What this column's markup depends on beyond the loaded revision: its focus spans, claim group and links.
    if (opts.texts !== false) {
      const mine = focus ? focus.traces.filter((t) => t.articleId === cid && t.span.end > t.span.start) : [];
      columnKeys.set(
        col,
        [
          serialOf(loaded),
          view.blind ? 1 : 0,
          cid,
          group?.id ?? "",
          correctLink ? back : "",
          mine.length ? `${focus!.description}\u0001${JSON.stringify(mine)}` : "",
        ].join("\u0000"),
      );
    }
    return col;
  });

  // The library picker is listed on request (a search, empty for the latest): every import elsewhere
  // changes that list, and the page without it can be cached until the comparison itself changes.
  const librarySearched = url.searchParams.has("lq") && !view.blind;
  const lq = url.searchParams.get("lq")?.slice(0, 200) ?? "";
  const library = librarySearched
    ? (await listArticles(db, { q: lq, limit: 30 }))
        .filter((a) => !memberIds.includes(a.id))
        .map((a) => ({ id: a.id, title: a.title, outletName: a.outletName }))
    : [];
  const notice = url.searchParams.get("notice");
  const coverage = {
    total: detail.candidates.length,
    imported: detail.candidates.filter((c) => c.status === "imported").length,
  };
  const result = {
    printTexts: view.print && url.searchParams.get("texts") === "1",
    headlines,
    coverage,
    shared: share ? { blind: share.blind } : null,
    comparison: {
      id,
      name: detail.comparison.name,
      description: detail.comparison.description,
      focalArticleId: detail.comparison.focalArticleId,
    },
    view: { ...view, layers: view.layers as string[] },
    query: viewQuery(view),
    members: metas.map((m) => ({
      id: m.id,
      title: m.title,
      byline: [m.outlet ?? "outlet unknown", m.published, m.author].filter(Boolean).join(" · "),
      fictional: m.fictional,
      focal: m.id === detail.comparison.focalArticleId,
    })),
    dash,
    focus: focus
      ? {
          token: focus.token,
          description: focus.description,
          spans: focus.traces.length,
          articleId: focus.articleIds[0] ?? null,
        }
      : view.focus
        ? { token: view.focus, description: "", spans: 0, articleId: null }
        : null,
    columns: cols,
    prompts: prompts.map((p) => ({
      id: p.id,
      text: p.text,
      token: `p:${p.articles[0] ?? p.evidence[0]?.articleId ?? 0}:${p.id}`,
      spans: p.evidence.length,
    })),
    claimGroupOptions: cmp
      ? cmp.claimGroups
          .filter((g) => g.articles.length > 1 || g.id === view.claimGroup)
          .slice(0, 80)
          .map((g) => ({ id: g.id, label: g.label.length > 90 ? g.label.slice(0, 89) + "…" : g.label }))
      : [],
    candidates: view.blind ? [] : detail.candidates,
    library,
    librarySearched,
    lq,
    notice:
      notice === "added" || notice === "duplicate" || notice === "removed" || notice === "renamed" || notice === "cited"
        ? notice
        : null,
    /** The snapshot just taken ("Cite this comparison"), whose permanent link the page shows. */
    snapshotId:
      notice === "cited" && !share && isSnapshotId(url.searchParams.get("snapshot") ?? undefined)
        ? url.searchParams.get("snapshot")
        : null,
    layerNames: LAYERS,
    corrections: { comparisonId: id, blind: view.blind, ...correctionsOf(loaded) },
  };
  pageSerials.set(result, serialOf(loaded));
  // Nothing that names an outlet, author or URL may leave the server in blind mode: mask every string.
  if (!view.blind) return result;
  const masked = maskDeep(result, names);
  pageSerials.set(masked, serialOf(loaded));
  // The masked columns are new objects: they keep their markup's keys (which name blind mode).
  masked.columns.forEach((c, i) => {
    const key = columnKeys.get(cols[i]!);
    if (key !== undefined) columnKeys.set(c, key);
  });
  return masked;
}

export type FullPage = Awaited<ReturnType<typeof loadComparison>>;

/** What the server renders into the page's static islands and never sends to the browser as data. */
export interface PageIslands {
  /** The charts' renderer (recharts, server-only), over the charts' data. */
  charts: ServerCharts | null;
  /** The texts' markup (see reader-html.server.ts), or null where the page leaves them for the browser to fetch. */
  readerHtml: string | null;
  /** The loaded comparison (revision and coder) the page was built from: what its charts' markup depends on. */
  serial: number | null;
}

/**
 * Whether the texts come with the page: when the address asks for something in them (a number's spans, a
 * claim group, columns, layers, `reader=1`, a handout with texts). Otherwise the first view (header, charts)
 * comes alone and the browser fetches the texts after it; without JavaScript a link asks for them.
 */
export function readerInPage(sp: URLSearchParams): boolean {
  return (
    ["focus", "cg", "cols", "layers", "layer"].some((k) => sp.has(k)) ||
    sp.get("reader") === "1" ||
    (sp.get("print") === "1" && sp.get("texts") === "1")
  );
}

/**
 * The loader data the browser gets: everything but the charts' data and the texts, which the islands show. The
 * charts' markup stored for this data (drawn before, by any process) is read first, so the render need not draw it.
 */
export async function pageData(full: FullPage, sp: URLSearchParams) {
  const withReader = readerInPage(sp);
  const { dash, columns, ...rest } = full;
  const light = {
    ...rest,
    dash: dash ? dashboardSummary(dash) : null,
    columns: columns.map((c) => ({ id: c.id })),
    readerDeferred: !withReader,
  };
  const charts = dash ? serverCharts(dash, chartStore(getDb(), full.comparison.id, { write: false })) : null;
  await charts?.preload();
  return withServerOnly<typeof light, PageIslands>(light, {
    charts,
    readerHtml: withReader ? readerColumnsHtml(columns, full.focus?.token ?? null, (c) => columnKeys.get(c)) : null,
    serial: pageSerials.get(full) ?? null,
  });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), articleId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("remove"), articleId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("focal"), articleId: z.coerce.number().int().positive() }),
]);

const renameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "A comparison needs a name.")
    .max(200, "The name is too long (at most 200 characters)."),
  description: z.string().trim().max(2000, "The description is too long (at most 2,000 characters).").optional(),
});

export async function comparisonAction(params: { id?: string }, request: Request, context: AppLoadContext = {}) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const detail = await getComparison(db, id);
  invariantResponse(detail, `No comparison with id ${id}.`);
  if (await shareSession(db, request, context.user, id))
    throw data("A share link is read-only: nothing can be changed from it.", { status: 403 });
  const form = await readForm(request);
  const blind = form.get("blind") === "1" ? "&blind=1" : "";
  if (form.get("intent") === "rename") {
    const r = renameSchema.safeParse({
      name: form.get("name") ?? "",
      description: form.get("description") ?? undefined,
    });
    if (!r.success)
      return { error: r.error.issues[0]?.message ?? "That name was not understood.", field: "name" as const };
    await renameComparison(db, id, { name: r.data.name, description: r.data.description ?? null });
    return redirect(`/comparisons/${id}?notice=renamed${blind}`);
  }
  if (form.get("intent") === "cite") {
    const r = await citeComparison(db, id, request, context, blind !== "", loadComparison);
    if ("error" in r) return { error: r.error };
    return redirect(`/comparisons/${id}?notice=cited&snapshot=${r.snapshotId}${blind}`);
  }
  if (form.get("intent") === "delete") {
    if (form.get("confirm") !== "yes") return { error: "Tick the box to confirm the deletion; nothing was deleted." };
    await deleteComparison(db, id);
    return redirect(`/?notice=deleted&n=${detail.articles.length}`);
  }
  const parsed = actionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw data("That request was not understood.", { status: 400 });
  const { intent, articleId } = parsed.data;
  const isMember = detail.articles.some((a) => a.id === articleId);
  if (intent === "add") {
    const exists = await db.query.articles.findFirst({
      where: (t, { eq }) => eq(t.id, articleId),
      columns: { id: true },
    });
    if (!exists) return { error: `There is no article #${articleId} in the library.` };
    await addArticleToComparison(db, id, articleId);
    return redirect(`/comparisons/${id}?notice=added&article=${articleId}${blind}`);
  }
  if (!isMember) return { error: `Article #${articleId} is not in this comparison.` };
  if (intent === "remove") {
    await removeArticleFromComparison(db, id, articleId);
    return redirect(`/comparisons/${id}?notice=removed${blind}`);
  }
  await setFocalArticle(db, id, articleId);
  return redirect(`/comparisons/${id}${blind ? "?blind=1" : ""}`);
}

/** The claim card's reason for a grouping: the names and words a claim shares with the group's most central claim. */
function whyGrouped(c: { similarity?: number; sharedWithCentral?: string[] }): string {
  if (c.similarity === undefined || c.similarity >= 1)
    return "The group's most central claim: its label comes from here";
  const shared = c.sharedWithCentral?.length ? c.sharedWithCentral.join(", ") : "no words";
  return `Grouped because it shares ${shared} with the group's most central claim (similarity ${c.similarity.toFixed(2)})`;
}
