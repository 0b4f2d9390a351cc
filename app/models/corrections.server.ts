// Corrections in the database: made from the pages or imported from a coding file, applied on top of the
// machine's analyses wherever numbers are made (the comparison loader, exports, the CLI), re-anchored after an
// analyser upgrade. A correction is never an edit of the stored analysis.
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { articles, comparisonArticles, corrections, type CorrectionRow } from "#db/schema";
import { ANALYSER_VERSION, type ArticleAnalysis } from "#app/analysis/index";
import { agreement, machineUnits, AGREEMENT_GROUPS, type GroupAgreement } from "#app/compare/agreement";
import {
  applyCorrections,
  CORRECTION_LAYERS,
  finalValues,
  findClaim,
  resolveTarget,
  validateCorrection,
  type AppliedCorrection,
  type ClaimMove,
  type Correction,
  type CorrectionLayer,
  type ReviewItem,
} from "#app/compare/corrections";
import type { Db } from "#app/utils/db.server";
import { getAnalyses, getAnalysis } from "./analyses.server";

/** The coder of a single-user install (no accounts), and of the command line unless `--coder` says otherwise. */
export const LOCAL_CODER = "local";

export function toCorrection(r: CorrectionRow): Correction {
  return {
    id: r.id,
    articleId: r.articleId,
    coder: r.coder,
    layer: r.layer,
    target: { start: r.targetStart, end: r.targetEnd, field: r.targetField },
    field: r.field,
    machineValue: r.machineValue ?? null,
    value: r.value,
    note: r.note,
    analyserVersion: r.analyserVersion,
  };
}

export async function listCorrections(
  db: Db,
  opts: { articleIds: number[]; coder?: string | null },
): Promise<CorrectionRow[]> {
  if (!opts.articleIds.length) return [];
  const where = opts.coder
    ? and(inArray(corrections.articleId, opts.articleIds), eq(corrections.coder, opts.coder))
    : inArray(corrections.articleId, opts.articleIds);
  return db.select().from(corrections).where(where).orderBy(asc(corrections.id));
}

export async function comparisonArticleIds(db: Db, comparisonId: number): Promise<number[]> {
  const rows = await db
    .select({ id: comparisonArticles.articleId })
    .from(comparisonArticles)
    .where(eq(comparisonArticles.comparisonId, comparisonId))
    .orderBy(asc(comparisonArticles.position));
  return rows.map((r) => r.id);
}

/** The coders who corrected any article of a comparison, in name order. */
export async function codersOf(db: Db, articleIds: number[]): Promise<string[]> {
  if (!articleIds.length) return [];
  const rows = await db
    .selectDistinct({ coder: corrections.coder })
    .from(corrections)
    .where(inArray(corrections.articleId, articleIds));
  return rows.map((r) => r.coder).sort();
}

export interface NewCorrection {
  articleId: number;
  coder: string;
  userId?: number | null;
  layer: CorrectionLayer;
  target: { start: number; end: number; field?: "body" | "title" };
  field: string;
  value: unknown;
  note: string;
}

type Tx = Pick<Db, "insert" | "select" | "update">;

/**
 * Checks one correction against its article's current analysis: a clear message for anything wrong (unknown
 * article, field or value, a target that names no item), or the row to insert with the machine's value.
 */
