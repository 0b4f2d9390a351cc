import fs from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { jobLog, jobs } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import {
  cancelJob,
  claimJob,
  enqueueJob,
  getJob,
  getJobLogTail,
  getJobOutcomes,
  getJobRow,
  updateJobProgress,
} from "#app/models/jobs.server";
import { freshDbUrl } from "#tests/utils/processes";

// Issue 16: the job log was one JSON array in the job's row, rewritten whole on every item, so a 20k-item import
// wrote gigabytes to the write-ahead log. Each line is now a row of its own.

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

async function freshDb(name: string) {
  const fresh = freshDbUrl(name);
  cleanups.push(fresh.cleanup);
  const db = await prepareDatabase({ url: fresh.url, seed: false });
  return { db, file: fresh.url.slice("file:".length) };
}

const line = (n: number) =>
  `imported #${n} “A fictional headline about the Fernvale harbour board, number ${n}” from generated-${n}.json`;

describe("the job log", () => {
  test("a progress step writes a few pages to the write-ahead log, however long the log already is", async () => {
    const { db, file } = await freshDb("job-log-wal");
    await enqueueJob(db, "import", {}, 3000);
    const job = (await claimJob(db, "w1"))!;
    for (let i = 0; i < 1500; i++)
      await updateJobProgress(db, job.id, "w1", {
        done: i + 1,
        log: line(i),
        item: { outcome: "imported", input: `generated-${i}.json` },
      });
    await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    const STEPS = 20;
    for (let i = 1500; i < 1500 + STEPS; i++)
      await updateJobProgress(db, job.id, "w1", {
        done: i + 1,
        log: line(i),
        item: { outcome: "imported", input: `generated-${i}.json` },
      });
    // The job row, a log row and two index entries: a handful of 4 KB pages per step. A log kept in the job's row
    // (about 150 KB after 1,500 lines) rewrote some 40 pages per step.
    const pagesPerStep = (fs.statSync(`${file}-wal`).size - 32) / (4096 + 24) / STEPS;
    expect(pagesPerStep).toBeLessThanOrEqual(6);
    const [row] = await db
      .select({ bytes: sql<number>`length(${jobs.log})` })
      .from(jobs)
      .where(eq(jobs.id, job.id));
    expect(row!.bytes).toBe(2); // "[]": nothing accumulates in the job's row
    const full = (await getJob(db, job.id))!;
    expect(full.log).toHaveLength(1500 + STEPS);
    expect(full.log[0]).toBe(line(0));
    expect(full.log.at(-1)).toBe(line(1500 + STEPS - 1));
    db.$client.close();
  });

  test("outcomes are counted from the logged rows: imported, duplicates, failures in order and the commonest reason", async () => {
    const { db } = await freshDb("job-log-outcomes");
    await enqueueJob(db, "import", {}, 7);
    const job = (await claimJob(db, "w1"))!;
    const step = (done: number, log: string, item?: { outcome: "imported" | "duplicate" | "failed"; input: string }) =>
      updateJobProgress(db, job.id, "w1", { done, log, ...(item ? { item } : {}) });
    await step(0, "7 items to import");
    await step(1, "imported #4 “One” from a.txt", { outcome: "imported", input: "a.txt" });
    await step(2, "b.txt: already in the library as #4", { outcome: "duplicate", input: "b.txt" });
    // An input with ": " in its name still gives its reason whole.
    await step(3, "notes: draft.txt: The text is empty.", { outcome: "failed", input: "notes: draft.txt" });
    await step(4, "https://example.test/x: The page could not be reached.", {
      outcome: "failed",
      input: "https://example.test/x",
    });
    await step(5, "https://example.test/y: The page could not be reached.", {
      outcome: "failed",
      input: "https://example.test/y",
    });
    await step(6, "e.txt: The text is empty.", { outcome: "failed", input: "e.txt" });
    await step(7, "f.txt: The text is empty.", { outcome: "failed", input: "f.txt" });
    const o = await getJobOutcomes(db, job.id, 500);
    expect(o.imported).toBe(1);
    expect(o.duplicates).toBe(1);
    expect(o.failures.map((f) => f.input)).toEqual([
      "notes: draft.txt",
      "https://example.test/x",
      "https://example.test/y",
      "e.txt",
      "f.txt",
    ]);
    expect(o.commonReason).toEqual({ reason: "The text is empty.", count: 3 });
    expect((await getJobOutcomes(db, job.id, 2)).failures).toHaveLength(2);
    const tail = await getJobLogTail(db, (await getJobRow(db, job.id))!, 3);
    expect(tail).toEqual({
      lines: [
        "https://example.test/y: The page could not be reached.",
        "e.txt: The text is empty.",
        "f.txt: The text is empty.",
      ],
      length: 8,
    });
    db.$client.close();
  });

  test("a line is logged only while the worker holds the job; cancelling logs once; a job's log goes with it", async () => {
    const { db } = await freshDb("job-log-held");
    await enqueueJob(db, "import", {}, 2);
    const job = (await claimJob(db, "w1"))!;
    expect(await updateJobProgress(db, job.id, "intruder", { done: 1, log: "not mine" })).toBe("lost");
    expect(await cancelJob(db, job.id)).toBe(true);
    expect(await cancelJob(db, job.id)).toBe(false);
    expect(await updateJobProgress(db, job.id, "w1", { done: 1, log: "too late" })).toBe("cancelled");
    expect((await getJob(db, job.id))!.log).toEqual(["cancelled"]);
    // A job from before the log had rows of its own keeps its lines, and new ones follow them.
    await db
      .update(jobs)
      .set({ log: ["an old line"] })
      .where(eq(jobs.id, job.id));
    await db.update(jobs).set({ status: "queued" }).where(eq(jobs.id, job.id));
    await cancelJob(db, job.id);
    expect((await getJob(db, job.id))!.log).toEqual(["an old line", "cancelled", "cancelled"]);
    expect(await getJobLogTail(db, (await getJobRow(db, job.id))!, 2)).toEqual({
      lines: ["cancelled", "cancelled"],
      length: 3,
    });
    await db.delete(jobs).where(eq(jobs.id, job.id));
    expect(await db.select().from(jobLog).where(eq(jobLog.jobId, job.id))).toEqual([]);
    db.$client.close();
  });
});
