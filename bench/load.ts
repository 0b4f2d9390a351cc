// `npm run bench:load`: the production build on a loopback port with its own fresh database, a 4-article
// comparison, autocannon at 50 connections against the comparison page and the JSON export (or an article
// page) while a bulk import runs in another process. Prints figures, asserts nothing. Needs `npm run build`.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { articles } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { importArticle } from "#app/models/articles.server";
import { createComparison } from "#app/models/comparisons.server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `node --import tsx` rather than the tsx wrapper, so the PIDs held here are the processes themselves.
const NODE_TSX = [process.execPath, "--import", "tsx"] as const;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
// LOAD_IMPORT=0 runs the same load without the bulk import beside it (to tell the two effects apart).
const WITH_IMPORT = process.env.LOAD_IMPORT !== "0";
const FIXTURES = ["port-strike", "election-dispute", "drug-recall", "border-incident"];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUp(url: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer at ${url} within ${ms} ms`);
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function hammer(label: string, url: string) {
  const times: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: 10 });
  // autocannon reports p90/p97.5/p99 but not p95: record every response time and compute them here.
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const r = await instance;
  times.sort((a, b) => a - b);
  const row = {
    target: label,
    "req/s": Math.round(r.requests.average),
    requests: r.requests.total,
    "p50 ms": pct(times, 50),
    "p95 ms": pct(times, 95),
    "p99 ms": pct(times, 99),
    "max ms": r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  return row;
}

/** Requests still in flight when autocannon stops would be charged to the next target: wait for them to drain. */
async function settle(base: string): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const t = performance.now();
    try {
      await (await fetch(base + "/favicon.svg")).arrayBuffer();
    } catch {
      /* busy */
    }
    if (performance.now() - t < 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Imports attempted vs stored: every id the importer says it created must be in the database, and no errors. */
async function importSummary(url: string, out: string, err: string): Promise<string> {
  const stats = JSON.parse(out.trim().split("\n").pop() || "{}") as {
    attempted?: number;
    created?: number;
    duplicates?: number;
    errors?: number;
    errorSamples?: string[];
    ids?: number[];
    ms?: number;
  };
  if (!stats.attempted) return `Bulk import: the importer reported nothing.\n${err.slice(-2000)}`;
  const db = await prepareDatabase({ url, seed: false });
  const storedIds = new Set((await db.select({ id: articles.id }).from(articles).where(eq(articles.origin, "bulk"))).map((r) => r.id));
  db.$client.close();
  const lost = (stats.ids ?? []).filter((id) => !storedIds.has(id)).length + (stats.errors ?? 0);
  return (
    `Bulk import during the load: ${stats.attempted} attempted, ${stats.created} created, ${stats.duplicates} duplicates, ` +
    `${stats.errors} errors, ${storedIds.size} stored; lost: ${lost}; ${((stats.created ?? 0) / ((stats.ms ?? 1) / 1000)).toFixed(1)} imports/s` +
    (stats.errorSamples?.length ? `\nimport errors, first ones: ${stats.errorSamples.join(" | ")}` : "")
  );
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
    console.error("bench:load needs a production build: run `npm run build` first.");
    return 1;
  }
  const tmp = path.join(ROOT, "bench/.tmp");
  fs.mkdirSync(tmp, { recursive: true });
  const dbFile = path.join(tmp, `load-${process.pid}.db`);
  const rmDb = () => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].forEach((f) => fs.rmSync(f, { force: true }));
  rmDb();
  const url = `file:${dbFile}`;

  // The comparison is made before the server starts, so the two never migrate the same file at once.
  const db = await prepareDatabase({ url, seed: true });
  const ids: number[] = [];
  for (const [i, name] of FIXTURES.entries()) {
    const text = fs.readFileSync(path.join(ROOT, "tests/fixtures/articles", `${name}.txt`), "utf8").trim();
    const r = await importArticle(db, { text, title: `${name.replace(/-/g, " ")} (fixture)`, outlet: `Fixture Outlet ${i + 1}`, origin: "paste", fictional: true });
    ids.push(r.article.id);
  }
  const comparison = await createComparison(db, { name: "Load test (fictional fixtures)", articleIds: ids });
  db.$client.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), "scripts/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: url, PARALLAX_SEED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let serverLog = "";
  server.stdout?.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
  let importer: ChildProcess | undefined;
  // Bounded whatever happens: a watchdog ends both children and this process.
  const watchdog = setTimeout(() => {
    console.error("bench:load: watchdog fired, stopping");
    importer?.kill("SIGKILL");
    server.kill("SIGKILL");
    process.exit(1);
  }, (SECONDS * 2 + 90) * 1000);

  try {
    await waitUp(base + "/", server, 60_000);
    const pagePath = `/comparisons/${comparison.id}`;
    const page = await fetch(base + pagePath);
    const html = await page.text();
    const warnings: string[] = [];
    if (!page.ok || !FIXTURES.every((f) => html.includes(`${f.replace(/-/g, " ")} (fixture)`))) {
      warnings.push(`WARNING: before the load, ${pagePath} answered ${page.status} without the 4 articles: its figures below measure an error page.`);
    }
    const second = { label: "JSON export (bundle)", path: `/comparisons/${comparison.id}/export/bundle.json` };
    const check = await fetch(base + second.path);
    if (!check.ok) warnings.push(`WARNING: before the load, ${second.path} answered ${check.status}: its figures below measure an error page.`);
    await check.arrayBuffer();

    // One request at a time, before any load: what each page costs on its own.
    const single: string[] = [];
    for (const [label, p] of [["comparison page", pagePath], [second.label, second.path]] as const) {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await (await fetch(base + p)).arrayBuffer();
        ms.push(performance.now() - t);
      }
      single.push(`${label} ${pct(ms.sort((a, b) => a - b), 50)} ms`);
    }

    let importOut = "";
    let importErr = "";
    let importerDone: Promise<void> = Promise.resolve();
    if (WITH_IMPORT) {
      const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), "bench/load-importer.ts", "--max-seconds", String(SECONDS * 2 + 30), "--tag", `load${process.pid}`], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      });
      importer = child;
      child.stdout?.on("data", (d: Buffer) => (importOut += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (importErr += d.toString()));
      importerDone = new Promise<void>((r) => child.on("close", () => r()));
      await new Promise((r) => setTimeout(r, 1500)); // the importer is past its start-up and writing
    }

    console.error(`bench:load: ${CONNECTIONS} connections, ${SECONDS} s per target, ${WITH_IMPORT ? "bulk import running" : "no bulk import"}; server ${base}`);
    const rows = [await hammer(`comparison page ${pagePath}`, base + pagePath)];
    await settle(base);
    rows.push(await hammer(`${second.label} ${second.path}`, base + second.path));

    importer?.kill("SIGTERM");
    await importerDone;
    const importLine = WITH_IMPORT ? await importSummary(url, importOut, importErr) : "Bulk import: not run (LOAD_IMPORT=0).";

    console.log(`\nLoad: ${CONNECTIONS} connections, ${SECONDS} s per target, production build, file database, loopback`);
    // Shared machines skew latency: say how busy this one was.
    console.log(`Machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")} (1/5/15 min)`);
    console.log(`One request at a time, no load (median of 5): ${single.join(", ")}`);
    console.table(rows);
    for (const w of warnings) console.log(w);
    console.log(importLine);
    const p95 = rows[0]!["p95 ms"];
    console.log(`Target (issue 7): comparison page p95 < 100 ms (${p95} ms), zero errors, zero lost imports.`);
    return 0;
  } catch (e) {
    console.error(`bench:load failed: ${(e as Error).message}\n--- server log (tail) ---\n${serverLog.slice(-3000)}`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    importer?.kill("SIGKILL");
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode === null) server.kill("SIGKILL");
    rmDb();
  }
}

main().then((code) => process.exit(code));