export async function prepareCorrection(
  db: Db,
  input: NewCorrection,
  cache = new Map<number, { text: string; title: string; analysis: ArticleAnalysis } | null>(),
): Promise<{ row: typeof corrections.$inferInsert } | { error: string }> {
  if (!cache.has(input.articleId)) {
    const [a] = await db
      .select({ text: articles.text, title: articles.title })
      .from(articles)
      .where(eq(articles.id, input.articleId));
    const analysis = a ? await getAnalysis(db, input.articleId) : null;
    cache.set(input.articleId, a && analysis ? { text: a.text, title: a.title, analysis } : null);
  }
  const art = cache.get(input.articleId);
  if (!art) return { error: `There is no article #${input.articleId}.` };
  const field = input.target.field ?? "body";
  const invalid = validateCorrection(
    { ...input, note: input.note ?? "" },
    (field === "title" ? art.title : art.text).length,
  );
  if (invalid) return { error: invalid };
  if (!input.coder.trim()) return { error: "A correction needs a coder." };
  const hit = resolveTarget(art.analysis, input.layer, input.target, input.field);
  if (!hit) {
    const words = (field === "title" ? art.title : art.text).slice(input.target.start, input.target.end);
    return {
      error: `Unknown target: article #${input.articleId} has no ${input.layer} at ${input.target.start}-${input.target.end} (“${words.slice(0, 60)}”).`,
    };
  }
  if (input.layer === "claim" && input.field === "group" && input.value) {
    const into = input.value as { articleId: number; start: number; end: number };
    const other = into.articleId === input.articleId ? art.analysis : await getAnalysis(db, into.articleId);
    if (!other || !findClaim(other, into))
      return {
        error: `Unknown target: article #${into.articleId} has no claim at ${into.start}-${into.end} whose group to join.`,
      };
  }
  if (
    input.layer === "source" &&
    input.field === "merge" &&
    !resolveTarget(art.analysis, "source", input.value as { start: number; end: number }, "kind")
  ) {
    return { error: `Unknown target: article #${input.articleId} has no source to merge into at the given span.` };
  }
  const machineValue =
    input.field === "add"
      ? input.layer === "attribution"
        ? hit.value === "present"
          ? "present"
          : null
        : hit.value === "absent"
          ? null
          : hit.value
      : hit.value;
  return {
    row: {
      articleId: input.articleId,
      coder: input.coder.trim(),
      userId: input.userId ?? null,
      layer: input.layer,
      targetStart: input.target.start,
      targetEnd: input.target.end,
      targetField: field,
      field: input.field,
      machineValue: machineValue ?? null,
      value: input.value ?? null,
      note: input.note.trim(),
      analyserVersion: ANALYSER_VERSION,
    },
  };
}

export async function addCorrection(
  db: Db,
  input: NewCorrection,
): Promise<{ correction: CorrectionRow } | { error: string }> {
  const p = await prepareCorrection(db, input);
  if ("error" in p) return p;
  const [row] = await db.insert(corrections).values(p.row).returning();
  return { correction: row! };
}

export interface CorrectionsApplied {
  /** The corrected analyses (the machine's where an article has no corrections). */
  analyses: Map<number, ArticleAnalysis>;
  /** The machine's analyses, as stored. */
  machine: Map<number, ArticleAnalysis>;
  /** Every applied value, by article (the machine's value beside the final one). */
  applied: Map<number, AppliedCorrection[]>;
  review: (ReviewItem & { articleId: number })[];
  rows: CorrectionRow[];
  coder: string | null;
  /** Claims people moved between groups of the claim matrix (applied to the comparison by `moveClaims`). */
  claimMoves: ClaimMove[];
}

/**
 * Applies the stored corrections of `coder` (all coders when null: in creation order, the later wins) to the
 * analyses of `items`. A correction made against another analyser version is re-anchored here: its stored
 * span and version are brought up to date, or it is marked `needs_review` with the reason.
 */
