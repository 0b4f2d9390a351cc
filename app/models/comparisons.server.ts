import { and, asc, eq, sql } from "drizzle-orm";
import {
  comparisonArticles,
  comparisonRevisions,
  comparisons,
  coverageCandidates,
  type Comparison,
  type CoverageCandidate,
} from "#db/schema";
import type { Db } from "#app/utils/db.server";
import { getArticles, InputError, type ArticleWithOutlet } from "./articles.server";

export interface ComparisonSummary {
  id: number;
  name: string;
  description: string | null;
  articleCount: number;
  focalArticleId: number | null;
  slug: string | null;
}

export async function listComparisons(db: Db): Promise<ComparisonSummary[]> {
  const rows = await db
    .select({
      id: comparisons.id,
      name: comparisons.name,
      description: comparisons.description,
      focalArticleId: comparisons.focalArticleId,
      slug: comparisons.slug,
      articleCount: sql<number>`(select count(*) from ${comparisonArticles} where ${comparisonArticles.comparisonId} = ${comparisons.id})`,
    })
    .from(comparisons)
    .orderBy(asc(comparisons.id));
  return rows.map((r) => ({ ...r, articleCount: Number(r.articleCount) }));
}

export interface ComparisonDetail {
  comparison: Comparison;
  /** In the comparison's order; the focal article first. */
  articles: ArticleWithOutlet[];
  candidates: CoverageCandidate[];
}

export async function getComparison(db: Db, id: number): Promise<ComparisonDetail | null> {
  const [comparison] = await db.select().from(comparisons).where(eq(comparisons.id, id));
  if (!comparison) return null;
  const members = await db
    .select({ articleId: comparisonArticles.articleId })
    .from(comparisonArticles)
    .where(eq(comparisonArticles.comparisonId, id))
    .orderBy(asc(comparisonArticles.position));
  let ids = members.map((m) => m.articleId);
  if (comparison.focalArticleId && ids.includes(comparison.focalArticleId)) {
    ids = [comparison.focalArticleId, ...ids.filter((x) => x !== comparison.focalArticleId)];
  }
  const arts = await getArticles(db, ids);
  const candidates = await db
    .select()
    .from(coverageCandidates)
    .where(eq(coverageCandidates.comparisonId, id))
    .orderBy(asc(coverageCandidates.id));
  return { comparison, articles: arts, candidates };
}

export async function createComparison(
  db: Db,
  input: {
    name: string;
    description?: string | null;
    slug?: string | null;
    articleIds?: number[];
    focalArticleId?: number | null;
  },
): Promise<Comparison> {
  const name = input.name.trim();
  if (!name) throw new InputError("A comparison needs a name.", "name");
  return db.transaction(async (tx) => {
    const ids = [...new Set(input.articleIds ?? [])];
    const [row] = await tx
      .insert(comparisons)
      .values({
        name,
        description: input.description?.trim() || null,
        slug: input.slug ?? null,
        focalArticleId: input.focalArticleId ?? ids[0] ?? null,
      })
      .returning();
    if (ids.length)
      await tx
        .insert(comparisonArticles)
        .values(ids.map((articleId, position) => ({ comparisonId: row!.id, articleId, position })));
    return row!;
  });
}

/** Adds an article at the end; adding one that is already there changes nothing. Returns whether it was added. */
export async function addArticleToComparison(
  db: Pick<Db, "select" | "insert" | "update">,
  comparisonId: number,
  articleId: number,
): Promise<boolean> {
  const [existing] = await db
    .select({ n: sql<number>`count(*)` })
    .from(comparisonArticles)
    .where(and(eq(comparisonArticles.comparisonId, comparisonId), eq(comparisonArticles.articleId, articleId)));
  if (Number(existing?.n) > 0) return false;
  const [max] = await db
    .select({ p: sql<number>`coalesce(max(${comparisonArticles.position}), -1)` })
    .from(comparisonArticles)
    .where(eq(comparisonArticles.comparisonId, comparisonId));
  await db.insert(comparisonArticles).values({ comparisonId, articleId, position: Number(max?.p ?? -1) + 1 });
  const [c] = await db
    .select({ focal: comparisons.focalArticleId })
    .from(comparisons)
    .where(eq(comparisons.id, comparisonId));
  if (c && c.focal == null)
    await db.update(comparisons).set({ focalArticleId: articleId }).where(eq(comparisons.id, comparisonId));
  return true;
}

export async function removeArticleFromComparison(db: Db, comparisonId: number, articleId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(comparisonArticles)
      .where(and(eq(comparisonArticles.comparisonId, comparisonId), eq(comparisonArticles.articleId, articleId)));
    const [c] = await tx.select().from(comparisons).where(eq(comparisons.id, comparisonId));
    if (c?.focalArticleId === articleId) {
      const [next] = await tx
        .select({ id: comparisonArticles.articleId })
        .from(comparisonArticles)
        .where(eq(comparisonArticles.comparisonId, comparisonId))
        .orderBy(asc(comparisonArticles.position))
        .limit(1);
      await tx
        .update(comparisons)
        .set({ focalArticleId: next?.id ?? null })
        .where(eq(comparisons.id, comparisonId));
    }
  });
}

export async function setFocalArticle(db: Db, comparisonId: number, articleId: number): Promise<void> {
  await db.update(comparisons).set({ focalArticleId: articleId }).where(eq(comparisons.id, comparisonId));
}

/** A new name (and description); the articles and their analyses are untouched. */
export async function renameComparison(
  db: Db,
  id: number,
  input: { name: string; description?: string | null },
): Promise<void> {
  const name = input.name.trim();
  if (!name) throw new InputError("A comparison needs a name.", "name");
  await db
    .update(comparisons)
    .set({ name, ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}) })
    .where(eq(comparisons.id, id));
}

/** Deletes the comparison, its membership rows, coverage list and share links (by cascade); its articles stay in the library. */
export async function deleteComparison(db: Db, id: number): Promise<boolean> {
  const gone = await db.delete(comparisons).where(eq(comparisons.id, id)).returning({ id: comparisons.id });
  return gone.length > 0;
}

/** The comparisons that hold an article, for its page. */
export async function comparisonsOfArticle(db: Db, articleId: number): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: comparisons.id, name: comparisons.name })
    .from(comparisonArticles)
    .innerJoin(comparisons, eq(comparisons.id, comparisonArticles.comparisonId))
    .where(eq(comparisonArticles.articleId, articleId))
    .orderBy(asc(comparisons.id));
}

export async function getComparisonBySlug(db: Db, slug: string): Promise<Comparison | null> {
  const [row] = await db.select().from(comparisons).where(eq(comparisons.slug, slug));
  return row ?? null;
}

/** The comparison's revision (bumped by database triggers on every change its page shows); null: no such comparison. */
export async function getComparisonRevision(db: Db, id: number): Promise<number | null> {
  const [row] = await db
    .select({ id: comparisons.id, revision: comparisonRevisions.revision })
    .from(comparisons)
    .leftJoin(comparisonRevisions, eq(comparisonRevisions.comparisonId, comparisons.id))
    .where(eq(comparisons.id, id));
  return row ? (row.revision ?? 0) : null;
}
