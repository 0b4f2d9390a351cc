import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { jobItems, jobLog, jobs, type Job, type JobLogOutcome, type JobStatus } from "#db/schema";
import type { Db } from "#app/utils/db.server";

// Long work (imports, re-analysis) runs off the request path: a row in `jobs`, claimed atomically by one
// worker (the server process or `npm run worker`), with progress, cancellation and resumption after a crash.

export type { Job, JobLogOutcome, JobStatus };

/**
 * Appends one line to the log of the jobs the condition selects (it reads `jobs`, before the update beside it in
 * the same batch changes them): a small row each, never a rewrite of what is already logged.
 */
function appendLog(db: Db, line: SQL | string, where: SQL, item?: { outcome: JobLogOutcome; input: string }) {
  const text = typeof line === "string" ? sql`${line}` : line;
  return db.run(
    sql`insert into ${jobLog} (job_id, line, outcome, input) select ${jobs.id}, ${text}, ${item?.outcome ?? null}, ${item?.input ?? null} from ${jobs} where ${where}`,
  );
}

function held(jobId: number, workerId: string): SQL {
  return and(eq(jobs.id, jobId), eq(jobs.status, "running"), eq(jobs.lockedBy, workerId))!;
}

function now(): string {
  return new Date().toISOString();
}

export async function enqueueJob(db: Db, kind: string, payload: unknown, total = 0): Promise<Job> {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload: payload ?? {}, total })
    .returning();
  return row!;
}

/**
 * Enqueues a job whose work is a list of items (a bulk import's records): the job row and its items are
 * written in one transaction, the items one row each in `job_items` (read back with `getJobItems`).
 */
export async function enqueueJobWithItems(db: Db, kind: string, payload: unknown, items: unknown[]): Promise<Job> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(jobs)
      .values({ kind, payload: payload ?? {}, total: items.length })
      .returning();
    for (let i = 0; i < items.length; i += 200) {
      await tx
        .insert(jobItems)
        .values(items.slice(i, i + 200).map((item, k) => ({ jobId: row!.id, idx: i + k, item })));
    }
    return row!;
  });
}

/**
 * Replaces the items of a job this worker holds (an upload's files by the records parsed from them), with its
 * payload and total, in one transaction. False when the job is no longer this worker's.
 */
export async function replaceJobItems(
  db: Db,
  jobId: number,
  workerId: string,
  payload: unknown,
  items: unknown[],
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const held = await tx
      .update(jobs)
      .set({ payload: payload ?? {}, total: items.length, done: 0, failed: 0, updatedAt: now() })
      .where(and(eq(jobs.id, jobId), eq(jobs.status, "running"), eq(jobs.lockedBy, workerId)))
      .returning({ id: jobs.id });
    if (!held.length) return false;
    await tx.delete(jobItems).where(eq(jobItems.jobId, jobId));
    for (let i = 0; i < items.length; i += 200) {
      await tx.insert(jobItems).values(items.slice(i, i + 200).map((item, k) => ({ jobId, idx: i + k, item })));
    }
    return true;
  });
}

/** Items `from` … `from + limit - 1` of a job, in order. */
export async function getJobItems(db: Db, jobId: number, from: number, limit: number): Promise<unknown[]> {
  const rows = await db
    .select({ item: jobItems.item })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), sql`${jobItems.idx} >= ${from}`))
    .orderBy(asc(jobItems.idx))
    .limit(limit);
  return rows.map((r) => r.item);
}

/** Enqueues unless a queued or running job of this kind with the same payload exists (returns that one). */
export async function enqueueJobOnce(db: Db, kind: string, payload: unknown, total = 0): Promise<Job> {
  const [existing] = await db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        inArray(jobs.status, ["queued", "running"]),
        sql`${jobs.payload} = ${JSON.stringify(payload ?? {})}`,
      ),
    )
    .orderBy(asc(jobs.id))
    .limit(1);
  return existing ?? enqueueJob(db, kind, payload, total);
}

/**
 * Claims the oldest queued job (of the given kinds) for this worker, or returns null. One UPDATE statement:
 * SQLite (and sqld) run it under the write lock and `status = 'queued'` re-checks the row, so two processes
 * sharing one database never take the same job.
 */
