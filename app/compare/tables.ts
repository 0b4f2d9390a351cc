// The comparison as flat tables, one row per chart cell (article × category), each row carrying the spans
// behind its number. Chart data views, CSV/JSON exports and the CLI all read these, so a figure means the same
// everywhere. Pure: metadata comes in as given (already blinded by the caller when blind mode is on).
import codebook from "#app/analysis/codebook.json";
import { FRAME_DIMENSIONS } from "#app/analysis/frames";
import type { CueStance, MarkerType, SourceKind } from "#app/analysis/types";
import type { LabelClass } from "#app/analysis/naming";
import Papa from "papaparse";
import type { Comparison, Figure, Trace } from "./compare";

export const TABLE_IDS = [
  "sourcing-mix",
  "voices",
  "cue-stances",
  "claim-matrix",
  "naming-matrix",
  "distance-tone",
  "frames",
  "timeline",
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export type Cell = string | number | boolean | null;

export interface TableSpan {
  start: number;
  end: number;
  field: "title" | "body";
}

export interface TableRow {
  /** Keyed by column name; `spans` holds the offsets as text ("120-158;title:0-12"). */
  cells: Record<string, Cell>;
  /** The spans behind the row's number, for links into the reader. */
  trace: Trace[];
}

export interface Table {
  id: TableId;
  title: string;
  /** One sentence on how to read it, and its unit. */
  description: string;
  codebookVersion: string;
  columns: string[];
  rows: TableRow[];
}

export interface TableArticle {
  id: number;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export interface TableCandidate {
  date: string | null;
  outlet: string | null;
  country: string | null;
  title: string | null;
  url: string | null;
  status: string;
  articleId: number | null;
}

export type ComparisonTables = Record<TableId, Table>;

const SOURCE_KINDS = codebook.sourceKinds.map((k) => k.id as SourceKind);
const CUE_STANCES = codebook.cueStances.map((k) => k.id as CueStance);
const MARKER_TYPES = codebook.markerTypes.map((k) => k.id as MarkerType);
const LABEL_CLASSES = codebook.labelClasses.map((k) => k.id as LabelClass);

function labelOf(list: { id: string; label: string }[], id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

export function isTableId(s: string): s is TableId {
  return (TABLE_IDS as readonly string[]).includes(s);
}

/** Spans as "start-end" joined by ";", title spans prefixed "title:"; sorted and de-duplicated. */
export function spansText(trace: Trace[]): string {
  return tableSpans(trace)
    .map((s) => `${s.field === "title" ? "title:" : ""}${s.start}-${s.end}`)
    .join(";");
}

export function tableSpans(trace: Trace[]): TableSpan[] {
  const seen = new Set<string>();
  const out: TableSpan[] = [];
  for (const t of trace) {
    const field = t.field ?? "body";
    const k = `${field}:${t.span.start}:${t.span.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ start: t.span.start, end: t.span.end, field });
  }
  return out.sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === "title" ? -1 : 1));
}

const ARTICLE_COLUMNS = ["article_id", "outlet", "title", "url"];

/** Builds every table of a comparison. `candidates` (coverage to import) only feed the timeline. */
export function comparisonTables(
  comparison: Comparison,
  articles: TableArticle[],
  candidates: TableCandidate[] = [],
): ComparisonTables {
  const version = comparison.codebookVersion;
  const meta = new Map(articles.map((a) => [a.id, a]));
  const order = comparison.articles.map((a) => a.id).filter((id) => meta.has(id));
  const base = (id: number): Record<string, Cell> => {
    const a = meta.get(id);
    return { article_id: id, outlet: a?.outlet ?? null, title: a?.title ?? null, url: a?.url ?? null };
  };
  const row = (id: number, cells: Record<string, Cell>, trace: Trace[]): TableRow => ({
    cells: { ...base(id), ...cells, spans: spansText(trace), codebook_version: version },
    trace,
  });
  const figuresOf = new Map(comparison.figures.map((f) => [f.articleId, f]));
  const table = (id: TableId, title: string, description: string, columns: string[], rows: TableRow[]): Table => ({
    id,
    title,
    description,
    codebookVersion: version,
    columns: id === "timeline" ? columns : [...ARTICLE_COLUMNS, ...columns, "spans", "codebook_version"],
    rows,
  });

  const sourcing: TableRow[] = [];
  const voices: TableRow[] = [];
  const cues: TableRow[] = [];
  const tone: TableRow[] = [];
  const frames: TableRow[] = [];
  for (const id of order) {
    const f = figuresOf.get(id);
    if (!f) continue;
    for (const k of SOURCE_KINDS) {
      const c = f.bySourceKind[k];
      sourcing.push(
        row(
          id,
          {
            source_kind: k,
            source_kind_label: labelOf(codebook.sourceKinds, k),
            attributions: c.count.value,
            words_quoted: c.words.value,
          },
          c.count.trace,
        ),
      );
    }
    for (const s of f.sources) {
      if (!s.attributions.value) continue;
      voices.push(
        row(
          id,
          {
            source_key: s.key,
            source_name: s.name,
            source_kind: s.kind,
            source_kind_label: labelOf(codebook.sourceKinds, s.kind),
            affiliation: s.affiliation,
            named: s.named,
            attributions: s.attributions.value,
            words_quoted: s.wordsQuoted.value,
          },
          s.attributions.trace,
        ),
      );
    }
    for (const k of CUE_STANCES) {
      const c = f.cueStances[k];
      cues.push(
        row(id, { cue_stance: k, cue_stance_label: labelOf(codebook.cueStances, k), attributions: c.value }, c.trace),
      );
    }
    // The writer's voice by default (words: the writer's words of the part); quoted speech as its own series.
    const voiceWords = f.voiceWords ?? { writer: f.wordCount, quoted: 0 };
    const parts: [string, "writer" | "quoted", { densities: Record<MarkerType, Figure>; wordCount: number }][] = [
      ["article", "writer", { densities: f.densities, wordCount: voiceWords.writer }],
      ["lead", "writer", f.lead],
    ];
    if (f.headline) parts.push(["headline", "writer", f.headline]);
    if (f.quotedDensities)
      parts.push(["article", "quoted", { densities: f.quotedDensities, wordCount: voiceWords.quoted }]);
    for (const [part, voice, p] of parts) {
      for (const k of MARKER_TYPES) {
        const d = p.densities[k];
        tone.push(
          row(
            id,
            {
              part,
              voice,
              marker_type: k,
              marker_type_label: labelOf(codebook.markerTypes, k),
              count: d.trace.length,
              words: p.wordCount,
              per_1000_words: d.value,
            },
            d.trace,
          ),
        );
      }
    }
    for (const k of FRAME_DIMENSIONS) {
      const d = f.frameProfile[k];
      frames.push(
        row(
          id,
          { dimension: k, dimension_label: labelOf(codebook.frameDimensions, k), hits: d.trace.length, share: d.value },
          d.trace,
        ),
      );
    }
  }

  const claims: TableRow[] = [];
  for (const g of comparison.claimGroups) {
    const common = {
      claim_group: g.id,
      claim_group_label: g.label,
      articles_carrying: g.articles.length,
      focal_lacks: g.focalLacks,
      only_in_one: g.onlyIn !== null,
    };
    for (const id of order) {
      const cells = g.cells.filter((c) => c.articleId === id);
      if (!cells.length) {
        claims.push(
          row(
            id,
            {
              ...common,
              claim_id: null,
              stance: "absent",
              stance_label: "Absent",
              source_name: null,
              claim_text: null,
            },
            [],
          ),
        );
        continue;
      }
      for (const c of cells) {
        claims.push(
          row(
            id,
            {
              ...common,
              claim_id: c.claimId,
              stance: c.stance,
              stance_label: labelOf(codebook.claimStances, c.stance),
              source_name: c.sourceName,
              claim_text: c.text,
            },
            c.trace,
          ),
        );
      }
    }
  }

  const naming: TableRow[] = [];
  const actorByKey = new Map(comparison.actors.map((a) => [a.key, a]));
  for (const key of comparison.naming.actors) {
    const actor = actorByKey.get(key);
    for (const id of order) {
      const cell = comparison.naming.cells.find((c) => c.actorKey === key && c.articleId === id);
      const labels = Object.fromEntries(LABEL_CLASSES.map((l) => [`label_${l}`, cell?.labelClasses[l]?.value ?? 0]));
      const descTrace = cell?.descriptors.flatMap((d) => d.trace) ?? [];
      naming.push(
        row(
          id,
          {
            actor_key: key,
            actor_name: actor?.name ?? key,
            mentions: cell?.mentions.value ?? 0,
            descriptors:
              cell?.descriptors
                .map((d) => `${d.text} (${labelOf(codebook.labelClasses, d.labelClass)}, ${d.count})`)
                .join("; ") ?? "",
            ...labels,
          },
          [...descTrace, ...(cell?.mentions.trace ?? [])],
        ),
      );
    }
  }

  const timeline: TableRow[] = [];
  for (const id of order) {
    const a = meta.get(id)!;
    timeline.push({
      cells: {
        kind: "article",
        date: a.published,
        article_id: id,
        outlet: a.outlet,
        title: a.title,
        url: a.url,
        country: null,
        status: comparison.focalId === id ? "focal" : "compared",
        codebook_version: version,
      },
      trace: [],
    });
  }
  for (const c of candidates) {
    if (c.articleId !== null && meta.has(c.articleId)) continue;
    timeline.push({
      cells: {
        kind: "candidate",
        date: c.date,
        article_id: c.articleId,
        outlet: c.outlet,
        title: c.title,
        url: c.url,
        country: c.country,
        status: c.status,
        codebook_version: version,
      },
      trace: [],
    });
  }
  timeline.sort((x, y) => String(x.cells.date ?? "9999").localeCompare(String(y.cells.date ?? "9999")));

  const labelCols = LABEL_CLASSES.map((l) => `label_${l}`);
  return {
    "sourcing-mix": table(
      "sourcing-mix",
      "Sourcing mix",
      "Attributions and words quoted per article by source kind (counts and words).",
      ["source_kind", "source_kind_label", "attributions", "words_quoted"],
      sourcing,
    ),
    voices: table(
      "voices",
      "Whose voice",
      "Attributions and words quoted per source in each article (counts and words).",
      [
        "source_key",
        "source_name",
        "source_kind",
        "source_kind_label",
        "affiliation",
        "named",
        "attributions",
        "words_quoted",
      ],
      voices,
    ),
    "cue-stances": table(
      "cue-stances",
      "How sources are introduced",
      "Attributions per article by the stance of the reporting word that introduces them (counts).",
      ["cue_stance", "cue_stance_label", "attributions"],
      cues,
    ),
    "claim-matrix": table(
      "claim-matrix",
      "The claim matrix",
      "Each claim group per article: the stance the article gives the claim, or absent.",
      [
        "claim_group",
        "claim_group_label",
        "articles_carrying",
        "focal_lacks",
        "only_in_one",
        "claim_id",
        "stance",
        "stance_label",
        "source_name",
        "claim_text",
      ],
      claims,
    ),
    "naming-matrix": table(
      "naming-matrix",
      "The naming matrix",
      "How each article names each actor: mentions, the descriptors used and their label classes (counts).",
      ["actor_key", "actor_name", "mentions", "descriptors", ...labelCols],
      naming,
    ),
    "distance-tone": table(
      "distance-tone",
      "Distance and tone",
      'Hedges, boosters, scare quotes and loaded terms per 1,000 words in the writer\'s own voice, for the whole article, its lead and its headline; then the words the article quotes as their own series (voice "quoted", per 1,000 quoted words).',
      ["part", "voice", "marker_type", "marker_type_label", "count", "words", "per_1000_words"],
      tone,
    ),
    frames: table(
      "frames",
      "Frame profile",
      "Each frame dimension's share of the article's frame-lexicon hits (0 to 1).",
      ["dimension", "dimension_label", "hits", "share"],
      frames,
    ),
    timeline: table(
      "timeline",
      "Coverage timeline",
      "Publication dates of the compared articles and of the coverage still to import.",
      ["kind", "date", "article_id", "outlet", "title", "url", "country", "status", "codebook_version"],
      timeline,
    ),
  };
}

/**
 * A spreadsheet would run a cell starting with = + - @ tab or CR as a formula, and some read the full-width
 * ＝ ＋ － ＠ as those too; a leading ' keeps it text.
 */
export function neutraliseCell(v: Cell): string | number | boolean | null {
  if (typeof v !== "string") return v;
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? `'${v}` : v;
}

/** The table as CSV: a header of its columns, one line per row, every text cell neutralised. */
export function tableToCsv(t: Table): string {
  const data = t.rows.map((r) => t.columns.map((c) => neutraliseCell(r.cells[c] ?? null)));
  return Papa.unparse({ fields: t.columns, data }, { quotes: false, newline: "\r\n" });
}

/** Rows for JSON: the cells, with `spans` as a list of { start, end, field }. */
export function tableJsonRows(t: Table): Record<string, unknown>[] {
  return t.rows.map((r) => ({ ...r.cells, spans: tableSpans(r.trace) }));
}
