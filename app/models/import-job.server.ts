import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { coverageCandidates } from "#db/schema";
import type { BulkItem } from "#app/ingest/bulk.server";
import type { Db } from "#app/utils/db.server";
import { bumpDataVersion } from "#app/utils/response-cache.server";
import { importItem } from "./import.server";
import { enqueueJob, type Job, type JobHandler } from "./jobs.server";

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
export const importPayload = z.object({ comparisonId: z.number().int().positive().nullable(), items: z.array(item) });
export type ImportPayload = z.infer<typeof importPayload>;

/** Queues an import of bulk items (from an upload or the coverage list); the worker runs it off the request path. */
export async function enqueueImport(db: Db, items: BulkItem[], comparisonId: number | null): Promise<Job> {
  return enqueueJob(db, "import", { comparisonId, items } satisfies ImportPayload, items.length);
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
  let failed = job.failed;
  for (let i = job.done; i < payload.items.length; i++) {
    const it = payload.items[i]!;
    await ctx.progress({ current: it.input });
    const o = await importItem(ctx.db, it as BulkItem, { comparisonId: payload.comparisonId, fetch: { signal: ctx.signal } });
    if (o.status === "failed") failed++;
    // Only an import into a comparison changes what its page shows at once; the library picker may lag 2 s.
    else if (payload.comparisonId) bumpDataVersion();
    const line =
      o.status === "imported" ? `imported #${o.article.id} “${o.article.title}” from ${o.input}${o.note ? ` (${o.note})` : ""}` : o.status === "duplicate" ? `${o.input}: already in the library as #${o.id}` : `${o.input}: ${o.reason}`;
    await ctx.progress({ done: i + 1, failed, log: line });
  }
  await ctx.progress({ current: null });
};