export async function claimJob(db: Db, workerId: string, kinds?: string[]): Promise<Job | null> {
  if (kinds && kinds.length === 0) return null;
  const kindFilter = kinds ? sql` and kind in ${kinds}` : sql``;
  // Look before writing: an idle poll must not queue for the write lock (a local libSQL file blocks the
  // event loop while another process, e.g. a bulk import, holds it).
  const [waiting] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(sql`status = 'queued'${kindFilter}`)
    .limit(1);
  if (!waiting) return null;
  const t = now();
  const rows = await db
    .update(jobs)
    .set({ status: "running", lockedBy: workerId, lockedAt: t, updatedAt: t })
    .where(
      and(
        sql`${jobs.id} = (select id from jobs where status = 'queued'${kindFilter} order by id limit 1)`,
        eq(jobs.status, "queued"),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export interface JobProgress {
  done?: number;
  failed?: number;
  total?: number;
  current?: string | null;
  /** One line appended to the job's log. */
  log?: string;
  /** What became of one item of the job, logged as `log` (which it needs). */
  item?: { outcome: JobLogOutcome; input: string };
}

/**
 * Records progress (and renews the lock) while this worker still holds the job. Returns "running" to go on,
 * "cancelled" when someone cancelled it, "lost" when it was requeued or taken by another worker: stop in both.
 */
export async function updateJobProgress(
  db: Db,
  jobId: number,
  workerId: string,
  p: JobProgress = {},
): Promise<"running" | "cancelled" | "lost"> {
  const t = now();
  const update = db
    .update(jobs)
    .set({
      ...(p.done !== undefined ? { done: p.done } : {}),
      ...(p.failed !== undefined ? { failed: p.failed } : {}),
      ...(p.total !== undefined ? { total: p.total } : {}),
      ...(p.current !== undefined ? { current: p.current } : {}),
      lockedAt: t,
      updatedAt: t,
    })
    .where(held(jobId, workerId))
    .returning({ id: jobs.id });
  // One write transaction per step: the log line (only while this worker holds the job) and the counters.
  const rows =
    p.log !== undefined
      ? (await db.batch([appendLog(db, p.log, held(jobId, workerId), p.item), update]))[1]
      : await update;
  if (rows.length) return "running";
  const status = await getJobStatus(db, jobId);
  return status === "cancelled" ? "cancelled" : "lost";
}

async function settle(
  db: Db,
  jobId: number,
  workerId: string,
  status: "done" | "failed",
  log?: string,
): Promise<boolean> {
  const t = now();
  const update = db
    .update(jobs)
    .set({ status, current: null, updatedAt: t })
    .where(held(jobId, workerId))
    .returning({ id: jobs.id });
  const rows = log ? (await db.batch([appendLog(db, log, held(jobId, workerId)), update]))[1] : await update;
  return rows.length > 0;
}

/** Marks the job done if this worker still holds it (a cancelled or lost job stays as it is). */
export function finishJob(db: Db, jobId: number, workerId: string): Promise<boolean> {
  return settle(db, jobId, workerId, "done");
}

export function failJob(db: Db, jobId: number, workerId: string, error: string): Promise<boolean> {
  return settle(db, jobId, workerId, "failed", `failed: ${error}`);
}

/** Cancels a queued or running job; a running one stops at its next progress update. */
export async function cancelJob(db: Db, jobId: number): Promise<boolean> {
  const open = and(eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running"]))!;
  const [, rows] = await db.batch([
    appendLog(db, "cancelled", open),
    db.update(jobs).set({ status: "cancelled", updatedAt: now() }).where(open).returning({ id: jobs.id }),
  ]);
  return rows.length > 0;
}

/** Gives a running job back to the queue (this worker is shutting down); it resumes from its recorded progress. */
export async function releaseJob(db: Db, jobId: number, workerId: string): Promise<boolean> {
  const [, rows] = await db.batch([
    appendLog(db, `released by ${workerId}`, held(jobId, workerId)),
    db
      .update(jobs)
      .set({ status: "queued", lockedBy: null, lockedAt: null, updatedAt: now() })
      .where(held(jobId, workerId))
      .returning({ id: jobs.id }),
  ]);
  return rows.length > 0;
}

/** Requeues running jobs whose worker has been silent (no progress, no heartbeat) for longer than `olderThanMs`. */
export async function requeueStale(db: Db, olderThanMs: number): Promise<number[]> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  const [silent] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, "running"), lt(jobs.lockedAt, cutoff)))
    .limit(1);
  if (!silent) return [];
  const stale = and(eq(jobs.status, "running"), lt(jobs.lockedAt, cutoff))!;
  const [, rows] = await db.batch([
    appendLog(db, sql`'requeued: worker ' || coalesce(${jobs.lockedBy}, '?') || ' went silent'`, stale),
    db
      .update(jobs)
      .set({ status: "queued", lockedBy: null, lockedAt: null, updatedAt: now() })
      .where(stale)
      .returning({ id: jobs.id }),
  ]);
  return rows.map((r) => r.id);
}