export async function applyStoredCorrections(
  db: Db,
  items: { id: number; text: string; title: string }[],
  machine: Map<number, ArticleAnalysis>,
  opts: { coder?: string | null } = {},
): Promise<CorrectionsApplied> {
  const coder = opts.coder ?? null;
  const rows = await listCorrections(db, { articleIds: items.map((a) => a.id), coder });
  const out: CorrectionsApplied = {
    analyses: new Map(machine),
    machine,
    applied: new Map(),
    review: [],
    rows,
    coder,
    claimMoves: [],
  };
  if (!rows.length) return out;
  const byArticle = new Map<number, CorrectionRow[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
  for (const a of items) {
    const mine = byArticle.get(a.id);
    const an = machine.get(a.id);
    if (!mine || !an) continue;
    const res = applyCorrections(a.text, a.title, an, mine.map(toCorrection));
    out.analyses.set(a.id, res.analysis);
    out.applied.set(a.id, res.applied);
    for (const r of res.review) out.review.push({ ...r, articleId: a.id });
    await reconcile(db, mine, res.applied, res.review, an.version);
  }
  // Claim-group moves name a claim of another article: resolved once every article is corrected.
  for (const [articleId, list] of out.applied) {
    for (const a of finalValues(list)) {
      if (a.layer !== "claim" || a.field !== "group") continue;
      const v = a.finalValue as { articleId: number; start: number; end: number } | null;
      const other = v ? out.analyses.get(v.articleId) : null;
      const into = v && other ? findClaim(other, v) : null;
      if (v && !into) {
        out.review.push({
          articleId,
          correctionId: a.correctionId,
          reason: `The claim to join (article #${v.articleId}, ${v.start}-${v.end}) is not in this comparison.`,
        });
        continue;
      }
      out.claimMoves.push({
        correctionId: a.correctionId,
        articleId,
        claimId: a.itemKey.slice("claim:".length),
        into: into && v ? { articleId: v.articleId, claimId: into.id } : null,
      });
    }
  }
  return out;
}

async function reconcile(
  db: Db,
  rows: CorrectionRow[],
  applied: AppliedCorrection[],
  review: ReviewItem[],
  version: string,
): Promise<void> {
  for (const r of rows) {
    const bad = review.find((x) => x.correctionId === r.id);
    if (bad) {
      if (r.status !== "needs_review" || r.reviewReason !== bad.reason)
        await db
          .update(corrections)
          .set({ status: "needs_review", reviewReason: bad.reason })
          .where(eq(corrections.id, r.id));
      continue;
    }
    const ok = applied.find((x) => x.correctionId === r.id);
    if (!ok) continue;
    const moved = ok.target.start !== r.targetStart || ok.target.end !== r.targetEnd;
    if (r.status !== "active" || r.analyserVersion !== version || moved) {
      await db
        .update(corrections)
        .set({
          status: "active",
          reviewReason: null,
          analyserVersion: version,
          targetStart: ok.target.start,
          targetEnd: ok.target.end,
        })
        .where(eq(corrections.id, r.id));
    }
  }
}

export interface ChangeCount {
  group: string;
  label: string;
  changed: number;
  total: number;
}

/** "People changed 4 of 31 source kinds here": per group, the units whose final value is not the machine's. */
export function changeCounts(
  items: { id: number; text: string; title: string }[],
  applied: CorrectionsApplied,
): ChangeCount[] {
  const out: ChangeCount[] = [];
  const totals = new Map<string, number>();
  for (const a of items) {
    const an = applied.machine.get(a.id);
    if (!an) continue;
    for (const u of machineUnits(a.id, a.text, a.title, an)) totals.set(u.group, (totals.get(u.group) ?? 0) + 1);
  }
  const changed = new Map<string, Set<string>>();
  for (const [articleId, list] of applied.applied) {
    for (const x of finalValues(list)) {
      if (!x.corrected) continue;
      const group =
        x.layer === "source"
          ? ["kind", "affiliation", "name"].includes(x.field)
            ? `source.${x.field}`
            : "source.structure"
          : x.layer === "claim"
            ? `claim.${x.field}`
            : x.layer === "descriptor"
              ? "descriptor.label_class"
              : `${x.layer}.status`;
      const set = changed.get(group) ?? new Set<string>();
      set.add(`${articleId}|${x.itemKey}`);
      changed.set(group, set);
      // An added item is a unit the machine did not have.
      if (x.field === "add" && x.machineValue === "absent") totals.set(group, (totals.get(group) ?? 0) + 1);
    }
  }
  const labels: Record<string, string> = {
    ...Object.fromEntries(AGREEMENT_GROUPS.map((g) => [g.id, g.label])),
    "source.structure": "sources (merged or split)",
    "source.name": "source names",
    "claim.group": "claims moved between groups",
  };
  for (const [group, set] of changed) {
    const total =
      group === "source.name" || group === "source.structure"
        ? (totals.get("source.kind") ?? set.size)
        : group === "claim.group"
          ? (totals.get("claim.stance") ?? set.size)
          : (totals.get(group) ?? set.size);
    out.push({ group, label: labels[group] ?? group, changed: set.size, total: Math.max(total, set.size) });
  }
  const order = [...AGREEMENT_GROUPS.map((g) => g.id as string), "source.structure", "claim.group"];
  return out.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

/** One sentence: "people changed 1 of 4 source kinds and 1 of 5 attributions here". */
export function changeSentence(counts: ChangeCount[]): string | null {
  if (!counts.length) return null;
  const parts = counts.map((c) => `${c.changed} of ${c.total} ${c.label}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
  return `People changed ${list}.`;
}

// ---- The coding file: `cli corrections export|import` ----

export const codingItem = z
  .object({
    articleId: z.number().int().positive(),
    layer: z.enum(CORRECTION_LAYERS),
    target: z
      .object({
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        field: z.enum(["body", "title"]).optional(),
      })
      .strict(),
    field: z.string().min(1),
    value: z.unknown(),
    note: z.string(),
    coder: z.string().min(1).max(100),
  })
  .strict();
export type CodingItem = z.infer<typeof codingItem>;

/** The corrections of a comparison (of one coder, or all) as the coding file lists them, in creation order. */
export async function exportCoding(db: Db, comparisonId: number, coder?: string | null): Promise<CodingItem[] | null> {
  const [exists] = await db
    .select({ id: comparisonArticles.comparisonId })
    .from(comparisonArticles)
    .where(eq(comparisonArticles.comparisonId, comparisonId))
    .limit(1);
  const ids = await comparisonArticleIds(db, comparisonId);
  if (!exists && !ids.length) return null;
  const rows = await listCorrections(db, { articleIds: ids, coder });
  return rows.map((r) => ({
    articleId: r.articleId,
    layer: r.layer,
    target:
      r.targetField === "title"
        ? { start: r.targetStart, end: r.targetEnd, field: "title" as const }
        : { start: r.targetStart, end: r.targetEnd },
    field: r.field,
    value: r.value,
    note: r.note,
    coder: r.coder,
  }));
}

export class CodingError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = "CodingError";
  }
}

/** Parses a coding file's text: a JSON list of corrections; every problem is named with its item's index. */
export function parseCoding(text: string): CodingItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CodingError(`This is not readable JSON (${(e as Error).message}).`, []);
  }
  if (!Array.isArray(raw))
    throw new CodingError(
      "A coding file is a JSON list of corrections: [{articleId, layer, target, field, value, note, coder}, …].",
      [],
    );
  const problems: string[] = [];
  const items: CodingItem[] = [];
  raw.forEach((x, i) => {
    const p = codingItem.safeParse(x);
    if (p.success) items.push(p.data);
    else
      problems.push(
        `item ${i}: ${p.error.issues.map((q) => `${q.path.join(".") || "(item)"} ${q.message}`).join("; ")}`,
      );
  });
  if (problems.length)
    throw new CodingError(
      `${problems.length} item${problems.length === 1 ? "" : "s"} of the coding file cannot be read; nothing was imported.`,
      problems,
    );
  return items;
}

/**
 * Imports a coding: every item is checked against its article's current analysis first (unknown targets and
 * values are reported), then all are written in one transaction; with any problem, nothing is written.
 */
export async function importCoding(db: Db, items: CodingItem[]): Promise<{ imported: number; coders: string[] }> {
  const cache = new Map<number, { text: string; title: string; analysis: ArticleAnalysis } | null>();
  const rows: (typeof corrections.$inferInsert)[] = [];
  const problems: string[] = [];
  for (const [i, item] of items.entries()) {
    const p = await prepareCorrection(db, { ...item, value: item.value ?? null }, cache);
    if ("error" in p) problems.push(`item ${i}: ${p.error}`);
    else rows.push(p.row);
  }
  if (problems.length)
    throw new CodingError(
      `${problems.length} of ${items.length} corrections do not fit; nothing was imported.`,
      problems,
    );
  await db.transaction(async (tx: Tx) => {
    for (const r of rows) await tx.insert(corrections).values(r);
  });
  return { imported: rows.length, coders: [...new Set(rows.map((r) => r.coder))].sort() };
}

// ---- Agreement between coders ----

export interface ComparisonAgreement {
  coders: string[];
  groups: GroupAgreement[];
  texts: Map<number, { text: string; title: string }>;
}

/** Per group, agreement between the comparison's coders and of each coder with the machine. */
export async function comparisonAgreement(
  db: Db,
  comparisonId: number,
  coders?: string[],
): Promise<ComparisonAgreement> {
  const ids = await comparisonArticleIds(db, comparisonId);
  const who = coders?.length ? coders : await codersOf(db, ids);
  const arts = ids.length
    ? await db
        .select({ id: articles.id, text: articles.text, title: articles.title })
        .from(articles)
        .where(inArray(articles.id, ids))
    : [];
  const analyses = await getAnalyses(db, ids);
  const rows = await listCorrections(db, { articleIds: ids });
  const byCoder: Record<string, Correction[]> = Object.fromEntries(
    who.map((c) => [c, rows.filter((r) => r.coder === c).map(toCorrection)]),
  );
  const list = arts
    .filter((a) => analyses.has(a.id))
    .map((a) => ({ articleId: a.id, text: a.text, title: a.title, analysis: analyses.get(a.id)! }));
  return {
    coders: who,
    groups: agreement(list, byCoder),
    texts: new Map(arts.map((a) => [a.id, { text: a.text, title: a.title }])),
  };
}

/**
 * A coder takes another coder's value for one unit, as a new correction of their own (the audit trail keeps
 * both): a copy of the other's correction, or, where the other left the machine's value, that value.
 */
export async function adoptValue(
  db: Db,
  input: {
    comparisonId: number;
    to: string;
    userId?: number | null;
    fromCorrectionId?: number | null;
    from: string;
    articleId: number;
    group: string;
    target: { start: number; end: number; field?: "body" | "title" };
  },
): Promise<{ correction: CorrectionRow } | { error: string }> {
  const ids = await comparisonArticleIds(db, input.comparisonId);
  if (!ids.includes(input.articleId)) return { error: `Article #${input.articleId} is not in this comparison.` };
  const note = `Adopted ${input.from}'s value in the agreement view.`;
  if (input.fromCorrectionId) {
    const [src] = await db.select().from(corrections).where(eq(corrections.id, input.fromCorrectionId));
    if (!src || src.articleId !== input.articleId || src.coder !== input.from)
      return { error: "That correction is not there any more; reload the agreement view." };
    const c = toCorrection(src);
    return addCorrection(db, {
      articleId: c.articleId,
      coder: input.to,
      userId: input.userId,
      layer: c.layer,
      target: c.target,
      field: c.field,
      value: c.value,
      note,
    });
  }
  const [layer, field] = input.group.split(".") as [CorrectionLayer, string];
  if (!["kind", "affiliation", "name", "stance", "label_class"].includes(field)) {
    return {
      error: `${input.from} kept the machine's value here; withdraw your own correction of it instead (the article page lists it).`,
    };
  }
  const analysis = await getAnalysis(db, input.articleId);
  const hit = analysis ? resolveTarget(analysis, layer, input.target, field) : null;
  if (!hit) return { error: "The machine no longer has this item; reload the agreement view." };
  return addCorrection(db, {
    articleId: input.articleId,
    coder: input.to,
    userId: input.userId,
    layer,
    target: input.target,
    field,
    value: hit.value,
    note,
  });
}

export interface CorrectionsSummary {
  /** How many corrections no longer fit the current analysis ("3 corrections need a look"). */
  needReview: number;
  /** Where to look at them: the article pages (with their lists of corrections). */
  reviewArticles: number[];
  /** "People changed 4 of 31 source kinds here", by layer; null when nobody changed anything. */
  sentence: string | null;
  counts: ChangeCount[];
  coders: string[];
}

/** What a comparison page says about people's corrections. */
export function correctionsSummary(
  items: { id: number; text: string; title: string }[],
  applied: CorrectionsApplied,
): CorrectionsSummary {
  const counts = changeCounts(items, applied);
  return {
    needReview: applied.review.length,
    reviewArticles: [...new Set(applied.review.map((r) => r.articleId))],
    sentence: changeSentence(counts)?.replace(/\.$/, " here.") ?? null,
    counts,
    coders: [...new Set(applied.rows.map((r) => r.coder))].sort(),
  };
}

/** Across the library: the items people changed, by layer and field (the methods page). */
export async function libraryChangeCounts(
  db: Db,
): Promise<{ layer: string; field: string; changed: number; articles: number }[]> {
  const rows = await db.select().from(corrections).where(eq(corrections.status, "active")).orderBy(asc(corrections.id));
  const last = new Map<string, CorrectionRow>();
  for (const r of rows)
    last.set(`${r.coder}|${r.articleId}|${r.layer}|${r.targetField}:${r.targetStart}-${r.targetEnd}|${r.field}`, r);
  const by = new Map<string, { layer: string; field: string; items: Set<string>; articles: Set<number> }>();
  for (const r of last.values()) {
    if (JSON.stringify(r.machineValue ?? null) === JSON.stringify(r.value)) continue;
    const k = `${r.layer}.${r.field}`;
    const e = by.get(k) ?? { layer: r.layer, field: r.field, items: new Set(), articles: new Set() };
    e.items.add(`${r.articleId}|${r.targetField}:${r.targetStart}-${r.targetEnd}`);
    e.articles.add(r.articleId);
    by.set(k, e);
  }
  return [...by.values()]
    .map((e) => ({ layer: e.layer, field: e.field, changed: e.items.size, articles: e.articles.size }))
    .sort((a, b) => a.layer.localeCompare(b.layer) || a.field.localeCompare(b.field));
}
