// Exports researchers can cite: each table as CSV or JSON, the whole comparison as one JSON bundle, every
// table as CSV in one zip. The resource routes and `cli export` both build files here, so the bytes match.
// Blind mode blinds metadata, then masks the names in every string; masks keep lengths, so offsets hold.
import { strToU8, zipSync } from "fflate";
import { ANALYSER_VERSION, RULES } from "#app/analysis/index";
import codebook from "#app/analysis/codebook.json";
import type { Span } from "#app/analysis/types";
import type { Comparison } from "#app/compare/compare";
import { blindArticle, blindLabels, maskDeep, revealingNamesOf } from "#app/compare/blind";
import { discussionPrompts } from "#app/compare/prompts";
import {
  comparisonTables,
  isTableId,
  tableJsonRows,
  tableToCsv,
  TABLE_IDS,
  type ComparisonTables,
  type TableArticle,
  type TableId,
} from "#app/compare/tables";
import type { Db } from "#app/utils/db.server";
import { loadAnalysedComparison } from "./comparison-analysis.server";
import { lexiconVersions } from "./lexicon-info.server";
import {
  bundleCorrections,
  correctionsCsv,
  provenanceLookup,
  type BundleCorrection,
} from "./corrections-export.server";

export const EXPORT_FORMAT_VERSION = 1;

export interface ExportOptions {
  blind?: boolean;
  /** The URL (or command line) the export was made from, recorded in its provenance. */
  source?: string | null;
  /** The site's origin (https://host), so the provenance can link the comparison; none from the CLI. */
  origin?: string | null;
  now?: Date;
  /** Whose corrections to apply (issue 17): one coder's, or all coders' (the later wins) when null. */
  coder?: string | null;
}

export interface ExportArticle {
  id: number;
  label: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  country: string | null;
  outletKind: string | null;
  language: string | null;
  fictional: boolean;
  wordCount: number;
  focal: boolean;
  summary: string | null;
}

export interface Provenance {
  generator: string;
  formatVersion: number;
  comparison: { id: number; name: string };
  articles: { id: number; label: string; title: string; outlet: string | null; url: string | null }[];
  blind: boolean;
  versions: Versions;
  exportedAt: string;
  source: string | null;
  /** The comparison's page (absolute), when the export was made through the site. */
  link: string | null;
}

export interface Versions {
  analyser: string;
  /** The analyser versions of the stored analyses that were compared (normally just `analyser`). */
  analyses: string[];
  codebook: string;
  lexicons: Record<string, string>;
}