/** Renews the lock of a job this worker holds, so a long step without progress is not taken for a dead worker. */
export async function heartbeatJob(db: Db, jobId: number, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ lockedAt: now() })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, "running"), eq(jobs.lockedBy, workerId)));
}

/** A job with its whole log (lines from before `job_log` first, then the logged rows). */
export async function getJob(db: Db, jobId: number): Promise<Job | null> {
  const row = await getJobRow(db, jobId);
  if (!row) return null;
  const lines = await db
    .select({ line: jobLog.line })
    .from(jobLog)
    .where(eq(jobLog.jobId, jobId))
    .orderBy(asc(jobLog.id));
  return { ...row, log: [...(Array.isArray(row.log) ? row.log : []), ...lines.map((l) => l.line)] };
}

/** A job's row without its log rows (`log` holds only lines from before `job_log`). */
export async function getJobRow(db: Db, jobId: number): Promise<Job | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  return row ?? null;
}

async function getJobStatus(db: Db, jobId: number): Promise<JobStatus | null> {
  const [row] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId));
  return row?.status ?? null;
}

/** The last `limit` lines of a job's log, oldest first, and how many lines it has. */
export async function getJobLogTail(db: Db, job: Job, limit: number): Promise<{ lines: string[]; length: number }> {
  const legacy = Array.isArray(job.log) ? job.log : [];
  const [count] = await db
    .select({ n: sql<number>`count(*)` })
    .from(jobLog)
    .where(eq(jobLog.jobId, job.id));
  const rows = await db
    .select({ line: jobLog.line })
    .from(jobLog)
    .where(eq(jobLog.jobId, job.id))
    .orderBy(desc(jobLog.id))
    .limit(limit);
  const lines = [...legacy, ...rows.reverse().map((r) => r.line)].slice(-limit);
  return { lines, length: legacy.length + Number(count?.n ?? 0) };
}

export interface JobOutcomes {
  imported: number;
  duplicates: number;
  /** Failed items in order, the first `limit`. */
  failures: { input: string; line: string }[];
  /** The reason most failed items share (the text after "<input>: "), first met first on a tie. */
  commonReason: { reason: string; count: number } | null;
}

/** What became of a job's items, from their logged outcomes (counted in the database, not by reading every line). */
export async function getJobOutcomes(db: Db, jobId: number, limit: number): Promise<JobOutcomes> {
  const counts = await db
    .select({ outcome: jobLog.outcome, n: sql<number>`count(*)` })
    .from(jobLog)
    .where(and(eq(jobLog.jobId, jobId), sql`${jobLog.outcome} is not null`))
    .groupBy(jobLog.outcome);
  const count = (o: JobLogOutcome) => Number(counts.find((c) => c.outcome === o)?.n ?? 0);
  const failed = and(eq(jobLog.jobId, jobId), eq(jobLog.outcome, "failed"));
  const failures = count("failed")
    ? (
        await db
          .select({ input: jobLog.input, line: jobLog.line })
          .from(jobLog)
          .where(failed)
          .orderBy(asc(jobLog.id))
          .limit(limit)
      ).map((r) => ({ input: r.input ?? "", line: r.line }))
    : [];
  const reason = sql<string>`substr(${jobLog.line}, length(coalesce(${jobLog.input}, '')) + 3)`;
  const [common] = failures.length
    ? await db
        .select({ reason, n: sql<number>`count(*)` })
        .from(jobLog)
        .where(failed)
        .groupBy(reason)
        .orderBy(sql`count(*) desc`, sql`min(${jobLog.id})`)
        .limit(1)
    : [];
  return {
    imported: count("imported"),
    duplicates: count("duplicate"),
    failures,
    commonReason: common ? { reason: common.reason, count: Number(common.n) } : null,
  };
}

