// The charts' markup is drawn once and kept in the database (table chart_markup), so that a restart or an eviction
// from the in-process cache reads it back instead of drawing it again; a change to the comparison's analyses (by
// any process: database triggers) deletes it, and the next page draws the new charts.
import { describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { analyses, chartMarkup } from "#db/schema";
import { chartCacheStats, clearChartCache } from "#app/components/charts/render.server";
import { serverOnly } from "#app/components/island";
import { createComparison } from "#app/models/comparisons.server";
import { loadComparison, pageData, type PageIslands } from "#app/routes/comparisons.$id/comparison.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

const links = {
  focus: (t: string) => `?focus=${encodeURIComponent(t)}`,
  view: () => "?",
  exportFile: (f: string) => f,
};
const props = { links, linksKey: "test|0|[]", by: "count" as const, claims: "all" as const, claimsAll: false };

/** One uncached page of the comparison, as its loader makes it, with its charts rendered: the markup and the counts. */
async function renderPage(id: number) {
  const url = `http://parallax.test/comparisons/${id}`;
  const data = await pageData(await loadComparison({ id: String(id) }, new Request(url)), new URL(url).searchParams);
  const charts = serverOnly<PageIslands>(data)!.charts!;
  const html = charts.render({ ...props, fileBase: `parallax-${id}` });
  return { html, stats: chartCacheStats() };
}

async function storedRows(id: number): Promise<number> {
  const db = getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(chartMarkup)
    .where(eq(chartMarkup.comparisonId, id));
  return Number(row?.n ?? 0);
}

async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the charts' stored markup", () => {
  test("is read back after the process cache is emptied, and invalidated when an analysis changes", async () => {
    const db = getDb();
    const [a, b, c] = [await createArticle(), await createArticle(), await createArticle()];
    const cmp = await createComparison(db, { name: "Stored charts (fictional)", articleIds: [a.id, b.id] });
    const other = await createComparison(db, { name: "Other charts (fictional)", articleIds: [c.id] });

    clearChartCache();
    const first = await renderPage(cmp.id);
    expect(first.html).toContain('class="recharts-surface"');
    expect(first.stats).toMatchObject({ misses: 1, storeHits: 0 });
    await until("the markup to be stored", async () => (await storedRows(cmp.id)) === 1);
    await renderPage(other.id);
    await until("the other comparison's markup to be stored", async () => (await storedRows(other.id)) === 1);

    // As after a restart: nothing in the process, the same page comes from the database, not drawn again.
    clearChartCache();
    const again = await renderPage(cmp.id);
    expect(again.html).toBe(first.html);
    expect(again.stats).toMatchObject({ misses: 0, storeHits: 1, loaded: 1 });

    // An analysis of a member changes (as a re-analysis in the job worker would): its stored charts go at once.
    await db.update(analyses).set({ analyserVersion: "another-version" }).where(eq(analyses.articleId, b.id));
    expect(await storedRows(cmp.id)).toBe(0);
    // Another comparison's charts stay.
    expect(await storedRows(other.id)).toBe(1);

    clearChartCache();
    const redrawn = await renderPage(cmp.id);
    expect(redrawn.stats).toMatchObject({ misses: 1, storeHits: 0, loaded: 0 });
    await until("the new markup to be stored", async () => (await storedRows(cmp.id)) === 1);
  });
});
