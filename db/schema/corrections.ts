import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { articles } from "./articles";
import { users } from "./auth";

export const CORRECTION_LAYERS = ["source", "attribution", "claim", "marker", "descriptor"] as const;
export type CorrectionLayer = (typeof CORRECTION_LAYERS)[number];

export const CORRECTION_STATUSES = ["active", "needs_review"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/**
 * A person's correction of one machine value, stored apart from the analysis and anchored to the text by the
 * target's span (clean-text offsets, `field` title|body). Applied on top of the analysis wherever numbers are
 * made; re-anchored by span after an analyser upgrade; one that no longer fits is marked `needs_review`.
 */
export const corrections = sqliteTable(
  "corrections",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    articleId: integer()
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Who: the account's username, or the name given on the command line ("local" in single-user mode). */
    coder: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    layer: text({ enum: CORRECTION_LAYERS }).notNull(),
    targetStart: integer().notNull(),
    targetEnd: integer().notNull(),
    targetField: text({ enum: ["body", "title"] })
      .notNull()
      .default("body"),
    /** What is changed: kind, affiliation, name, merge, split, status, add, stance, group, label_class. */
    field: text().notNull(),
    /** JSON: the machine's value when the correction was made (null for an added item). */
    machineValue: text({ mode: "json" }),
    /** JSON: the person's value. */
    value: text({ mode: "json" }).notNull(),
    note: text().notNull(),
    status: text({ enum: CORRECTION_STATUSES }).notNull().default("active"),
    /** Why it needs review, when it does. */
    reviewReason: text(),
    analyserVersion: text().notNull(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("corrections_article_idx").on(t.articleId, t.coder)],
);

export type CorrectionRow = typeof corrections.$inferSelect;
export type NewCorrectionRow = typeof corrections.$inferInsert;
