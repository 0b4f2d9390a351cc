import { z } from "zod";
import { findStaleArticleIds, reanalyseStale } from "#app/models/analyses.server";
import { enqueueJobOnce, runWorker, type JobHandler } from "#app/models/jobs.server";
import type { Db } from "#app/utils/db.server";
import { importJob } from "#app/models/import-job.server";

// The job kinds this app knows. To add one, write a handler (validate `job.payload` with zod, call
// `ctx.progress` between units of work and resume from `job.done`) and add it to JOB_HANDLERS.

/** Re-analyses every article whose analysis is from another analyser version (idempotent, so it resumes by itself). */
export const reanalyseJob: JobHandler = async (_job, ctx) => {
  const total = (await findStaleArticleIds(ctx.db, 1_000_000)).length;
  await ctx.progress({ total, done: 0, log: `${total} article(s) to re-analyse` });
  let stop: unknown = null;
  let pending: Promise<void> = Promise.resolve();
  const n = await reanalyseStale(ctx.db, {
    // reanalyseStale reports synchronously; the progress write follows, and a stop surfaces at the next report.
    onProgress: (done) => {
      if (stop) throw stop;
      pending = pending
        .then(() => ctx.progress({ done, current: `${done}/${total}` }))
        .catch((e: unknown) => void (stop = e));
    },
  });
  await pending;
  if (stop) throw stop;
  await ctx.progress({ done: n, current: null, log: `re-analysed ${n} article(s)` });
};

const reanalysePayload = z.object({}).passthrough();

export const JOB_HANDLERS: Record<string, JobHandler> = {
  reanalyse: async (job, ctx) => {
    reanalysePayload.parse(job.payload);
    await reanalyseJob(job, ctx);
  },
  import: importJob,
};

/** The handlers a worker runs: the app's kinds, optionally limited to some (e.g. a worker only for imports). */
export function getJobHandlers(kinds?: string[]): Record<string, JobHandler> {
  if (!kinds) return { ...JOB_HANDLERS };
  return Object.fromEntries(Object.entries(JOB_HANDLERS).filter(([k]) => kinds.includes(k)));
}

/** Queues one re-analysis job when some stored analysis is from another analyser version (never two at once). */
export async function queueStaleReanalysis(db: Db): Promise<void> {
  if ((await findStaleArticleIds(db, 1)).length) await enqueueJobOnce(db, "reanalyse", {});
}

/**
 * For the server process: queues a re-analysis when some analysis is from another analyser version, then works
 * the queue until `signal` aborts. Several servers sharing one database split the jobs; none runs one twice.
 */
export async function startAppWorker(
  db: Db,
  opts: { workerId: string; signal: AbortSignal; pollMs?: number; log?: (msg: string) => void },
): Promise<void> {
  const log = opts.log ?? (() => {});
  await queueStaleReanalysis(db);
  await runWorker({
    db,
    handlers: getJobHandlers(),
    workerId: opts.workerId,
    pollMs: opts.pollMs ?? 1000,
    signal: opts.signal,
    onEvent: (e) => {
      if (e.type === "failed") log(`job ${e.job.id} (${e.job.kind}) failed: ${e.error}`);
      else if (e.type === "done") log(`job ${e.job.id} (${e.job.kind}) done`);
      else if (e.type === "requeued") log(`requeued job(s) ${e.ids.join(", ")} from a silent worker`);
    },
  });
}
