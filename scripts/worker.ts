// `npm run worker`: works the job queue (re-analysis, imports) of the database named by DATABASE_URL, beside
// or instead of the server process. Several workers may share one database: each job is claimed by one only.
// The server starts one of these as its own child process (see scripts/server.ts), so that analysis never
// runs on the thread that renders pages.
import os from "node:os";
import { prepareDatabase } from "#db/prepare";
import { runWorker } from "#app/models/jobs.server";
import { getJobHandlers, queueStaleReanalysis } from "#app/models/job-handlers.server";
import { yieldCpuToPages } from "#app/utils/background.server";
import { predrawPass } from "#app/routes/comparisons.$id/predraw.server";

const USAGE = "usage: worker [--until-idle] [--kinds a,b] [--poll MS] [--id NAME] [--queue-stale] [--normal-priority]";

async function main(argv: string[]): Promise<number> {
  let untilIdle = false;
  let kinds: string[] | undefined;
  let pollMs = 1000;
  let workerId = `${os.hostname()}:${process.pid}`;
  let queueStale = false;
  let lowerPriority = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--until-idle") untilIdle = true;
    else if (a === "--kinds") kinds = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--poll") pollMs = Number(argv[++i]);
    else if (a === "--id") workerId = argv[++i] ?? workerId;
    else if (a === "--queue-stale") queueStale = true;
    else if (a === "--normal-priority") lowerPriority = false;
    else {
      console.error(`worker: unknown option "${a}"\n${USAGE}`);
      return 2;
    }
  }
  if (!Number.isFinite(pollMs) || pollMs < 10) {
    console.error(`worker: --poll needs a number of milliseconds (10 or more)\n${USAGE}`);
    return 2;
  }
  // Pages first: on a machine that also serves them, imports and re-analysis take the CPU left over.
  const nice = lowerPriority ? yieldCpuToPages() : null;
  const handlers = getJobHandlers(kinds);
  const db = await prepareDatabase({ seed: false });
  const ac = new AbortController();
  // A stop signal releases the current job back to the queue; another worker resumes it.
  process.on("SIGTERM", () => ac.abort());
  process.on("SIGINT", () => ac.abort());
  // Started by the server with an IPC channel: when the server goes (even killed outright), so does this.
  if (process.send) process.on("disconnect", () => ac.abort());
  // Under the server, which starts a new one when this one exits, the worker hands its job back and exits once
  // its memory passes a limit: a long import grew it by about 250 MB per 1,000 items outside the JavaScript heap
  // (native memory of the database driver, unexplained), and the next worker resumes the job where it stopped.
  const maxRssMb = Number(process.env.PARALLAX_WORKER_MAX_RSS_MB ?? 400);
  const recycle =
    process.send && maxRssMb > 0
      ? setInterval(() => {
          if (process.memoryUsage.rss() / 1024 / 1024 <= maxRssMb) return;
          console.error(`worker ${workerId}: memory over ${maxRssMb} MB; handing the job back and restarting`);
          ac.abort();
        }, 2000)
      : null;
  recycle?.unref();
  // Analyses from another analyser version are re-computed in the background, as one job for all workers.
  if (queueStale) await queueStaleReanalysis(db);
  console.error(
    `worker ${workerId}: kinds ${Object.keys(handlers).join(", ") || "(none)"}${nice !== null ? `, nice ${nice}` : ""}`,
  );
  // Beside the jobs, the charts of every comparison that changed are drawn and stored, so no page's GET draws them
  // (off with --until-idle, which exits once the queue is empty, and with PARALLAX_PREDRAW=0).
  const seen = new Map<number, number>();
  let predrawing: Promise<unknown> | null = null;
  const predraw =
    !untilIdle && process.env.PARALLAX_PREDRAW !== "0"
      ? setInterval(
          () => {
            if (predrawing || ac.signal.aborted) return;
            predrawing = predrawPass(db, seen, ac.signal)
              .catch((e: unknown) => console.error(`worker ${workerId}: drawing charts ahead failed: ${String(e)}`))
              .finally(() => (predrawing = null));
          },
          Math.max(pollMs, 1000),
        )
      : null;
  const stats = await runWorker({
    db,
    handlers,
    workerId,
    pollMs,
    signal: ac.signal,
    stopWhenIdle: untilIdle,
    onEvent: (e) => {
      if (e.type === "requeued") console.error(`worker: requeued stale job(s) ${e.ids.join(", ")}`);
      else
        console.error(`worker: job ${e.job.id} (${e.job.kind}) ${e.type}${e.type === "failed" ? `: ${e.error}` : ""}`);
    },
  });
  if (recycle) clearInterval(recycle);
  if (predraw) clearInterval(predraw);
  await predrawing;
  console.error(`worker ${workerId}: stopped (${stats.done} done, ${stats.failed} failed, ${stats.stopped} stopped)`);
  db.$client.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // The IPC channel to the server would keep this process alive after its work is done.
    if (process.connected) process.disconnect();
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
    if (process.connected) process.disconnect();
  },
);
