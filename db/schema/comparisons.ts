import { sqliteTable, integer, text, primaryKey, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { articles } from "./articles";

export const comparisons = sqliteTable("comparisons", {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stable handle for seeded comparisons ("demo", "tutorial"); null for the user's own. */
  slug: text().unique(),
  name: text().notNull(),
  description: text(),
  focalArticleId: integer().references(() => articles.id, { onDelete: "set null" }),
  createdAt: text()
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export const comparisonArticles = sqliteTable(
  "comparison_articles",
  {
    comparisonId: integer()
      .notNull()
      .references(() => comparisons.id, { onDelete: "cascade" }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.comparisonId, t.articleId] }),
    index("comparison_articles_article_idx").on(t.articleId),
  ],
);

export const CANDIDATE_STATUSES = ["pending", "imported", "failed", "duplicate"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Coverage to import: manifest rows (facts only, never text) linked to a comparison. */
export const coverageCandidates = sqliteTable(
  "coverage_candidates",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    comparisonId: integer()
      .notNull()
      .references(() => comparisons.id, { onDelete: "cascade" }),
    manifestId: text(),
    event: text(),
    date: text(),
    outlet: text(),
    country: text(),
    kind: text(),
    language: text(),
    title: text(),
    url: text().notNull(),
    status: text({ enum: CANDIDATE_STATUSES }).notNull().default("pending"),
    articleId: integer().references(() => articles.id, { onDelete: "set null" }),
    error: text(),
    updatedAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("coverage_candidates_comparison_idx").on(t.comparisonId)],
);

export type Comparison = typeof comparisons.$inferSelect;
export type ComparisonArticle = typeof comparisonArticles.$inferSelect;
export type CoverageCandidate = typeof coverageCandidates.$inferSelect;

/**
 * How many times anything a comparison page shows has changed: its row, its members, their text, outlets
 * and analyses, its coverage list. Kept by triggers (migration 0003), so writes from any process count,
 * and read by the page cache to tell a cached page from a stale one. Derived data: not in backups.
 */
export const comparisonRevisions = sqliteTable("comparison_revisions", {
  // No foreign key: triggers fire while a comparison's rows are being cascade-deleted; they only count
  // comparisons that still exist, and deleting a comparison deletes its row here (a trigger too).
  comparisonId: integer().primaryKey(),
  revision: integer().notNull().default(0),
});
