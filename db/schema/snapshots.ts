import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { comparisons } from "./comparisons";

/**
 * A citable snapshot ("Cite this comparison"): the comparison's page figures and its export, frozen as JSON
 * under a random id, so the permanent link shows the same numbers after later re-analysis. It outlives the
 * comparison (the link is cited in papers); the members are named by article id and a hash of their text.
 */
export const comparisonSnapshots = sqliteTable(
  "comparison_snapshots",
  {
    id: text().primaryKey(),
    comparisonId: integer().references(() => comparisons.id, { onDelete: "set null" }),
    name: text().notNull(),
    blind: integer({ mode: "boolean" }).notNull().default(false),
    analyserVersion: text().notNull(),
    /** `[{ articleId, contentHash, title, outlet }]` as frozen (masked in a blind snapshot). */
    members: text({ mode: "json" }).notNull(),
    /** The page's figures as the comparison page showed them (its loader's data, dashboard shape included). */
    page: text({ mode: "json" }).notNull(),
    /** The comparison's export (provenance, tables, bundle, corrections) as it stood, for the downloads. */
    export: text({ mode: "json" }).notNull(),
    createdBy: text(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("comparison_snapshots_comparison_idx").on(t.comparisonId)],
);

export type ComparisonSnapshot = typeof comparisonSnapshots.$inferSelect;
