import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Long work off the request path (imports, re-analysis); claimed atomically by a worker. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text().notNull(),
    status: text({ enum: JOB_STATUSES }).notNull().default("queued"),
    payload: text({ mode: "json" }).notNull(),
    total: integer().notNull().default(0),
    done: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    current: text(),
    log: text({ mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    lockedBy: text(),
    lockedAt: text(),
    createdAt: text().notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text().notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("jobs_status_idx").on(t.status)],
);

export type Job = typeof jobs.$inferSelect;
