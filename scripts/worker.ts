// `npm run worker`: works the job queue (re-analysis, imports) of the database named by DATABASE_URL, beside
// or instead of the server process. Several workers may share one database: each job is claimed by one only.
import os from "node:os";
import { prepareDatabase } from "#db/prepare";
import { runWorker } from "#app/models/jobs.server";
import { getJobHandlers } from "#app/models/job-handlers.server";

const USAGE = "usage: worker [--until-idle] [--kinds a,b] [--poll MS] [--id NAME]";

async function main(argv: string[]): Promise<number> {
  let untilIdle = false;
  let kinds: string[] | undefined;
  let pollMs = 1000;
  let workerId = `${os.hostname()}:${process.pid}`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--until-idle") untilIdle = true;
    else if (a === "--kinds") kinds = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (a === "--poll") pollMs = Number(argv[++i]);
    else if (a === "--id") workerId = argv[++i] ?? workerId;
    else {
      console.error(`worker: unknown option "${a}"\n${USAGE}`);
      return 2;
    }
  }
  if (!Number.isFinite(pollMs) || pollMs < 10) {
    console.error(`worker: --poll needs a number of milliseconds (10 or more)\n${USAGE}`);
    return 2;
  }
  const handlers = getJobHandlers(kinds);
  const db = await prepareDatabase({ seed: false });
  const ac = new AbortController();
  // A stop signal releases the current job back to the queue; another worker resumes it.
  process.on("SIGTERM", () => ac.abort());
  process.on("SIGINT", () => ac.abort());
  console.error(`worker ${workerId}: kinds ${Object.keys(handlers).join(", ") || "(none)"}`);
  const stats = await runWorker({
    db,
    handlers,
    workerId,
    pollMs,
    signal: ac.signal,
    stopWhenIdle: untilIdle,
    onEvent: (e) => {
      if (e.type === "requeued") console.error(`worker: requeued stale job(s) ${e.ids.join(", ")}`);
      else console.error(`worker: job ${e.job.id} (${e.job.kind}) ${e.type}${e.type === "failed" ? `: ${e.error}` : ""}`);
    },
  });
  console.error(`worker ${workerId}: stopped (${stats.done} done, ${stats.failed} failed, ${stats.stopped} stopped)`);
  db.$client.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
