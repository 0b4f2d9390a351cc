// Issue 16: a long import grew the job process by hundreds of MB outside the JavaScript heap. Under the server
// (an IPC channel: the server starts a new worker when one exits), a worker over its memory limit hands its job
// back and exits; the next one resumes the job where it stopped, so nothing is lost or done twice.
import { spawn } from "node:child_process";
import { afterAll, describe, expect, test } from "vitest";
import { prepareDatabase } from "#db/prepare";
import type { BulkItem } from "#app/ingest/bulk.server";
import { enqueueImport } from "#app/models/import-job.server";
import { getJob } from "#app/models/jobs.server";
import { freshDbUrl, NODE_TSX, ROOT } from "#tests/utils/processes";
import { loadFixtureTexts, makeVariant } from "../../bench/lib/variants";

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe("the job worker's memory limit", () => {
  test("a worker started by the server hands its job back and exits once over its limit", async () => {
    const fresh = freshDbUrl("worker-recycle");
    cleanups.push(fresh.cleanup);
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const fixtures = loadFixtureTexts();
    const items: BulkItem[] = Array.from({ length: 400 }, (_, n) => {
      const v = makeVariant(fixtures, n, "recycle");
      return { ok: true, input: `generated-recycle-${n}.json`, record: { ...v, language: "en" }, warnings: [] };
    });
    const job = await enqueueImport(db, items, null);
    const child = spawn(
      NODE_TSX[0],
      [...NODE_TSX.slice(1), "scripts/worker.ts", "--poll", "50", "--id", "ipc-recycle", "--normal-priority"],
      {
        cwd: ROOT,
        // Any worker is over 1 MB: the limit is met at the first check, two seconds in.
        env: { ...process.env, DATABASE_URL: fresh.url, PARALLAX_WORKER_MAX_RSS_MB: "1" },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    // It exits by itself: the channel to its parent stays open throughout.
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    expect(await exited).toBe(0);
    clearTimeout(timer);
    expect(stderr).toContain("memory over 1 MB");
    const after = (await getJob(db, job.id))!;
    expect(after.status).toBe("queued");
    expect(after.done).toBeLessThan(items.length);
    if (after.done > 0) expect(after.log).toContain("released by ipc-recycle");
    db.$client.close();
  }, 90_000);
});
