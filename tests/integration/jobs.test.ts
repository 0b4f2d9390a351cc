import { spawn } from "node:child_process";
import { afterAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { analyses, jobs } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { ANALYSER_VERSION } from "#app/analysis/index";
import {
  cancelJob,
  claimJob,
  enqueueJob,
  enqueueJobOnce,
  getJob,
  listJobs,
  requeueStale,
  runWorker,
  updateJobProgress,
  type JobHandler,
} from "#app/models/jobs.server";
import { getJobHandlers, startAppWorker } from "#app/models/job-handlers.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";
import { freshDbUrl, NODE_TSX, ROOT, runTsx } from "#tests/utils/processes";

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function startRaceWorker(url: string, id: string, n: number) {
  const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), "tests/utils/race-worker.ts", id, String(n)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes("ready")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`race worker ${id} exited (${code}) before it was ready:\n${stderr}`)));
  });
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<number[]>((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`race worker ${id} exited with ${code}:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim()) as number[]);
    });
  });
  return { ready, done };
}

describe("jobs", () => {
  test("two worker processes on one database take each of 50 jobs exactly once", async () => {
    const fresh = freshDbUrl("jobs-race");
    cleanups.push(fresh.cleanup);
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    await db.run(sql`create table race_hits (job_id integer not null, worker text not null)`);
    const a = startRaceWorker(fresh.url, "alpha", 50);
    const b = startRaceWorker(fresh.url, "beta", 50);
    await Promise.all([a.ready, b.ready]);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 50; i++) await tx.insert(jobs).values({ kind: "race", payload: { i }, total: 1 });
    });
    const [ranA, ranB] = await Promise.all([a.done, b.done]);
    const hits = (await db.$client.execute("select job_id, worker from race_hits")).rows;
    const all = await listJobs(db, { kind: "race" });
    db.$client.close();

    expect(ranA.length + ranB.length).toBe(50);
    expect(new Set([...ranA, ...ranB]).size).toBe(50);
    expect(ranA.length, `split ${ranA.length}/${ranB.length}`).toBeGreaterThan(0);
    expect(ranB.length, `split ${ranA.length}/${ranB.length}`).toBeGreaterThan(0);
    expect(hits).toHaveLength(50);
    expect(new Set(hits.map((h) => Number(h.job_id))).size).toBe(50);
    expect(all.every((j) => j.status === "done" && j.done === 1)).toBe(true);
    for (const j of all) expect(j.lockedBy).toBe(ranA.includes(j.id) ? "alpha" : "beta");
  });

  test("claimJob takes the oldest queued job of the worker's kinds, and only once", async () => {
    const db = getDb();
    const x = await enqueueJob(db, "claim-x", { n: 1 }, 3);
    const y = await enqueueJob(db, "claim-y", { n: 2 });
    expect((await claimJob(db, "w1", ["claim-y"]))?.id).toBe(y.id);
    const claimed = await claimJob(db, "w1", ["claim-x", "claim-y"]);
    expect(claimed).toMatchObject({ id: x.id, status: "running", lockedBy: "w1", payload: { n: 1 }, total: 3 });
    expect(await claimJob(db, "w2", ["claim-x", "claim-y"])).toBeNull();
    expect(await enqueueJobOnce(db, "claim-x", { n: 1 })).toMatchObject({ id: x.id });
    expect((await enqueueJobOnce(db, "claim-x", { n: 9 })).id).not.toBe(x.id);
  });

  test("a cancelled running job stops at its next progress update", async () => {
    const db = getDb();
    let steps = 0;
    const slow: JobHandler = async (job, ctx) => {
      for (let i = job.done; i < 200; i++) {
        steps++;
        await new Promise((r) => setTimeout(r, 5));
        await ctx.progress({ done: i + 1, current: `step ${i + 1}` });
      }
    };
    const job = await enqueueJob(db, "slow", {}, 200);
    const ac = new AbortController();
    const events: string[] = [];
    const worker = runWorker({
      db,
      workerId: "canceller",
      handlers: { slow },
      pollMs: 10,
      signal: ac.signal,
      onEvent: (e) => events.push(e.type),
    });
    while (((await getJob(db, job.id))?.done ?? 0) < 5) await new Promise((r) => setTimeout(r, 5));
    expect(await cancelJob(db, job.id)).toBe(true);
    while (!events.includes("cancelled")) await new Promise((r) => setTimeout(r, 5));
    const stepsAtStop = steps;
    await new Promise((r) => setTimeout(r, 60));
    ac.abort();
    const stats = await worker;
    const after = await getJob(db, job.id);
    expect(after?.status).toBe("cancelled");
    expect(after!.done).toBeLessThan(200);
    expect(steps).toBe(stepsAtStop);
    expect(stats).toMatchObject({ claimed: 1, done: 0, stopped: 1 });
    expect(after?.log).toContain("cancelled");
    expect(await cancelJob(db, job.id)).toBe(false);
  });

  test("a job whose worker died is requeued and resumed where it stopped", async () => {
    const db = getDb();
    const job = await enqueueJob(db, "count", { to: 10 }, 10);
    const claimed = await claimJob(db, "dead-worker", ["count"]);
    expect(claimed?.id).toBe(job.id);
    expect(await updateJobProgress(db, job.id, "dead-worker", { done: 4, log: "did 4" })).toBe("running");
    // The dead worker's last sign of life was a minute ago.
    await db
      .update(jobs)
      .set({ lockedAt: new Date(Date.now() - 60_000).toISOString() })
      .where(eq(jobs.id, job.id));
    expect(await requeueStale(db, 120_000)).toEqual([]);

    const seen: number[] = [];
    const count: JobHandler = async (j, ctx) => {
      for (let i = j.done; i < (j.payload as { to: number }).to; i++) {
        seen.push(i);
        await ctx.progress({ done: i + 1 });
      }
    };
    const events: string[] = [];
    const stats = await runWorker({
      db,
      workerId: "rescuer",
      handlers: { count },
      staleMs: 30_000,
      stopWhenIdle: true,
      onEvent: (e) => events.push(e.type),
    });
    expect(events.slice(0, 3)).toEqual(["requeued", "claimed", "done"]);
    expect(stats.done).toBe(1);
    expect(seen).toEqual([4, 5, 6, 7, 8, 9]);
    const after = await getJob(db, job.id);
    expect(after).toMatchObject({ status: "done", done: 10, lockedBy: "rescuer" });
    expect(after?.log.join("\n")).toMatch(/did 4[\s\S]*requeued: worker dead-worker went silent/);
    // The old worker, if it was only slow, learns it lost the job.
    expect(await updateJobProgress(db, job.id, "dead-worker", { done: 5 })).toBe("lost");
  });

  test("a handler that throws fails its job with the message", async () => {
    const db = getDb();
    const job = await enqueueJob(db, "boom", {});
    const stats = await runWorker({
      db,
      workerId: "w",
      handlers: { boom: async () => Promise.reject(new Error("the fictional feed is down")) },
      stopWhenIdle: true,
    });
    expect(stats.failed).toBe(1);
    const after = await getJob(db, job.id);
    expect(after?.status).toBe("failed");
    expect(after?.log.at(-1)).toBe("failed: the fictional feed is down");
  });

  test("npm run worker re-analyses stale analyses through the registered reanalyse handler", async () => {
    const db = getDb();
    const a = await createArticle();
    await db.update(analyses).set({ analyserVersion: "old-version" }).where(eq(analyses.articleId, a.id));
    const job = await enqueueJob(db, "reanalyse", {});
    expect(Object.keys(getJobHandlers())).toContain("reanalyse");
    const r = await runTsx(["scripts/worker.ts", "--until-idle", "--id", "cli-worker"], {
      DATABASE_URL: process.env.DATABASE_URL!,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`job ${job.id} (reanalyse) done`);
    const after = await getJob(db, job.id);
    expect(after).toMatchObject({ status: "done", lockedBy: "cli-worker" });
    expect(after!.done).toBeGreaterThanOrEqual(1);
    const rows = await db.select().from(analyses).where(eq(analyses.articleId, a.id));
    expect(rows.map((x) => x.analyserVersion)).toEqual([ANALYSER_VERSION]);
  });

  test("the server's worker queues a re-analysis only when something is stale, and works it", async () => {
    const db = getDb();
    const before = (await listJobs(db, { kind: "reanalyse" })).length;
    const a = await createArticle();
    await db.update(analyses).set({ analyserVersion: "older-version" }).where(eq(analyses.articleId, a.id));
    const ac = new AbortController();
    const running = startAppWorker(db, { workerId: "server-test", signal: ac.signal, pollMs: 20 });
    const until = Date.now() + 10_000;
    let jobsNow = await listJobs(db, { kind: "reanalyse" });
    while (Date.now() < until && !(jobsNow.length > before && jobsNow[0]!.status === "done")) {
      await new Promise((r) => setTimeout(r, 20));
      jobsNow = await listJobs(db, { kind: "reanalyse" });
    }
    ac.abort();
    await running;
    expect(jobsNow).toHaveLength(before + 1);
    expect(jobsNow[0]).toMatchObject({ status: "done", lockedBy: "server-test" });
    expect(
      (await db.select().from(analyses).where(eq(analyses.articleId, a.id))).map((r) => r.analyserVersion),
    ).toEqual([ANALYSER_VERSION]);
    // Nothing stale now: a second start queues nothing.
    const ac2 = new AbortController();
    ac2.abort();
    await startAppWorker(db, { workerId: "server-test-2", signal: ac2.signal });
    expect(await listJobs(db, { kind: "reanalyse" })).toHaveLength(before + 1);
  });

  test("the server's job process: lower CPU priority, queues stale re-analysis, works it, and stops with the server", async () => {
    const db = getDb();
    const a = await createArticle();
    await db.update(analyses).set({ analyserVersion: "older-still" }).where(eq(analyses.articleId, a.id));
    const before = (await listJobs(db, { kind: "reanalyse" })).length;
    const { startJobProcess } = await import("../../scripts/lib/job-process");
    const logs: string[] = [];
    const jp = startJobProcess({ root: ROOT, workerId: "jobs-child", pollMs: 50, log: (m) => logs.push(m) });
    try {
      const until = Date.now() + 20_000;
      let rows = await db.select().from(analyses).where(eq(analyses.articleId, a.id));
      while (Date.now() < until && rows.some((r) => r.analyserVersion !== ANALYSER_VERSION)) {
        await new Promise((r) => setTimeout(r, 100));
        rows = await db.select().from(analyses).where(eq(analyses.articleId, a.id));
      }
      expect(rows.map((r) => r.analyserVersion)).toEqual([ANALYSER_VERSION]);
      const jobsNow = await listJobs(db, { kind: "reanalyse" });
      expect(jobsNow).toHaveLength(before + 1);
      expect(jobsNow[0]!.lockedBy).toBe("jobs-child");
    } finally {
      await jp.stop();
    }
    expect(logs.filter((l) => l.includes("restarting"))).toEqual([]);
  }, 30_000);

  test("scripts/worker.ts runs at nice 10 and stops when the process that started it disconnects", async () => {
    const child = spawn(
      NODE_TSX[0],
      [...NODE_TSX.slice(1), "scripts/worker.ts", "--poll", "50", "--id", "ipc-worker"],
      {
        cwd: ROOT,
        env: { ...process.env },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const until = Date.now() + 20_000;
    while (Date.now() < until && !stderr.includes("kinds")) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toContain("nice 10");
    // /proc/PID/stat field 19 is the nice value.
    const stat = (await import("node:fs")).readFileSync(`/proc/${child.pid}/stat`, "utf8");
    expect(Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])).toBe(10);
    child.disconnect();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    expect(await exited).toBe(0);
    clearTimeout(timer);
    expect(stderr).toContain("ipc-worker: stopped");
  }, 30_000);
});
