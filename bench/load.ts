// `npm run bench:load`: the production build on a loopback port with its own fresh database, a 4-article
// comparison, autocannon at 50 connections against the comparison page and the JSON export while a bulk
// import runs: a real import job (generated fictional records, as an upload makes), worked by the server's own
// job worker. Prints figures, asserts nothing. Needs `npm run build`.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { inArray } from "drizzle-orm";
import { analyses, articles } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { SEED_WRITER } from "#app/models/seed.server";
import { importArticle } from "#app/models/articles.server";
import { createComparison } from "#app/models/comparisons.server";
import { enqueueImport } from "#app/models/import-job.server";
import { cancelJob, getJob, getJobRow } from "#app/models/jobs.server";
import type { BulkItem } from "#app/ingest/bulk.server";
import { loadFixtureTexts, makeVariant } from "./lib/variants";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `node --import tsx` rather than the tsx wrapper, so the PIDs held here are the processes themselves.
const NODE_TSX = [process.execPath, "--import", "tsx"] as const;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
// LOAD_IMPORT=0 runs the same load without the bulk import beside it (to tell the two effects apart).
const WITH_IMPORT = process.env.LOAD_IMPORT !== "0";
// Records in the import job: more than the server imports during the load, so it runs throughout.
const IMPORT_ITEMS = Number(process.env.LOAD_IMPORT_ITEMS ?? 2000);
// LOAD_IMPORT_FINISH=1 lets the import run to its end after the load (LOAD_IMPORT_ITEMS=20000 for the issue's
// 20k-item import), then reports the write-ahead log and memory; otherwise the import is cancelled after the load.
const FINISH_IMPORT = process.env.LOAD_IMPORT_FINISH === "1";
// LOAD_CPU_PROF=DIR writes a V8 CPU profile of the server process into DIR when it stops (`node --cpu-prof`);
// LOAD_TARGETS=uncached (a comma list of cached, uncached, home, csv, json, identity) runs only those targets.
const CPU_PROF_DIR = process.env.LOAD_CPU_PROF;
const HEAP_DIR = process.env.LOAD_HEAP_SNAPSHOT ? path.resolve(process.env.LOAD_HEAP_SNAPSHOT) : undefined;
const TARGETS = new Set((process.env.LOAD_TARGETS ?? "cached,uncached,home,csv,json,identity").split(","));
// Issue 16's figures before its changes (same bench, 50 connections, an import running, 2 shared cores).
const BEFORE = {
  importRate: "1.7 imports/s during the load (a 20k import took hours)",
  uncachedRender: "p50 115-131 ms drawn, 36-55 ms with the charts' markup cached (npm run bench -- page-weight)",
  comparisonCached: "204 ms",
  uncached: "3,000 ms",
  home: "360-820 ms",
  memory: "server 221 MB at start, 600-740 MB after; worker 171 -> 600 MB",
  wal: "985 MB for a 168 MB database (20k import)",
  // Session 7, this bench on the commit before its uncached-render work (9b6240e), load average 11.4 from other
  // checkouts' tests: of 100 uncached renders none was answered within autocannon's 10 s timeout.
  session7: "uncached 0 of 100 answered within 10 s; cached comparison p95 427 ms, home 233 ms, CSV 103 ms (load 11.4)",
  // Session 8, this bench on the commit before its work (34833d1), load average 14.8 from other checkouts' tests.
  session8:
    "uncached p95 8,533 ms at 49.8 ms of server CPU each (25 of 56 timed out); cached comparison p95 426 ms, home 248 ms, " +
    "CSV 171 ms; server RSS 365 MB at start, 455 MB after (load 14.8)",
  // Session 9, this bench on main (75a8f5d) just before its work (a number's first view written from a template).
  session9:
    "uncached p95 8,985 ms at 42.4 ms of server CPU each (63 answered, 15 timed out); cached comparison p95 723 ms, " +
    "home 389 ms, CSV 219 ms; server RSS 329 MB at start, 388 MB after (load 20.0)",
};
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

// What a browser sends: pages are served compressed (each cached page is compressed once).
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

