import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { coverageCandidates } from "#db/schema";
import type { BulkItem } from "#app/ingest/bulk.server";
import type { Db } from "#app/utils/db.server";
import { bumpDataVersion } from "#app/utils/response-cache.server";
import { importItem } from "./import.server";
import { enqueueJobWithItems, getJobItems, type Job, type JobHandler } from "./jobs.server";

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
export const importPayload = z.object({ comparisonId: z.number().int().positive().nullable(), items: z.array(item).optional() });
export type ImportPayload = z.infer<typeof importPayload>;

/** Queues an import of bulk items (from an upload or the coverage list); the worker runs it off the request path. */
export async function enqueueImport(db: Db, items: BulkItem[], comparisonId: number | null): Promise<Job> {
  return enqueueJobWithItems(db, "import", { comparisonId } satisfies ImportPayload, items);
}

/** Queues the comparison's coverage candidates (all pending ones, or the given ids) for import by URL. */
export async function enqueueCoverageImport(db: Db, comparisonId: number, candidateIds?: number[]): Promise<Job | null> {
  const rows = await db
    .select()
    .from(coverageCandidates)
    .where(
      and(
        eq(coverageCandidates.comparisonId, comparisonId),
        candidateIds ? inArray(coverageCandidates.id, candidateIds) : inArray(coverageCandidates.status, ["pending", "failed"]),
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

/** Imports item after item, resuming after the last one done; each outcome goes to the job's log. */
export const importJob: JobHandler = async (job, ctx) => {
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
    const o = await importItem(ctx.db, it as BulkItem, { comparisonId: payload.comparisonId, fetch: { signal: ctx.signal } });
    if (o.status === "failed") failed++;
    // Only an import into a comparison changes what its page shows at once (another process's imports
    // reach the page cache through the comparison's revision).
    else if (payload.comparisonId) bumpDataVersion();
    const line =
      o.status === "imported" ? `imported #${o.article.id} “${o.article.title}” from ${o.input}${o.note ? ` (${o.note})` : ""}` : o.status === "duplicate" ? `${o.input}: already in the library as #${o.id}` : `${o.input}: ${o.reason}`;
    // One progress write per item: the outcome, and what comes next.
    const next = i + 1 < total ? (await itemAt(i + 1)).input : null;
    await ctx.progress({ done: i + 1, failed, log: line, current: next });
  }
  await ctx.progress({ current: null });
};
