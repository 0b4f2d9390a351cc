import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { comparisons } from "./comparisons";

/**
 * The charts of a comparison as drawn (recharts' SVG markup), so that a restart or an eviction from the in-process
 * cache does not draw them again. `key` is a hash of everything the markup depends on (the charts' data, the view,
 * the links); triggers (migration 0008) delete a comparison's rows whenever its revision changes, so an analysis,
 * a member or a correction changed by any process invalidates them. Derived data: not in backups.
 */
export const chartMarkup = sqliteTable(
  "chart_markup",
  {
    key: text().primaryKey(),
    comparisonId: integer()
      .notNull()
      .references(() => comparisons.id, { onDelete: "cascade" }),
    /** The hash of the charts' data the markup was drawn from (a page reads all of one data's views at once). */
    dataHash: text().notNull(),
    markup: text().notNull(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("chart_markup_comparison_idx").on(t.comparisonId, t.dataHash)],
);

export type ChartMarkup = typeof chartMarkup.$inferSelect;
