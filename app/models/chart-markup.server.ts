import { and, eq, inArray, sql } from "drizzle-orm";
import { chartMarkup } from "#db/schema";
import type { ChartStore } from "#app/components/charts/render.server";
import type { Db } from "#app/utils/db.server";

// The comparison's drawn charts in the database (table `chart_markup`), behind the in-process cache of
// render.server.tsx: a restart or an eviction reads them back instead of drawing them again. Triggers delete a
// comparison's rows whenever its revision changes (migration 0008).

/** At most this many drawn views are kept per comparison (each address's links make its own markup). */
export const CHART_MARKUP_PER_COMPARISON = 24;

/**
 * The charts' store of one comparison, for `serverCharts`: read-only for a page (`{ write: false }`), whose GET must
 * not wait for the write lock; the job worker's pre-drawing writes.
 */
export function chartStore(db: Db, comparisonId: number, opts: { write?: boolean } = {}): ChartStore {
  const store: ChartStore = {
    async load(dataHash, have) {
      const keys = await db
        .select({ key: chartMarkup.key })
        .from(chartMarkup)
        .where(and(eq(chartMarkup.comparisonId, comparisonId), eq(chartMarkup.dataHash, dataHash)));
      const missing = keys.map((k) => k.key).filter((k) => !have(k));
      if (!missing.length) return [];
      return db
        .select({ key: chartMarkup.key, markup: chartMarkup.markup })
        .from(chartMarkup)
        .where(inArray(chartMarkup.key, missing));
    },
  };
  if (opts.write === false) return store;
  return {
    ...store,
    async save(dataHash, key, markup) {
      // One statement each (no transaction held open across awaits): the newest views are kept.
      await db.insert(chartMarkup).values({ key, comparisonId, dataHash, markup }).onConflictDoNothing();
      await db.run(
        sql`delete from ${chartMarkup} where ${chartMarkup.comparisonId} = ${comparisonId} and rowid not in (select rowid from ${chartMarkup} where ${chartMarkup.comparisonId} = ${comparisonId} order by rowid desc limit ${CHART_MARKUP_PER_COMPARISON})`,
      );
    },
  };
}
