import { sqliteTable, integer, text, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { articles } from "./articles";

/** One analysis per article and analyser version; old versions are recomputed in the background. */
export const analyses = sqliteTable(
  "analyses",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    analyserVersion: text().notNull(),
    result: text({ mode: "json" }).notNull(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.analyserVersion] })],
);

export type AnalysisRow = typeof analyses.$inferSelect;
