import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { comparisons } from "./comparisons";

export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Accounts for a shared instance. A single-user install on loopback has none. */
export const users = sqliteTable("users", {
  id: integer().primaryKey({ autoIncrement: true }),
  username: text().notNull().unique(),
  passwordHash: text().notNull(),
  role: text({ enum: ROLES }).notNull(),
  createdAt: text()
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text().notNull(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Read-only links to one comparison for a class: unguessable, revocable, optionally forcing blind mode. */
export const shareLinks = sqliteTable(
  "share_links",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull().unique(),
    comparisonId: integer()
      .notNull()
      .references(() => comparisons.id, { onDelete: "cascade" }),
    blind: integer({ mode: "boolean" }).notNull().default(false),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    revokedAt: text(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("share_links_comparison_idx").on(t.comparisonId)],
);

/** Failed logins per username and address, for rate limiting that survives restarts and spans processes. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    key: text().notNull(),
    at: integer().notNull(),
  },
  (t) => [index("login_attempts_key_idx").on(t.key, t.at)],
);

export type User = typeof users.$inferSelect;
export type ShareLink = typeof shareLinks.$inferSelect;
