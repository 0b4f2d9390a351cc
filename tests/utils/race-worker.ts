// A worker process for the job-claim race test: waits until N "race" jobs are queued, then works them,
// recording each execution in `race_hits`, and prints the ids it ran as one JSON line.
import { sql } from "drizzle-orm";
import { prepareDatabase } from "#db/prepare";
import { runWorker } from "#app/models/jobs.server";

const [workerId = "w", nArg = "50"] = process.argv.slice(2);
const n = Number(nArg);
const db = await prepareDatabase({ seed: false });
console.error("ready");
const until = Date.now() + 20_000;
for (;;) {
  const res = await db.$client.execute("select count(*) as n from jobs where kind = 'race'");
  if (Number(res.rows[0]?.n) >= n || Date.now() > until) break;
  await new Promise((r) => setTimeout(r, 5));
}
const ran: number[] = [];
await runWorker({
  db,
  workerId,
  pollMs: 5,
  stopWhenIdle: true,
  handlers: {
    race: async (job, ctx) => {
      ran.push(job.id);
      await db.run(sql`insert into race_hits (job_id, worker) values (${job.id}, ${workerId})`);
      await new Promise((r) => setTimeout(r, 3));
      await ctx.progress({ done: 1 });
    },
  },
});
process.stdout.write(JSON.stringify(ran) + "\n");
db.$client.close();
