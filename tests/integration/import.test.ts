import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { articles, coverageCandidates } from "#db/schema";
import { createComparison, getComparison } from "#app/models/comparisons.server";
import { expandTargets, importItems } from "#app/models/import.server";
import { enqueueCoverageImport, enqueueImport, importJob } from "#app/models/import-job.server";
import { getJob, runWorker } from "#app/models/jobs.server";
import { getDb } from "#app/utils/db.server";
import { startServer, type LocalServer } from "#tests/unit/ingest/local-server";
import { ROOT } from "#tests/setup/server";
import { runCliSync } from "#tests/utils/processes";

function page(title: string, outlet: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title} | ${outlet}</title><meta property="og:site_name" content="${outlet}">
  <meta property="article:published_time" content="2025-02-03T10:00:00Z"><meta name="author" content="Tova Renn"></head>
  <body><nav>Home · World</nav><article><h1>${title}</h1>${body
    .split("\n")
    .map((p) => `<p>${p}</p>`)
    .join("")}</article></body></html>`;
}

const STORY = [
  "The fictional river authority of Quillon closed two locks on Monday after inspectors found cracks in the gates, the authority said in a statement.",
  '"We will not reopen until every hinge has been replaced," chief inspector Dario Fenn told reporters at the lower lock.',
  "Barge operators said the closure would cost them a week of trade, according to the Quillon Shippers' Guild.",
].join("\n");

describe("importing coverage", () => {
  let site: LocalServer;
  const prevAllow = process.env.PARALLAX_FETCH_ALLOW;

  beforeAll(async () => {
    site = await startServer({
      "/locks": (_q, r) =>
        r
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(page("Quillon locks close", "Quillon Courier", STORY)),
      "/moved": (_q, r) => r.writeHead(301, { location: "/locks" }).end(),
      "/empty": (_q, r) =>
        r
          .writeHead(200, { "content-type": "text/html" })
          .end("<html><body><div id=app></div><script>boot()</script></body></html>"),
      "/pdf": (_q, r) => r.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4"),
      "/*": (q, r) =>
        r
          .writeHead(200, { "content-type": "text/html" })
          .end(
            page(
              `Bulk story ${q.url}`,
              "Quillon Courier",
              `${STORY.replace("two locks", `lock ${q.url}`)}\nItem ${q.url} of the fictional bulk set.`,
            ),
          ),
    });
    process.env.PARALLAX_FETCH_ALLOW = `127.0.0.1:${site.port}`;
  });
  afterAll(async () => {
    process.env.PARALLAX_FETCH_ALLOW = prevAllow;
    await site.close();
  });

  test("a URL becomes an article with title, byline, date and clean text; again, it is a duplicate", async () => {
    const db = getDb();
    const items = await expandTargets([`${site.origin}/locks?utm_source=feed`]);
    const first = await importItems(db, items);
    expect(first.failed).toEqual([]);
    expect(first.imported).toHaveLength(1);
    const a = first.imported[0]!;
    expect(a).toMatchObject({
      title: "Quillon locks close",
      outlet: "Quillon Courier",
      published: "2025-02-03",
      url: `${site.origin}/locks`,
    });
    const row = await db.query.articles.findFirst({ where: (t, { eq }) => eq(t.id, a.id) });
    expect(row?.author).toBe("Tova Renn");
    expect(row?.text.split("\n\n")).toHaveLength(3);
    expect(row?.text).not.toContain("Home · World");
    const hitsBefore = site.hits.length;
    const again = await importItems(db, await expandTargets([`${site.origin}/locks`, `${site.origin}/moved`]));
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.id)).toEqual([a.id, a.id]);
    expect(site.hits.length - hitsBefore).toBe(2); // the known URL was not fetched again; the redirect was followed once
  });

  test("failures are reported per item and never stop the rest", async () => {
    const db = getDb();
    const s = await importItems(
      db,
      await expandTargets([
        `${site.origin}/empty`,
        `${site.origin}/pdf`,
        "http://10.0.0.1/x",
        `${site.origin}/bulk-ok`,
      ]),
    );
    expect(s.failed.map((f) => f.input)).toEqual([`${site.origin}/empty`, `${site.origin}/pdf`, "http://10.0.0.1/x"]);
    expect(s.failed[0]!.reason).toMatch(/Paste the text instead/);
    expect(s.imported).toHaveLength(1);
  });

  test("the coverage list imports in a job: progress, candidate status and the comparison are updated", async () => {
    const db = getDb();
    const c = await createComparison(db, { name: "Locks" });
    await db.insert(coverageCandidates).values([
      {
        comparisonId: c.id,
        url: `${site.origin}/cov-1`,
        outlet: "Quillon Courier",
        title: "(a description)",
        date: "2025-02",
      },
      { comparisonId: c.id, url: `${site.origin}/pdf`, outlet: "Quillon Courier", title: "A PDF" },
    ]);
    const job = await enqueueCoverageImport(db, c.id);
    expect(job?.total).toBe(2);
    await runWorker({ db, handlers: { import: importJob }, workerId: "t1", stopWhenIdle: true, pollMs: 10 });
    const done = await getJob(db, job!.id);
    expect(done).toMatchObject({ status: "done", done: 2, failed: 1 });
    expect(done!.log.join("\n")).toMatch(/imported #\d+/);
    const cands = await db.select().from(coverageCandidates).where(eq(coverageCandidates.comparisonId, c.id));
    expect(cands.map((x) => x.status).sort()).toEqual(["failed", "imported"]);
    expect(cands.find((x) => x.status === "failed")!.error).toMatch(/PDF|content type|not a web page/i);
    const detail = await getComparison(db, c.id);
    expect(detail!.articles).toHaveLength(1);
  });

  test("a bulk job of 30 items resumes where it stopped", async () => {
    const db = getDb();
    const items = Array.from({ length: 30 }, (_, i) => ({
      ok: true as const,
      input: `${site.origin}/resume-${i}`,
      record: { url: `${site.origin}/resume-${i}` },
      warnings: [],
    }));
    const job = await enqueueImport(db, items, null);
    // Pretend a worker died after 12 items: the next one starts at item 12, and nothing is imported twice.
    await importItems(db, items.slice(0, 12));
    await db
      .update((await import("#db/schema")).jobs)
      .set({ done: 12 })
      .where(eq((await import("#db/schema")).jobs.id, job.id));
    const before = (await db.select().from(articles)).length;
    await runWorker({ db, handlers: { import: importJob }, workerId: "t2", stopWhenIdle: true, pollMs: 10 });
    expect((await db.select().from(articles)).length - before).toBe(18);
    expect(await getJob(db, job.id)).toMatchObject({ status: "done", done: 30, failed: 0 });
  });

  test("a bulk job keeps its items out of its own row, reads them page by page and resumes past a page", async () => {
    const db = getDb();
    const { jobs, jobItems } = await import("#db/schema");
    const items = Array.from({ length: 120 }, (_, i) => ({
      ok: true as const,
      input: `paged-${i}.txt`,
      record: {
        title: `Paged fictional report ${i}`,
        outlet: "Quillon Courier",
        text: `${STORY}\nThis is paged fictional item ${i}, written for this test.`,
      },
      warnings: [],
    }));
    const job = await enqueueImport(db, items, null);
    expect(job.total).toBe(120);
    expect(JSON.stringify(job.payload)).not.toContain("paged-");
    expect((await db.select().from(jobItems).where(eq(jobItems.jobId, job.id))).length).toBe(120);
    // A worker stopped after 70 items (past the first page of 50): the next one takes up at item 70.
    await importItems(db, items.slice(0, 70));
    await db.update(jobs).set({ done: 70 }).where(eq(jobs.id, job.id));
    const before = (await db.select().from(articles)).length;
    await runWorker({ db, handlers: { import: importJob }, workerId: "t-paged", stopWhenIdle: true, pollMs: 10 });
    expect((await db.select().from(articles)).length - before).toBe(50);
    const after = (await getJob(db, job.id))!;
    expect(after).toMatchObject({ status: "done", done: 120, failed: 0, current: null });
    expect(after.log.filter((l) => l.startsWith("imported #"))).toHaveLength(50);
    expect(after.log.at(-1)).toContain("paged-119.txt");
  });

  test("the CLI imports a folder, then finds everything a duplicate, with a JSON summary last", () => {
    const dbFile = path.join(ROOT, `tests/.tmp/cli-import-${process.pid}.db`);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
    const run = () => runCliSync(["import", "tests/fixtures/articles", "--json"], { DATABASE_URL: `file:${dbFile}` });
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.trim().split("\n");
    const summary = JSON.parse(lines[lines.length - 1]!);
    expect(summary.imported).toHaveLength(6);
    expect(Object.keys(summary.imported[0]).sort()).toEqual(["id", "outlet", "published", "title", "url", "words"]);
    expect(first.stderr).toMatch(/\[6\/6\]/);
    const second = run();
    const s2 = JSON.parse(second.stdout.trim().split("\n").pop()!);
    expect(s2.imported).toEqual([]);
    expect(s2.duplicates).toHaveLength(6);
    const bad = runCliSync(["import", "no/such/folder", "--json"], { DATABASE_URL: `file:${dbFile}` });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout.trim().split("\n").pop()!).failed).toHaveLength(1);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  }, 60_000);
});