export async function listJobs(
  db: Db,
  opts: { status?: JobStatus | JobStatus[]; kind?: string; limit?: number } = {},
): Promise<Job[]> {
  const statuses = opts.status === undefined ? null : Array.isArray(opts.status) ? opts.status : [opts.status];
  return db
    .select()
    .from(jobs)
    .where(and(statuses ? inArray(jobs.status, statuses) : undefined, opts.kind ? eq(jobs.kind, opts.kind) : undefined))
    .orderBy(desc(jobs.id))
    .limit(opts.limit ?? 100);
}

/** Thrown by `ctx.progress` when the job must stop: cancelled, lost to another worker, or this worker shutting down. */
export class JobStopped extends Error {
  constructor(readonly reason: "cancelled" | "lost" | "shutdown") {
    super(`job stopped: ${reason}`);
    this.name = "JobStopped";
  }
}

export interface JobContext {
  db: Db;
  workerId: string;
  signal: AbortSignal;
  /** Records progress; throws JobStopped when the job must stop. Call it between units of work. */
  progress: (p?: JobProgress) => Promise<void>;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<void>;

export type WorkerEvent =
  | { type: "claimed" | "done" | "cancelled" | "lost" | "released"; job: Job }
  | { type: "failed"; job: Job; error: string }
  | { type: "requeued"; ids: number[] };

export interface RunWorkerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  workerId: string;
  pollMs?: number;
  signal?: AbortSignal;
  /** A running job whose lock is older than this is taken for a dead worker's and requeued (default 60 s). */
  staleMs?: number;
  heartbeatMs?: number;
  /** Return as soon as no job is queued (scripts and tests); otherwise poll until the signal aborts. */
  stopWhenIdle?: boolean;
  onEvent?: (e: WorkerEvent) => void;
}

export interface WorkerStats {
  claimed: number;
  done: number;
  failed: number;
  stopped: number;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Claims and runs jobs of the kinds it has handlers for, one at a time, until the signal aborts (or idle). */
export async function runWorker(opts: RunWorkerOptions): Promise<WorkerStats> {
  const { db, handlers, workerId } = opts;
  const pollMs = opts.pollMs ?? 1000;
  const staleMs = opts.staleMs ?? 60_000;
  const heartbeatMs = opts.heartbeatMs ?? Math.max(50, Math.floor(staleMs / 4));
  const signal = opts.signal ?? new AbortController().signal;
  const kinds = Object.keys(handlers);
  const stats: WorkerStats = { claimed: 0, done: 0, failed: 0, stopped: 0 };
  const emit = opts.onEvent ?? (() => {});

  let lastSweep = 0;
  while (!signal.aborted) {
    // Looking for dead workers' jobs is a write: done now and then, not on every poll.
    if (Date.now() - lastSweep >= Math.min(staleMs, 5000)) {
      lastSweep = Date.now();
      const requeued = await requeueStale(db, staleMs);
      if (requeued.length) emit({ type: "requeued", ids: requeued });
    }
    const job = await claimJob(db, workerId, kinds);
    if (!job) {
      if (opts.stopWhenIdle) break;
      await sleep(pollMs, signal);
      continue;
    }
    stats.claimed++;
    emit({ type: "claimed", job });
    const ctx: JobContext = {
      db,
      workerId,
      signal,
      progress: async (p = {}) => {
        if (signal.aborted) throw new JobStopped("shutdown");
        const state = await updateJobProgress(db, job.id, workerId, p);
        if (state !== "running") throw new JobStopped(state);
      },
    };
    const beat = setInterval(() => void heartbeatJob(db, job.id, workerId).catch(() => {}), heartbeatMs);
    try {
      await handlers[job.kind]!(job, ctx);
      if (signal.aborted) throw new JobStopped("shutdown");
      if (await finishJob(db, job.id, workerId)) {
        stats.done++;
        emit({ type: "done", job });
      } else {
        stats.stopped++;
        const now = await getJobStatus(db, job.id);
        emit({ type: now === "cancelled" ? "cancelled" : "lost", job });
      }
    } catch (e) {
      if (e instanceof JobStopped) {
        stats.stopped++;
        const released = e.reason === "shutdown" && (await releaseJob(db, job.id, workerId));
        emit({ type: released ? "released" : e.reason === "cancelled" ? "cancelled" : "lost", job });
      } else {
        const message = e instanceof Error ? e.message : String(e);
        stats.failed++;
        await failJob(db, job.id, workerId, message);
        emit({ type: "failed", job, error: message });
      }
    } finally {
      clearInterval(beat);
    }
  }
  return stats;
}
