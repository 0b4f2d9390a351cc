import { and, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import { analyses, articles } from "#db/schema";
import { ANALYSER_VERSION, type ArticleAnalysis } from "#app/analysis/index";
import { runAnalysis } from "#app/utils/analysis-runner.server";
import type { Db } from "#app/utils/db.server";

type Tx = Pick<Db, "insert" | "select" | "delete">;

export async function storeAnalysis(db: Tx, articleId: number, analysis: ArticleAnalysis): Promise<void> {
  await db
    .insert(analyses)
    .values({ articleId, analyserVersion: ANALYSER_VERSION, result: analysis })
    .onConflictDoUpdate({ target: [analyses.articleId, analyses.analyserVersion], set: { result: analysis } });
}

/**
 * The current analysis of an article. A missing one (new analyser version, not yet reached by the
 * background pass) is computed now (on the server's analysis thread) and stored: one article takes milliseconds.
 */
export async function getAnalysis(db: Db, articleId: number): Promise<ArticleAnalysis | null> {
  const [row] = await db
    .select({ result: analyses.result })
    .from(analyses)
    .where(and(eq(analyses.articleId, articleId), eq(analyses.analyserVersion, ANALYSER_VERSION)));
  if (row) return row.result as ArticleAnalysis;
  const [article] = await db
    .select({ text: articles.text, title: articles.title })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) return null;
  const analysis = await runAnalysis(article.text, { title: article.title });
  await storeAnalysis(db, articleId, analysis);
  return analysis;
}

/** The current analyses of several articles in one query; any missing one is computed as `getAnalysis` does. */
export async function getAnalyses(db: Db, ids: number[]): Promise<Map<number, ArticleAnalysis>> {
  const out = new Map<number, ArticleAnalysis>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ articleId: analyses.articleId, result: analyses.result })
    .from(analyses)
    .where(and(inArray(analyses.articleId, ids), eq(analyses.analyserVersion, ANALYSER_VERSION)));
  for (const r of rows) out.set(r.articleId, r.result as ArticleAnalysis);
  for (const id of ids) {
    if (out.has(id)) continue;
    const a = await getAnalysis(db, id);
    if (a) out.set(id, a);
  }
  return out;
}

/** Articles with no analysis for the current analyser version, oldest first. */
export async function findStaleArticleIds(db: Db, limit = 50): Promise<number[]> {
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(analyses)
          .where(and(eq(analyses.articleId, articles.id), eq(analyses.analyserVersion, ANALYSER_VERSION))),
      ),
    )
    .orderBy(articles.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Re-analyses every article whose analysis is from another analyser version, in small batches that
 * yield to the event loop, then drops the old versions. Runs in the background at start.
 */
export async function reanalyseStale(db: Db, opts: { onProgress?: (done: number) => void } = {}): Promise<number> {
  let done = 0;
  for (;;) {
    const ids = await findStaleArticleIds(db, 20);
    if (ids.length === 0) break;
    for (const id of ids) {
      await getAnalysis(db, id);
      done++;
      await new Promise((r) => setImmediate(r));
    }
    opts.onProgress?.(done);
  }
  await db.delete(analyses).where(ne(analyses.analyserVersion, ANALYSER_VERSION));
  return done;
}