/** CPU seconds a process has used (user + system), from /proc; NaN where there is no /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

let serverPid: number | undefined;

/** RSS in MB of a process, from /proc; NaN where there is none. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

/** The server and its job process (its children), with their RSS. */
function memoryLine(): string {
  let children: number[] = [];
  try {
    children = fs
      .readFileSync(`/proc/${serverPid}/task/${serverPid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    /* no /proc */
  }
  return `Memory (RSS): server ${rssMb(serverPid)} MB${children.map((c) => `, job process ${rssMb(c)} MB`).join("")}`;
}

let uncachedSeq = 0;
/** The distinct views the uncached target goes through (see distinctViews), and how many it asked for. */
let views: string[] = [];

/**
 * Real views of the comparison that no one has asked for yet: each number's reader (every focus link in its charts)
 * under each measure, claims filter and text size, each address in its normalised form. The first request for
 * each is a full render: what readers clicking through numbers after a change cause. (A made-up focus value
 * also forces a render; made-up parameters are dropped by the page cache's normalised key.)
 */
async function distinctViews(base: string, pagePath: string): Promise<string[]> {
  const html = await (await fetch(base + pagePath)).text();
  const tokens = [...new Set([...html.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => decodeURIComponent(m[1]!)))];
  const variants: [string, string][][] = [
    [],
    [["by", "words"]],
    [["large", "1"]],
    [["claims", "lacks"]],
    [["claims", "only"]],
    [
      ["by", "words"],
      ["large", "1"],
    ],
  ];
  const out: string[] = [];
  for (const v of variants)
    for (const t of tokens) {
      const pairs = [...v, ["focus", t] as [string, string]].sort((a, b) => a[0].localeCompare(b[0]));
      out.push(`${pagePath}?${new URLSearchParams(pairs).toString()}`);
    }
  return out;
}
/** Items per second of the import job during the load and, with LOAD_IMPORT_FINISH=1, after it. */
let rates = { during: NaN, after: NaN };

async function hammer(
  label: string,
  url: string,
  headers: Record<string, string> = BROWSER_HEADERS,
  opts: { paths?: string[] } = {},
) {
  const times: number[] = [];
  const u = new URL(url);
  // Uncached: every request asks for a real view no one asked for before (distinctViews), so each is a full render.
  const paths = opts.paths;
  const requests = paths?.length
    ? [
        {
          setupRequest: (req: { path?: string }) => ({
            ...req,
            path: paths[uncachedSeq++ % paths.length],
          }),
        },
      ]
    : undefined;
  void u;
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    headers,
    ...(requests ? { requests } : {}),
  });
  // autocannon reports p90/p97.5/p99 but not p95: record every response time and compute them here.
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    times.push(responseTime),
  );
  const cpu0 = cpuSeconds(serverPid);
  const client0 = process.cpuUsage();
  const r = await instance;
  const serverCpuMs = ((cpuSeconds(serverPid) - cpu0) * 1000) / Math.max(1, r.requests.total);
  const client = process.cpuUsage(client0);
  const clientCpuMs = (client.user + client.system) / 1000 / Math.max(1, r.requests.total);
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
    // What one request costs the server process, whatever else the machine is doing.
    "server CPU ms/req": Math.round(serverCpuMs * 100) / 100,
    // What the load generator (autocannon, in this process) spends on each: on a 2-core machine it competes with the server.
    "client CPU ms/req": Math.round(clientCpuMs * 100) / 100,
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

/** Queues one bulk import job of generated fictional records, as an upload of a JSONL file would. */
async function queueImport(url: string, tag: string): Promise<number> {
  const fixtures = loadFixtureTexts();
  const items: BulkItem[] = Array.from({ length: IMPORT_ITEMS }, (_, n) => {
    const v = makeVariant(fixtures, n, tag);
    return { ok: true, input: `generated-${tag}-${n}.json`, record: { ...v, language: "en" }, warnings: [] };
  });
  const db = await prepareDatabase({ url, seed: false });
  const job = await enqueueImport(db, items, null);
  db.$client.close();
  return job.id;
}

/** Waits until the server's job worker has claimed the job (so the load starts with the import running). */
async function waitClaimed(url: string, jobId: number, ms: number): Promise<boolean> {
  const db = await prepareDatabase({ url, seed: false });
  try {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const job = await getJob(db, jobId);
      if (job && job.status !== "queued" && job.done > 0) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  } finally {
    db.$client.close();
  }
}

/** Waits for the import job to end (LOAD_IMPORT_FINISH=1), saying how far it is now and then. */
async function waitFinished(url: string, jobId: number): Promise<void> {
  const db = await prepareDatabase({ url, seed: false });
  try {
    let said = 0;
    for (;;) {
      const job = await getJobRow(db, jobId);
      if (!job || !["queued", "running"].includes(job.status)) return;
      if (Date.now() - said > 30_000) {
        said = Date.now();
        console.error(`bench:load: import ${job.done}/${job.total}; ${memoryLine()}; WAL ${walMb(url)} MB`);
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  } finally {
    db.$client.close();
  }
}

/** Size in MB of the database's write-ahead log (and of the database). */
function walMb(url: string): string {
  const file = url.slice("file:".length);
  const mb = (f: string) => (fs.existsSync(f) ? (fs.statSync(f).size / 1024 / 1024).toFixed(1) : "0");
  return `${mb(`${file}-wal`)} (database ${mb(file)} MB)`;
}

/** Cancels the job and checks what it did: every article its log says it imported is stored with its analysis. */
async function importSummary(url: string, jobId: number, startedAt: number): Promise<string> {
  const db = await prepareDatabase({ url, seed: false });
  try {
    const loadEnd = { at: Date.now(), done: (await getJobRow(db, jobId))?.done ?? 0 };
    if (FINISH_IMPORT) await waitFinished(url, jobId);
    await cancelJob(db, jobId);
    const seconds = (Date.now() - startedAt) / 1000;
    const endRow = await getJobRow(db, jobId);
    const during = loadEnd.done / Math.max(1, (loadEnd.at - startedAt) / 1000);
    const after = FINISH_IMPORT
      ? ((endRow?.done ?? 0) - loadEnd.done) / Math.max(1, (Date.now() - loadEnd.at) / 1000)
      : NaN;
    rates = { during, after };
    await new Promise((r) => setTimeout(r, 1500)); // the worker stops at its next progress step
    const job = (await getJob(db, jobId))!;
    const ids = job.log.flatMap((l) => /^imported #(\d+) /.exec(l)?.[1] ?? []).map(Number);
    const logged = job.log.filter((l) => /^imported #|: already in the library as #|^generated-/.test(l)).length;
    const stored = ids.length
      ? (await db.select({ id: articles.id }).from(articles).where(inArray(articles.id, ids))).length
      : 0;
    const analysed = ids.length
      ? new Set(
          (await db.select({ id: analyses.articleId }).from(analyses).where(inArray(analyses.articleId, ids))).map(
            (r) => r.id,
          ),
        ).size
      : 0;
    const lost = ids.length - stored + (job.done - logged);
    return (
      `Bulk import job during the load (${IMPORT_ITEMS} records queued, worked by the server's job worker): ${job.done} done, ` +
      `${ids.length} imported, ${job.failed} failed, ${stored} stored, ${analysed} with their analysis; lost: ${lost}; ${(ids.length / seconds).toFixed(1)} imports/s ` +
      `(${during.toFixed(1)} items/s during the load${FINISH_IMPORT ? `, ${after.toFixed(1)} items/s after it, without load` : ""})` +
      (job.failed
        ? `\nimport failures, first ones: ${job.log
            .filter((l) => !/^imported #/.test(l))
            .slice(0, 3)
            .join(" | ")}`
        : "")
    );
  } finally {
    db.$client.close();
  }
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
  const db = await prepareDatabase({ url, seed: SEED_WRITER });
  const ids: number[] = [];
  for (const [i, name] of FIXTURES.entries()) {
    const text = fs.readFileSync(path.join(ROOT, "tests/fixtures/articles", `${name}.txt`), "utf8").trim();
    const r = await importArticle(db, {
      text,
      title: `${name.replace(/-/g, " ")} (fixture)`,
      outlet: `Fixture Outlet ${i + 1}`,
      origin: "paste",
      fictional: true,
    });
    ids.push(r.article.id);
  }
  const comparison = await createComparison(db, { name: "Load test (fictional fixtures)", articleIds: ids });
  db.$client.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profFlags = CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR)}`] : [];
  // The server's heap ceiling, as `npm start` sets it (PARALLAX_HEAP_MB, 320 by default).
  const heapFlag = `--max-old-space-size=${process.env.PARALLAX_HEAP_MB ?? 320}`;
  const server = spawn(NODE_TSX[0], [heapFlag, ...profFlags, ...NODE_TSX.slice(1), "scripts/server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: url,
      PARALLAX_SEED: "1",
      ...(HEAP_DIR ? { PARALLAX_HEAP_SNAPSHOT: HEAP_DIR } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  serverPid = server.pid;
  let serverLog = "";
  server.stdout?.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
  // Bounded whatever happens: a watchdog ends both children and this process.
  const watchdog = setTimeout(
    () => {
      console.error("bench:load: watchdog fired, stopping");
      server.kill("SIGKILL");
      process.exit(1);
    },
    (SECONDS * 8 + 180 + (FINISH_IMPORT ? 6 * 3600 : 0)) * 1000,
  );

  try {
    await waitUp(base + "/", server, 60_000);
    const pagePath = `/comparisons/${comparison.id}`;
    const page = await fetch(base + pagePath);
    const html = await page.text();
    const warnings: string[] = [];
    if (!page.ok || !FIXTURES.every((f) => html.includes(`${f.replace(/-/g, " ")} (fixture)`))) {
      warnings.push(
        `WARNING: before the load, ${pagePath} answered ${page.status} without the 4 articles: its figures below measure an error page.`,
      );
    }
    const second = { label: "JSON export (bundle)", path: `/comparisons/${comparison.id}/export/bundle.json` };
    const csvPath = `/comparisons/${comparison.id}/export/voices.csv`;
    const csvCheck = await fetch(base + csvPath);
    await csvCheck.arrayBuffer();
    if (!csvCheck.ok) warnings.push(`WARNING: before the load, ${csvPath} answered ${csvCheck.status}.`);
    const check = await fetch(base + second.path);
    if (!check.ok)
      warnings.push(
        `WARNING: before the load, ${second.path} answered ${check.status}: its figures below measure an error page.`,
      );
    await check.arrayBuffer();

    // One request at a time, before any load: what each page costs on its own, rendered afresh (a real view no one
    // asked for yet, from the end of the list the uncached target starts at) and from the page cache.
    views = await distinctViews(base, pagePath);
    if (views.length < 50) warnings.push(`WARNING: only ${views.length} distinct views of the comparison were found.`);
    const fresh5 = views.splice(-5);
    const single: string[] = [];
    for (const [label, p] of [
      ["comparison page", pagePath],
      [second.label, second.path],
    ] as const) {
      for (const fresh of [true, false]) {
        const ms: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          // The comparison page: a view not asked for before. The export: a focus it ignores (a new cache key).
          const target = !fresh ? p : p === pagePath ? fresh5.shift()! : `${p}?focus=single-${process.pid}-${i}`;
          await (await fetch(base + target, { headers: BROWSER_HEADERS })).arrayBuffer();
          ms.push(performance.now() - t);
        }
        single.push(
          `${label} ${fresh ? "rendered" : "cached"} ${pct(
            ms.sort((a, b) => a - b),
            50,
          )} ms`,
        );
      }
    }
    const sizes = await Promise.all(
      [{ "accept-encoding": "identity" }, BROWSER_HEADERS].map(async (h) => {
        const r = await fetch(base + pagePath, { headers: h });
        await r.arrayBuffer();
        return Number(r.headers.get("content-length") ?? NaN);
      }),
    );

    const startRss = rssMb(serverPid);
    let jobId = 0;
    let importStarted = 0;
    if (WITH_IMPORT) {
      jobId = await queueImport(url, `load${process.pid}`);
      importStarted = Date.now();
      if (!(await waitClaimed(url, jobId, 30_000)))
        warnings.push("WARNING: the server's job worker did not start the import within 30 s.");
    }

    console.error(
      `bench:load: ${CONNECTIONS} connections, ${SECONDS} s per target, ${WITH_IMPORT ? "bulk import running" : "no bulk import"}; server ${base}`,
    );
    type Row = Awaited<ReturnType<typeof hammer>>;
    const byTarget = new Map<string, Row>();
    const run = async (key: string, f: () => Promise<Row>) => {
      if (!TARGETS.has(key)) return;
      byTarget.set(key, await f());
      await settle(base);
    };
    await run("cached", () => hammer(`comparison page ${pagePath}`, base + pagePath));
    await run("uncached", () =>
      hammer(`comparison page, uncached renders`, base + pagePath, BROWSER_HEADERS, { paths: views }),
    );
    const uncachedAsked = uncachedSeq;
    await run("home", () => hammer(`home page /`, base + "/"));
    await run("csv", () => hammer(`CSV export ${csvPath}`, base + csvPath));
    await run("json", () => hammer(`${second.label} ${second.path}`, base + second.path));
    // The same page to a client that accepts no compression: four times the bytes.
    await run("identity", () =>
      hammer(`comparison page, uncompressed`, base + pagePath, { "accept-encoding": "identity" }),
    );
    const rows = [...byTarget.values()];
    const p95Of = (key: string) => byTarget.get(key)?.["p95 ms"] ?? NaN;

    const importLine = WITH_IMPORT
      ? await importSummary(url, jobId, importStarted)
      : "Bulk import: not run (LOAD_IMPORT=0).";

    console.log(
      `\nLoad: ${CONNECTIONS} connections, ${SECONDS} s per target, production build, file database, loopback`,
    );
    // Shared machines skew latency: say how busy this one was.
    console.log(
      `Machine: ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" / ")} (1/5/15 min)`,
    );
    console.log(`One request at a time, no load (median of 5): ${single.join(", ")}`);
    console.log(
      `Comparison page: ${(sizes[0]! / 1024).toFixed(0)} KB, ${(sizes[1]! / 1024).toFixed(0)} KB as sent compressed (accept-encoding: ${BROWSER_HEADERS["accept-encoding"]})`,
    );
    console.table(rows);
    for (const w of warnings) console.log(w);
    console.log(importLine);
    console.log(`${memoryLine()} (at start: server ${startRss} MB)`);
    // What the server's memory holds (scripts/server.ts answers SIGUSR2; LOAD_HEAP_SNAPSHOT=DIR adds a heap snapshot).
    const logged = serverLog.length;
    server.kill("SIGUSR2");
    const until = Date.now() + (HEAP_DIR ? 120_000 : 5000);
    while (Date.now() < until && !/memory: [^\n]*\n/.test(serverLog.slice(logged)))
      await new Promise((r) => setTimeout(r, 100));
    if (HEAP_DIR)
      while (Date.now() < until && !/heap snapshot: /.test(serverLog.slice(logged)))
        await new Promise((r) => setTimeout(r, 200));
    console.log(`Server ${/memory: [^\n]*/.exec(serverLog.slice(logged))?.[0] ?? "memory: (no answer to SIGUSR2)"}`);
    console.log(`Write-ahead log after the import: ${walMb(url)} MB`);
    const busy = (serverLog.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
    const errors = rows.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    console.log(
      `Errors, timeouts and non-2xx answers over all targets: ${errors}; SQLITE_BUSY in the server's log: ${busy}`,
    );
    const p95 = p95Of("cached");
    const serverMb = rssMb(serverPid);
    const mark = (ok: boolean) => (ok ? "met" : "NOT met");
    const cachedWorst = Math.max(p95, p95Of("home"), p95Of("csv"));
    console.log(`Target (issue 7): comparison page p95 < 100 ms (${p95} ms), zero errors, zero lost imports.`);
    console.log("Targets (issue 16), measured now:");
    console.log(
      `  cached pages p95 < 100 ms: comparison ${p95} ms, home ${p95Of("home")} ms, CSV ${p95Of("csv")} ms: ${mark(cachedWorst < 100)}`,
    );
    console.log(
      `  uncached renders p95 < 300 ms: ${p95Of("uncached")} ms: ${mark(p95Of("uncached") < 300)} ` +
        `(${uncachedAsked} requests over ${views.length} distinct real views${uncachedAsked > views.length ? `: the last ${uncachedAsked - views.length} repeat a view, from the page cache` : ", each a first view"})`,
    );
    console.log(`  0 errors: ${errors}: ${mark(errors === 0)}; 0 SQLITE_BUSY: ${busy}: ${mark(busy === 0)}`);
    console.log(
      `  server memory < 400 MB after a 20k import: ${serverMb} MB` +
        (FINISH_IMPORT && IMPORT_ITEMS >= 20000
          ? `: ${mark(serverMb < 400)}`
          : ` (after this run's import of ${IMPORT_ITEMS} records, cancelled after the load unless LOAD_IMPORT_FINISH=1: run LOAD_IMPORT_ITEMS=20000 LOAD_IMPORT_FINISH=1 for the target)`),
    );
    console.log(
      `  import throughput: ${rates.during.toFixed(1)} items/s during the load` +
        (FINISH_IMPORT ? `, ${rates.after.toFixed(1)} items/s after it` : "") +
        " (tens of items/s wanted without load; the job worker runs at nice 10, so under full page load it gets what pages leave)",
    );
    console.log("Before (issue 16's report and the figures its load work started from):");
    console.log(
      `  comparison cached p95 ${BEFORE.comparisonCached}, uncached p95 ${BEFORE.uncached}, home p95 ${BEFORE.home}; ` +
        `memory ${BEFORE.memory}; WAL ${BEFORE.wal}; import ${BEFORE.importRate}; uncached render alone ${BEFORE.uncachedRender}.`,
    );
    console.log(`  before session 7's uncached-render work, same bench: ${BEFORE.session7}.`);
    console.log(`  before session 8's work (column memo, heap ceiling), same bench: ${BEFORE.session8}.`);
    console.log(`  before session 9's work (first views written from a template), same bench: ${BEFORE.session9}.`);
    return 0;
  } catch (e) {
    console.error(`bench:load failed: ${(e as Error).message}\n--- server log (tail) ---\n${serverLog.slice(-3000)}`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode === null) server.kill("SIGKILL");
    rmDb();
  }
}

main().then((code) => process.exit(code));
