// The charts' markup is drawn off the request path (the job worker's pre-drawing, predraw.server.ts) and kept in the
// database (table chart_markup), so that a page's GET, a restart or an eviction from the in-process cache reads it
// instead of drawing it; a change to the comparison (by any process: database triggers) deletes it, and the next
// pre-drawing pass draws the new charts. A GET never writes it (it would wait for an import's write lock).
import { describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { analyses, chartMarkup } from "#db/schema";
import { chartCacheStats, clearChartCache } from "#app/components/charts/render.server";
import { serverOnly } from "#app/components/island";
import { createComparison } from "#app/models/comparisons.server";
import { loadComparison, pageData, type PageIslands } from "#app/routes/comparisons.$id/comparison.server";
import { predrawCharts, predrawPass } from "#app/routes/comparisons.$id/predraw.server";
import { chartProps, readView, viewQuery } from "#app/routes/comparisons.$id/view";
import { renameComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

/** One uncached page of the comparison, as its loader makes it, with its charts rendered as the page renders them. */
async function renderPage(id: number, query = "") {
  const url = `http://parallax.test/comparisons/${id}${query ? `?${query}` : ""}`;
  const data = await pageData(await loadComparison({ id: String(id) }, new Request(url)), new URL(url).searchParams);
  const charts = serverOnly<PageIslands>(data)!.charts!;
  const view = readView(new URLSearchParams(query));
  const html = charts.render(chartProps(id, view, viewQuery(view)));
  await charts.flush();
  return { html, stats: chartCacheStats(), drawn: charts.drawn() };
}

async function storedRows(id: number): Promise<number> {
  const db = getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(chartMarkup)
    .where(eq(chartMarkup.comparisonId, id));
  return Number(row?.n ?? 0);
}

describe("the charts' stored markup", () => {
  test("is drawn ahead and read back by pages, which never draw it nor write it; a change invalidates it", async () => {
    const db = getDb();
    const [a, b, c] = [await createArticle(), await createArticle(), await createArticle()];
    const cmp = await createComparison(db, { name: "Stored charts (fictional)", articleIds: [a.id, b.id] });
    const other = await createComparison(db, { name: "Other charts (fictional)", articleIds: [c.id] });

    // Nothing drawn ahead yet: the page draws its charts itself, and does not store them.
    clearChartCache();
    const first = await renderPage(cmp.id);
    expect(first.html).toContain('class="recharts-surface"');
    expect(first.drawn).toBe(1);
    expect(first.stats).toMatchObject({ misses: 1, saved: 0 });
    expect(await storedRows(cmp.id)).toBe(0);

    // The worker's pass draws the plain page and its blind mode of every comparison without markup.
    const seen = new Map<number, number>();
    expect(await predrawPass(db, seen)).toBeGreaterThanOrEqual(4);
    expect(await storedRows(cmp.id)).toBe(2);
    expect(await storedRows(other.id)).toBe(2);
    // Nothing changed since: the next pass draws nothing.
    expect(await predrawPass(db, seen)).toBe(0);

    // As after a restart: nothing in the process; the pages come from the database, not drawn.
    clearChartCache();
    const again = await renderPage(cmp.id);
    expect(again.html).toBe(first.html);
    expect(again.drawn).toBe(0);
    expect(again.stats).toMatchObject({ misses: 0, storeHits: 1 });
    const blind = await renderPage(cmp.id, "blind=1");
    expect(blind.drawn).toBe(0);
    // A number's reader (focus) does not change the charts' links: the same stored markup.
    const focused = await renderPage(cmp.id, `focus=art:${a.id}`);
    expect(focused.drawn).toBe(0);

    // An analysis of a member changes (as a re-analysis in the job worker would): its stored charts go at once.
    await db.update(analyses).set({ analyserVersion: "another-version" }).where(eq(analyses.articleId, b.id));
    expect(await storedRows(cmp.id)).toBe(0);
    // Another comparison's charts stay.
    expect(await storedRows(other.id)).toBe(2);
    // The next pass draws the changed comparison only.
    expect(await predrawPass(db, seen)).toBe(2);
    expect(await storedRows(cmp.id)).toBe(2);
    clearChartCache();
    const redrawn = await renderPage(cmp.id);
    expect(redrawn.drawn).toBe(0);

    // The comparison itself changes (renamed): its markup goes too, and is drawn again by the next pass.
    await renameComparison(db, cmp.id, { name: "Stored charts, renamed (fictional)", description: null });
    expect(await storedRows(cmp.id)).toBe(0);
    expect(await predrawCharts(cmp.id)).toBe(2);
    expect(await storedRows(cmp.id)).toBe(2);
  });
});
