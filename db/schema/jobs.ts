import { sqliteTable, integer, text, index, primaryKey } from "drizzle-orm/sqlite-core";
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
    /** The log of jobs queued before `job_log` existed; newer jobs leave it empty (see `jobLog`). */
    log: text({ mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    lockedBy: text(),
    lockedAt: text(),
    createdAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text()
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("jobs_status_idx").on(t.status)],
);

export type Job = typeof jobs.$inferSelect;

/**
 * The units of a job's work (a bulk import's records), one row each, out of the job's own row: progress is
 * written after every unit, and SQLite rewrites a whole row on update, so a job row that held a large
 * upload would make each progress step cost the size of the upload.
 */
export const jobItems = sqliteTable(
  "job_items",
  {
    jobId: integer()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    idx: integer().notNull(),
    item: text({ mode: "json" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.idx] })],
);

export const JOB_LOG_OUTCOMES = ["imported", "duplicate", "failed"] as const;
export type JobLogOutcome = (typeof JOB_LOG_OUTCOMES)[number];

/**
 * A job's log, one row per line, appended as the job goes: a log kept in the job's own row was rewritten whole
 * on every item (SQLite rewrites a row on update), which grew the write-ahead log to many times the database
 * during a large import. An item's line says what became of it (`outcome`) and which input it was, so the job
 * page counts and lists outcomes with queries instead of reading every line.
 */
export const jobLog = sqliteTable(
  "job_log",
  {
    id: integer().primaryKey(),
    jobId: integer()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    line: text().notNull(),
    outcome: text({ enum: JOB_LOG_OUTCOMES }),
    input: text(),
  },
  (t) => [index("job_log_job_idx").on(t.jobId), index("job_log_outcome_idx").on(t.jobId, t.outcome)],
);
