import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { coverageCandidates } from "#db/schema";
import { parseBulkFiles, type BulkItem } from "#app/ingest/bulk.server";
import type { Db } from "#app/utils/db.server";
import { bumpDataVersion } from "#app/utils/response-cache.server";
import { importItem } from "./import.server";
import { checkpointWal } from "#db/client";
import {
  enqueueJobWithItems,
  getJobItems,
  JobStopped,
  replaceJobItems,
  type Job,
  type JobContext,
  type JobHandler,
} from "./jobs.server";

const record = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  published: z.string().optional(),
  language: z.string().optional(),
  text: z.string().optional(),
});
const item = z.union([
  z.object({ ok: z.literal(true), input: z.string(), record, warnings: z.array(z.string()) }),
  z.object({ ok: z.literal(false), input: z.string(), reason: z.string() }),
]);
// Items are in `job_items` (one row each); jobs queued before that kept them in the payload, and still run.
// `upload`: the items are still the uploaded files (name and base64 bytes), to be parsed by the worker first.
export const importPayload = z.object({
  comparisonId: z.number().int().positive().nullable(),
  items: z.array(item).optional(),
  upload: z.boolean().optional(),
});
const uploadedFile = z.object({ file: z.string(), base64: z.string() });
export type ImportPayload = z.infer<typeof importPayload>;

/** Queues an import of bulk items (from an upload or the coverage list); the worker runs it off the request path. */
export async function enqueueImport(db: Db, items: BulkItem[], comparisonId: number | null): Promise<Job> {
  return enqueueJobWithItems(db, "import", { comparisonId } satisfies ImportPayload, items);
}

/**
 * Queues uploaded files as they are: the worker unpacks and parses them, off the request path, so that no
 * archive or table, however made, holds up a page; what it finds (and any limit it meets) is the job's first log.
 */
export async function enqueueUploadImport(
  db: Db,
  files: Array<{ name: string; bytes: Uint8Array }>,
  comparisonId: number | null,
): Promise<Job> {
  const items = files.map((f) => ({ file: f.name, base64: Buffer.from(f.bytes).toString("base64") }));
  return enqueueJobWithItems(db, "import", { comparisonId, upload: true } satisfies ImportPayload, items);
}

/** The worker's first step for an upload: parse the files into records, which then replace them as the job's items. */
async function parseUpload(job: Job, ctx: JobContext, comparisonId: number | null): Promise<Job> {
  const stored = (await getJobItems(ctx.db, job.id, 0, job.total)).map((x) => uploadedFile.parse(x));
  await ctx.progress({ current: `reading ${stored.length === 1 ? stored[0]!.file : `${stored.length} files`}` });
  const parsed = parseBulkFiles(
    stored.map((f) => ({ name: f.file, bytes: new Uint8Array(Buffer.from(f.base64, "base64")) })),
  );
  for (const e of parsed.errors) await ctx.progress({ log: e });
  if (!parsed.items.some((i) => i.ok)) {
    const reasons = parsed.items.slice(0, 5).map((i) => (i.ok ? "" : i.reason));
    throw new Error([...parsed.errors, ...reasons].filter(Boolean).join(" ") || "Nothing to import in those files.");
  }
  const payload = { comparisonId } satisfies ImportPayload;
  if (!(await replaceJobItems(ctx.db, job.id, ctx.workerId, payload, parsed.items))) throw new JobStopped("lost");
  await ctx.progress({ log: `${parsed.items.length} ${parsed.items.length === 1 ? "item" : "items"} to import` });
  return { ...job, payload, total: parsed.items.length, done: 0, failed: 0 };
}

/** Queues the comparison's coverage candidates (all pending ones, or the given ids) for import by URL. */
export async function enqueueCoverageImport(
  db: Db,
  comparisonId: number,
  candidateIds?: number[],
): Promise<Job | null> {
  const rows = await db
    .select()
    .from(coverageCandidates)
    .where(
      and(
        eq(coverageCandidates.comparisonId, comparisonId),
        candidateIds
          ? inArray(coverageCandidates.id, candidateIds)
          : inArray(coverageCandidates.status, ["pending", "failed"]),
      ),
    )
    .orderBy(coverageCandidates.id);
  if (rows.length === 0) return null;
  const items: BulkItem[] = rows.map((r) => ({
    ok: true,
    input: r.url,
    record: {
      url: r.url,
      // A title in parentheses describes an item whose headline was not captured: not a headline.
      title: r.title && !/^\(.*\)$/.test(r.title) ? r.title : undefined,
      outlet: r.outlet ?? undefined,
      published: r.date ?? undefined,
      language: r.language ?? undefined,
    },
    warnings: [],
  }));
  return enqueueImport(db, items, comparisonId);
}

const CHECKPOINT_EVERY = 500;

/** Imports item after item, resuming after the last one done; each outcome goes to the job's log. */
export const importJob: JobHandler = async (queued, ctx) => {
  const first = importPayload.parse(queued.payload);
  const job = first.upload ? await parseUpload(queued, ctx, first.comparisonId) : queued;
  const payload = importPayload.parse(job.payload);
  const total = payload.items ? payload.items.length : job.total;
  // Items are read a page at a time, so a job of any size holds only a page in memory.
  const PAGE = 50;
  let page: z.infer<typeof item>[] = [];
  let pageStart = job.done;
  const itemAt = async (i: number) => {
    if (payload.items) return payload.items[i]!;
    if (i < pageStart || i >= pageStart + page.length) {
      pageStart = i;
      page = (await getJobItems(ctx.db, job.id, i, PAGE)).map((x) => item.parse(x));
    }
    const it = page[i - pageStart];
    if (!it) throw new Error(`import job ${job.id}: item ${i + 1} of ${total} is missing`);
    return it;
  };
  let failed = job.failed;
  if (job.done < total) await ctx.progress({ current: (await itemAt(job.done)).input });
  for (let i = job.done; i < total; i++) {
    const it = await itemAt(i);
    const o = await importItem(ctx.db, it as BulkItem, {
      comparisonId: payload.comparisonId,
      fetch: { signal: ctx.signal },
    });
    if (o.status === "failed") failed++;
    // Only an import into a comparison changes what its page shows at once (another process's imports
    // reach the page cache through the comparison's revision).
    else if (payload.comparisonId) bumpDataVersion();
    const line =
      o.status === "imported"
        ? `imported #${o.article.id} “${o.article.title}” from ${o.input}${o.note ? ` (${o.note})` : ""}`
        : o.status === "duplicate"
          ? `${o.input}: already in the library as #${o.id}`
          : `${o.input}: ${o.reason}`;
    // One progress write per item: the outcome (a row of the job's log), and what comes next.
    const next = i + 1 < total ? (await itemAt(i + 1)).input : null;
    const outcome = o.status === "imported" ? "imported" : o.status === "duplicate" ? "duplicate" : "failed";
    await ctx.progress({ done: i + 1, failed, log: line, item: { outcome, input: o.input }, current: next });
    // Readers (pages served meanwhile) can keep SQLite's automatic checkpoints from reaching the end of the
    // write-ahead log; a checkpoint now and then lets it restart (and shrink to its size limit) during a long import.
    if ((i + 1) % CHECKPOINT_EVERY === 0) await checkpointWal(ctx.db);
    // A local database answers at once, so without this the loop never lets timers and signals in (a stop
    // signal, the server going away, the heartbeat, the memory check) until the whole job is done.
    await new Promise((r) => setImmediate(r));
  }
  await ctx.progress({ current: null });
};
