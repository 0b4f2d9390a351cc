import { sql } from "drizzle-orm";
import { serverCharts } from "#app/components/charts/render.server";
import { chartStore } from "#app/models/chart-markup.server";
import { getDb, type Db } from "#app/utils/db.server";
import { loadComparison } from "./comparison.server";
import { chartProps, readView, viewQuery } from "./view";

// The charts of a comparison are drawn off the request path: the job worker draws the views most readers open (the
// plain page and its blind mode) whenever a comparison changes and stores them (table chart_markup), so a page's
// GET reads them instead of drawing; a GET never writes them (it would wait for the write lock an import holds).

/** The views drawn ahead: the comparison's plain address, and blind mode (what share links for a class open). */
const PREDRAWN_QUERIES = ["", "blind=1"];

/** Draws and stores the charts of one comparison's pre-drawn views; the number of views drawn (0: already stored). */
export async function predrawCharts(comparisonId: number): Promise<number> {
  const db = getDb();
  let drawn = 0;
  for (const query of PREDRAWN_QUERIES) {
    const url = `http://parallax.local/comparisons/${comparisonId}${query ? `?${query}` : ""}`;
    const full = await loadComparison({ id: String(comparisonId) }, new Request(url), {}, { texts: false });
    if (!full.dash) continue;
    const charts = serverCharts(full.dash, chartStore(db, comparisonId), { storeOnly: true });
    await charts.preload();
    const view = readView(new URLSearchParams(query));
    const before = charts.drawn();
    charts.render(chartProps(comparisonId, view, viewQuery(view)));
    drawn += charts.drawn() - before;
    await charts.flush();
  }
  return drawn;
}

/**
 * Comparisons whose charts may need drawing: those with no stored markup, and those whose revision changed since
 * `seen` recorded it (a change during a drawing leaves markup of the old data, which no page reads).
 */
export async function comparisonsToPredraw(
  db: Db,
  seen: Map<number, number>,
  limit = 20,
): Promise<Map<number, number>> {
  const rows = await db.all<{ id: number; revision: number; stored: number }>(
    sql`select c.id as id, coalesce(r.revision, 0) as revision, exists (select 1 from chart_markup m where m.comparison_id = c.id) as stored from comparisons c left join comparison_revisions r on r.comparison_id = c.id`,
  );
  const out = new Map<number, number>();
  for (const r of rows) {
    const last = seen.get(r.id);
    if (last === r.revision) continue;
    if (last === undefined && r.stored) continue;
    out.set(r.id, r.revision);
    if (out.size >= limit) break;
  }
  return out;
}

/**
 * One pass of the worker's pre-drawing: draws what `comparisonsToPredraw` names and records the revisions drawn
 * (read before drawing, so a change meanwhile is drawn again next pass). Returns the number of views drawn.
 */
export async function predrawPass(db: Db, seen: Map<number, number>, signal?: AbortSignal): Promise<number> {
  let drawn = 0;
  for (const [id, revision] of await comparisonsToPredraw(db, seen)) {
    if (signal?.aborted) break;
    try {
      drawn += await predrawCharts(id);
    } catch (e) {
      // A comparison deleted meanwhile, a busy disk: the page draws its charts itself; tried again after a change.
      console.error(`charts of comparison ${id} not drawn ahead: ${e instanceof Error ? e.message : String(e)}`);
    }
    seen.set(id, revision);
  }
  return drawn;
}
