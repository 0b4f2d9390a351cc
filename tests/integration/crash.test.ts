import { spawn } from "node:child_process";
import { afterAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { articles } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { freshDbUrl, NODE_TSX, ROOT, runTsx } from "#tests/utils/processes";

// An importing process killed outright (SIGKILL, no clean-up) leaves no article without its analysis,
// a sound database file, and an import that, run again, skips what was stored and goes on.
const fresh = freshDbUrl("crash");
afterAll(() => fresh.cleanup());

describe("a crash in the middle of a bulk import", () => {
  test("leaves nothing half-written, and the import resumes", async () => {
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const bulkCount = async () =>
      Number(
        (
          await db
            .select({ n: sql<number>`count(*)` })
            .from(articles)
            .where(eq(articles.origin, "bulk"))
        )[0]?.n,
      );

    const child = spawn(
      NODE_TSX[0],
      [...NODE_TSX.slice(1), "bench/load-importer.ts", "--max-seconds", "30", "--tag", "crash"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: fresh.url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on("exit", (_c, signal) => r(signal)));
    const until = Date.now() + 20_000;
    while ((await bulkCount()) < 8 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    // Killed at an arbitrary point: usually inside the analysis or the transaction of the next article.
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const stored = await bulkCount();
    expect(stored).toBeGreaterThanOrEqual(8);
    const integrity = await db.$client.execute("pragma integrity_check");
    expect(String(integrity.rows[0]?.[0])).toBe("ok");
    const orphans = await db.$client.execute(
      "select count(*) as n from articles a where not exists (select 1 from analyses x where x.article_id = a.id)",
    );
    expect(Number(orphans.rows[0]?.n)).toBe(0);
    const fk = await db.$client.execute("pragma foreign_key_check");
    expect(fk.rows).toHaveLength(0);

    // Run again from the start: what was stored is found (duplicates), the rest is created.
    const again = await runTsx(["bench/load-importer.ts", "--max-seconds", "4", "--tag", "crash"], {
      DATABASE_URL: fresh.url,
    });
    expect(again.code, again.stderr).toBe(0);
    const stats = JSON.parse(again.stdout.trim()) as {
      attempted: number;
      created: number;
      duplicates: number;
      errors: number;
    };
    expect(stats.errors).toBe(0);
    expect(stats.attempted).toBeGreaterThan(stored);
    expect(stats.duplicates).toBe(stored);
    expect(stats.created).toBe(stats.attempted - stored);
    expect(await bulkCount()).toBe(stored + stats.created);
    db.$client.close();
  });
});
