import { sqliteTable, integer, text, index, real, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { outlets } from "./outlets";

export const ARTICLE_ORIGINS = ["seed", "paste", "upload", "url", "bulk"] as const;
export type ArticleOrigin = (typeof ARTICLE_ORIGINS)[number];

export const articles = sqliteTable(
  "articles",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    outletId: integer().references(() => outlets.id, { onDelete: "set null" }),
    title: text().notNull(),
    author: text(),
    /** Normalised URL (tracking parameters dropped) used to find duplicates. */
    url: text().unique(),
    /** As precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
    published: text(),
    language: text(),
    /** Clean text: never changes after import, every span indexes it. */
    text: text().notNull(),
    contentHash: text().notNull().unique(),
    /** Word 5-shingle fingerprint (base64) for finding the same wire copy in other outlets. */
    fingerprint: text(),
    wordCount: integer().notNull(),
    origin: text({ enum: ARTICLE_ORIGINS }).notNull(),
    /** True for texts written for Parallax (tutorial, tests): shown as such everywhere. */
    fictional: integer({ mode: "boolean" }).notNull().default(false),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("articles_outlet_idx").on(t.outletId), index("articles_title_idx").on(t.title)],
);

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

/** Pairs of articles sharing most of their wording (the same wire copy), found at import; stored both ways. */
export const nearDuplicates = sqliteTable(
  "near_duplicates",
  {
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    otherId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    containment: real().notNull(),
    jaccard: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.otherId] })],
);