export interface ComparisonExport {
  id: number;
  blind: boolean;
  provenance: Provenance;
  tables: ComparisonTables;
  bundle: Record<string, unknown>;
  /** People's corrections the export applied or lists for review (`corrections.csv`, the bundle's list). */
  corrections: BundleCorrection[];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

function emptyComparison(): Comparison {
  return {
    focalId: 0,
    codebookVersion: codebook.version,
    analyserVersions: [],
    articles: [],
    actors: [],
    naming: { actors: [], articles: [], cells: [] },
    figures: [],
    claimGroups: [],
  };
}

/** Everything one comparison's exports need, blinded when asked; null when there is no such comparison. */
export async function buildComparisonExport(
  db: Db,
  id: number,
  opts: ExportOptions = {},
): Promise<ComparisonExport | null> {
  const loaded = await loadAnalysedComparison(db, id, { coder: opts.coder ?? null });
  if (!loaded) return null;
  const blind = !!opts.blind;
  const { detail, analyses } = loaded;
  const comparison = loaded.comparison ?? emptyComparison();
  const members = detail.articles.filter((a) => analyses.has(a.id));
  const labels = blindLabels(members);
  const names = blind
    ? revealingNamesOf(detail.articles.map((a) => ({ outlet: a.outletName, author: a.author, url: a.url })))
    : [];
  const summaries = new Map(comparison.figures.map((f) => [f.articleId, f.summary]));

  const articles: ExportArticle[] = members.map((a) => {
    const meta = { id: a.id, title: a.title, outlet: a.outletName, author: a.author, url: a.url };
    const shown = blind ? blindArticle(meta, labels.get(a.id)!, names) : meta;
    return {
      id: a.id,
      label: labels.get(a.id)!,
      title: shown.title,
      outlet: shown.outlet,
      author: shown.author ?? null,
      url: shown.url ?? null,
      published: a.published,
      country: blind ? null : a.outletCountry,
      outletKind: blind ? null : a.outletKind,
      language: a.language,
      fictional: a.fictional,
      wordCount: a.wordCount,
      focal: a.id === comparison.focalId,
      summary: summaries.get(a.id) ?? null,
    };
  });
  const tableArticles: TableArticle[] = articles.map((a) => ({
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
  }));
  const candidates = detail.candidates.map((c) => ({
    date: c.date,
    outlet: blind ? null : c.outlet,
    country: blind ? null : c.country,
    title: blind ? null : c.title,
    url: blind ? null : c.url,
    status: c.status,
    articleId: c.articleId,
  }));
  const versions: Versions = {
    analyser: ANALYSER_VERSION,
    analyses: comparison.analyserVersions,
    codebook: codebook.version,
    lexicons: lexiconVersions(),
  };
  const provenance: Provenance = {
    generator: "Parallax",
    formatVersion: EXPORT_FORMAT_VERSION,
    comparison: { id, name: detail.comparison.name },
    articles: articles.map((a) => ({ id: a.id, label: a.label, title: a.title, outlet: a.outlet, url: a.url })),
    blind,
    versions,
    exportedAt: (opts.now ?? new Date()).toISOString(),
    source: opts.source ?? null,
    link: opts.origin ? `${opts.origin}/comparisons/${id}${blind ? "?blind=1" : ""}` : null,
  };

  const tables = comparisonTables(comparison, tableArticles, candidates);
  const promptLabels = new Map(articles.map((a) => [a.id, blind ? a.label : (a.outlet ?? a.label)]));

  // Every span of every article, with the words it covers (quoted from the stored clean text).
  const textOf = new Map(members.map((a) => [a.id, a.text]));
  const titleOf = new Map(members.map((a) => [a.id, a.title]));
  const words = (articleId: number, s: Span | null | undefined, field: "title" | "body" = "body") =>
    s ? ((field === "title" ? titleOf : textOf).get(articleId) ?? "").slice(s.start, s.end) : null;
  // Corrections hook (issue 17): each item says whether people changed it, with the machine's value beside it.
  const prov = provenanceLookup(loaded.corrections);
  const machineSourceKind = (articleId: number, attributionId: string) =>
    loaded.corrections.machine.get(articleId)?.attributions.find((a) => a.id === attributionId)?.sourceKind ?? null;
  const corrections = bundleCorrections(
    loaded.corrections,
    (articleId, field) => (field === "title" ? titleOf : textOf).get(articleId) ?? "",
  );
  const attributions = members.flatMap((m) => {
    const an = analyses.get(m.id)!;
    const sourceName = new Map(an.sources.map((s) => [s.key, s.name]));
    return an.attributions.map((x) => ({
      articleId: m.id,
      id: x.id,
      kind: x.kind,
      source: x.source,
      sourceText: words(m.id, x.source),
      cue: x.cue,
      cueText: words(m.id, x.cue),
      content: x.content,
      contentText: x.content.map((c) => words(m.id, c)),
      sourceKey: x.sourceKey,
      sourceName: x.sourceKey ? (sourceName.get(x.sourceKey) ?? null) : null,
      sourceKind: x.sourceKind,
      affiliation: x.affiliation,
      cueStance: x.cueStance,
      words: x.words,
      quotedWords: x.quotedWords,
      rule: x.rule,
      evidence: x.evidence,
      machineSourceKind: machineSourceKind(m.id, x.id),
      ...prov(m.id, [`attr:${x.id}`, ...(x.sourceKey ? [`source:${x.sourceKey}`] : [])]),
    }));
  });
  const sources = members.flatMap((m) =>
    analyses.get(m.id)!.sources.map((s) => ({ articleId: m.id, ...s, ...prov(m.id, [`source:${s.key}`]) })),
  );
  const markers = members.flatMap((m) => {
    const an = analyses.get(m.id)!;
    return [...(an.title?.markers ?? []), ...an.markers].map((x) => ({
      articleId: m.id,
      field: x.field ?? "body",
      ...x,
      text: words(m.id, x.span, x.field ?? "body"),
      ...prov(m.id, [`marker:${x.field ?? "body"}:${x.span.start}-${x.span.end}`]),
    }));
  });
  const claims = members.flatMap((m) =>
    analyses
      .get(m.id)!
      .claims.map((c) => ({ articleId: m.id, field: c.field ?? "body", ...c, ...prov(m.id, [`claim:${c.id}`]) })),
  );
  const descriptors = members.flatMap((m) => {
    const an = analyses.get(m.id)!;
    return [...(an.title?.descriptors ?? []), ...an.descriptors].map((d) => ({
      articleId: m.id,
      field: d.field ?? "body",
      ...d,
      ...prov(m.id, [`desc:${d.field ?? "body"}:${d.span.start}-${d.span.end}`]),
    }));
  });
  const mentions = members.flatMap((m) => {
    const an = analyses.get(m.id)!;
    return [...(an.title?.mentions ?? []), ...an.mentions].map((x) => ({
      articleId: m.id,
      field: x.field ?? "body",
      ...x,
    }));
  });
  const frames = members.map((m) => {
    const an = analyses.get(m.id)!;
    const fig = comparison.figures.find((f) => f.articleId === m.id);
    return {
      articleId: m.id,
      profile: Object.fromEntries(
        Object.entries(fig?.frameProfile ?? {}).map(([d, f]) => [
          d,
          { share: f.value, hits: f.trace.map((t) => t.span) },
        ]),
      ),
      paragraphs: an.frames,
      segmentation: an.segmentation,
    };
  });

  let bundle: Record<string, unknown> = {
    format: "parallax-comparison-bundle",
    provenance,
    versions,
    comparison: {
      id,
      name: detail.comparison.name,
      description: detail.comparison.description,
      focalArticleId: comparison.focalId || null,
    },
    articles,
    attributions,
    sources,
    claims,
    markers,
    descriptors,
    mentions,
    figures: comparison.figures,
    claimMatrix: { articles: comparison.articles.map((a) => a.id), groups: comparison.claimGroups },
    namingMatrix: { ...comparison.naming, actorDetails: comparison.actors },
    frames,
    tables: Object.fromEntries(
      TABLE_IDS.map((t) => [
        t,
        {
          title: tables[t].title,
          description: tables[t].description,
          columns: tables[t].columns,
          rows: tableJsonRows(tables[t]),
        },
      ]),
    ),
    prompts: comparison.articles.length ? discussionPrompts(comparison, promptLabels) : [],
    rules: RULES,
    codebook,
    corrections,
  };
  if (blind) {
    // The names of outlets and authors also occur inside the texts' own words (sources, claims, titles).
    bundle = maskDeep(bundle, names);
    return {
      id,
      blind,
      provenance: maskDeep(provenance, names),
      tables: maskDeep(tables, names),
      bundle,
      corrections: maskDeep(corrections, names),
    };
  }
  return { id, blind, provenance, tables, bundle, corrections };
}

function stem(exp: ComparisonExport): string {
  return `parallax-${exp.id}${exp.blind ? "-blind" : ""}`;
}

/** Provenance as the last columns of every CSV row: the file stays a plain table and still says where it came from. */
export const CSV_PROVENANCE_COLUMNS = [
  "comparison_id",
  "comparison_name",
  "comparison_link",
  "analyser_version",
  "exported_at",
] as const;

export function tableCsvFile(exp: ComparisonExport, table: TableId): ExportFile {
  const t = exp.tables[table];
  const p = exp.provenance;
  const extra = {
    comparison_id: p.comparison.id,
    comparison_name: p.comparison.name,
    comparison_link: p.link ?? "",
    analyser_version: p.versions.analyser,
    exported_at: p.exportedAt,
  };
  const withProvenance = {
    ...t,
    columns: [...t.columns, ...CSV_PROVENANCE_COLUMNS],
    rows: t.rows.map((r) => ({ ...r, cells: { ...r.cells, ...extra } })),
  };
  return {
    filename: `${stem(exp)}-${table}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: tableToCsv(withProvenance),
  };
}

export function tableJsonFile(exp: ComparisonExport, table: TableId): ExportFile {
  const t = exp.tables[table];
  const body = {
    provenance: exp.provenance,
    table: {
      id: t.id,
      title: t.title,
      description: t.description,
      codebookVersion: t.codebookVersion,
      columns: t.columns,
    },
    rows: tableJsonRows(t),
  };
  return {
    filename: `${stem(exp)}-${table}.json`,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(body, null, 1) + "\n",
  };
}

export function bundleFile(exp: ComparisonExport): ExportFile {
  return {
    filename: `${stem(exp)}-bundle.json`,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(exp.bundle, null, 1) + "\n",
  };
}

/** People's corrections, one row per correction: machine value, final value, corrected flag, correction id. */
export function correctionsCsvFile(exp: ComparisonExport): ExportFile {
  return {
    filename: `${stem(exp)}-corrections.csv`,
    contentType: "text/csv; charset=utf-8",
    body: correctionsCsv(exp.corrections),
  };
}

/** One CSV per table, plus the provenance as JSON (a CSV has nowhere to carry it). */
export function tablesZipFile(exp: ComparisonExport): ExportFile {
  const files: Record<string, Uint8Array> = {};
  for (const t of TABLE_IDS) {
    const f = tableCsvFile(exp, t);
    files[f.filename] = strToU8(f.body as string);
  }
  // People's corrections, when there are any (a comparison nobody corrected keeps its one CSV per table).
  if (exp.corrections.length) {
    const cf = correctionsCsvFile(exp);
    files[cf.filename] = strToU8(cf.body as string);
  }
  files[`${stem(exp)}-provenance.json`] = strToU8(JSON.stringify(exp.provenance, null, 1) + "\n");
  return {
    filename: `${stem(exp)}-tables.zip`,
    contentType: "application/zip",
    body: zipSync(files, { level: 6, mtime: new Date(exp.provenance.exportedAt) }),
  };
}

/** The file a route's `$file` names: `<table>.csv`, `<table>.json`, `bundle.json` or `tables.zip`; null if none. */
export function exportFileByName(exp: ComparisonExport, name: string): ExportFile | null {
  if (name === "bundle.json") return bundleFile(exp);
  if (name === "tables.zip") return tablesZipFile(exp);
  if (name === "corrections.csv") return correctionsCsvFile(exp);
  const m = /^([a-z-]+)\.(csv|json)$/.exec(name);
  if (!m || !isTableId(m[1]!)) return null;
  return m[2] === "csv" ? tableCsvFile(exp, m[1]) : tableJsonFile(exp, m[1]);
}

/** Whether a route's `$file` could name an export at all (checked before any database work). */
export function isExportFileName(name: string): boolean {
  if (name === "bundle.json" || name === "tables.zip" || name === "corrections.csv") return true;
  const m = /^([a-z-]+)\.(csv|json)$/.exec(name);
  return !!m && isTableId(m[1]!);
}

export const EXPORT_FILE_NAMES = [
  "bundle.json",
  "tables.zip",
  "corrections.csv",
  ...TABLE_IDS.flatMap((t) => [`${t}.csv`, `${t}.json`]),
];

export function attachmentResponse(file: ExportFile): Response {
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

function notFound(message: string): Response {
  return new Response(message + "\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The export route's whole job: parse, build, answer (404 with a plain message for an unknown comparison or file). */
export async function exportResponse(
  db: Db,
  rawId: string | undefined,
  rawFile: string | undefined,
  request: Request,
): Promise<Response> {
  const id = rawId && /^\d{1,12}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) return notFound(`No comparison with id “${rawId ?? ""}”.`);
  const file = rawFile ?? "";
  if (!isExportFileName(file))
    return notFound(`No export named “${file}”. Available: ${EXPORT_FILE_NAMES.join(", ")}.`);
  const url = new URL(request.url);
  const exp = await buildComparisonExport(db, id, {
    blind: url.searchParams.get("blind") === "1",
    source: url.pathname + url.search,
    origin: url.origin,
  });
  if (!exp) return notFound(`No comparison with id ${id}.`);
  return attachmentResponse(exportFileByName(exp, file)!);
}
