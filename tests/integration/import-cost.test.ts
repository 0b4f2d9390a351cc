// Issue 16: a 20k-item import must not slow down as the library grows. What one imported item costs the job worker
// is counted, not timed: the statements it runs and the rows they read and write, for a job worked on a small
// library and again on a library several times larger. Anything that reads or writes in proportion to the library
// (a scan of every article, a pair written for every copy of a much-copied story) makes the second count larger.
// The records are generated variants of one of the repository's own fictional texts: every one shares most of its
// wording with every other, the worst case for the near-duplicate check (a much-copied wire story).
import { afterAll, describe, expect, test } from "vitest";
import type { Client } from "@libsql/client";
import { prepareDatabase } from "#db/prepare";
import type { BulkItem } from "#app/ingest/bulk.server";
import { enqueueImport } from "#app/models/import-job.server";
import { getJobHandlers } from "#app/models/job-handlers.server";
import { getJob, runWorker } from "#app/models/jobs.server";
import { freshDbUrl } from "#tests/utils/processes";
import { loadFixtureTexts, makeVariant } from "../../bench/lib/variants";

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

interface Counts {
  statements: number;
  rowsRead: number;
  rowsWritten: number;
}

type Result = { rows?: unknown[]; rowsAffected?: number };

/** Counts every statement the client runs (alone, in a batch or in a transaction), with the rows it read and wrote. */
function countStatements(client: Client): Counts {
  const counts: Counts = { statements: 0, rowsRead: 0, rowsWritten: 0 };
  const add = (r: Result) => {
    counts.statements++;
    counts.rowsRead += r.rows?.length ?? 0;
    counts.rowsWritten += r.rowsAffected ?? 0;
  };
  const wrap = (target: Record<string, unknown>) => {
    const execute = (target.execute as (...a: unknown[]) => Promise<Result>).bind(target);
    const batch = (target.batch as (...a: unknown[]) => Promise<Result[]>).bind(target);
    target.execute = async (...a: unknown[]) => {
      const r = await execute(...a);
      add(r);
      return r;
    };
    target.batch = async (...a: unknown[]) => {
      const rs = await batch(...a);
      rs.forEach(add);
      return rs;
    };
  };
  const c = client as unknown as Record<string, unknown>;
  wrap(c);
  const transaction = (c.transaction as (...a: unknown[]) => Promise<Record<string, unknown>>).bind(client);
  c.transaction = async (...a: unknown[]) => {
    const tx = await transaction(...a);
    wrap(tx);
    return tx;
  };
  return counts;
}

describe("the cost of one imported item", () => {
  test("does not grow with the library: the same statements, rows read and rows written per item", async () => {
    const fresh = freshDbUrl("import-cost");
    cleanups.push(fresh.cleanup);
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const counts = countStatements(db.$client);
    const fixtures = loadFixtureTexts().slice(0, 1);
    let next = 0;
    const records = (n: number): BulkItem[] =>
      Array.from({ length: n }, () => {
        const v = makeVariant(fixtures, next, "cost");
        return { ok: true, input: `generated-cost-${next++}.json`, record: { ...v, language: "en" }, warnings: [] };
      });
    const handlers = getJobHandlers(["import"]);
    /** Imports `n` records as one job, worked to its end; what it cost per item (measured or not). */
    const importJob = async (n: number) => {
      const job = await enqueueImport(db, records(n), null);
      const before = { ...counts };
      await runWorker({ db, handlers, workerId: "cost", stopWhenIdle: true });
      const done = (await getJob(db, job.id))!;
      expect(done.status).toBe("done");
      expect(done.failed).toBe(0);
      return {
        statements: (counts.statements - before.statements) / n,
        rowsRead: (counts.rowsRead - before.rowsRead) / n,
        rowsWritten: (counts.rowsWritten - before.rowsWritten) / n,
      };
    };

    // The first imports load what every later one only adds to (the near-duplicate index), and make more copies
    // than an article keeps as its closest.
    await importJob(45);
    const small = await importJob(12);
    await importJob(60);
    const large = await importJob(12);
    // The near-duplicate check did find copies (each import writes pairs): the comparison is not of idle work.
    expect(small.rowsWritten).toBeGreaterThan(30);
    expect(large.statements).toBe(small.statements);
    expect(large.rowsRead).toBeLessThanOrEqual(small.rowsRead + 1);
    expect(large.rowsWritten).toBeLessThanOrEqual(small.rowsWritten + 1);
    db.$client.close();
  }, 120_000);
});
