// The weight and render time of the comparison page, from the production build (`npm run build` first): the
// gzipped JavaScript the page loads (its modulepreload links and entry, as served), the bytes of the tutorial's
// HTML, and an uncached render (a number's reader: this handler has no page cache) of the tutorial and of a
// 4-article comparison, in this process on one core with React's production build (as the server runs), with the
// charts drawn anew (cold), read from the database (drawn ahead by the job worker) and from the process (warm). Beside them: the whole client build's JavaScript
// (measured in this run) and the figures before issue 15's lighter pages, recorded on 2026-12-07 by this same
// code pointed at the build of commit ba68de1 (PAGE_WEIGHT_ROOT=…). Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { prepareDatabase } from "#db/prepare";
import { SEED_WRITER } from "#app/models/seed.server";
import { importArticle } from "#app/models/articles.server";
import { createComparison, listComparisons } from "#app/models/comparisons.server";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = process.env.PAGE_WEIGHT_ROOT ? path.resolve(process.env.PAGE_WEIGHT_ROOT) : REPO;
const RENDERS = Number(process.env.PAGE_WEIGHT_RENDERS ?? 30);

/** Before (2026-12-07, commit ba68de1, this code and machine; render CPU medians with the machine's load average at 11). */
const BEFORE = { jsGz: 214.9, htmlKb: 304.2, tutorialCpuMs: 197, fourCpuMs: 176 };
const TARGETS = { jsGz: 150, htmlKb: 150, renderMs: 100 };

// As the server sends them (the compression middleware's default level).
const gz = (b: Buffer | string) => zlib.gzipSync(b, { level: 6 }).length;
const kb = (n: number) => (n / 1024).toFixed(1);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** The JavaScript a page loads: its modulepreload links and the modules its inline script imports. */
export function scriptsOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) out.add(m[1]!);
  for (const m of html.matchAll(/import(?:\s*\*\s*as\s+\w+\s+from)?\s*\(?\s*"(\/assets\/[^"]+\.js)"/g)) out.add(m[1]!);
  return [...out];
}

export async function bench(): Promise<void> {
  const serverFile = path.join(ROOT, "build/server/index.js");
  if (!fs.existsSync(serverFile)) {
    console.log(`No production build at ${ROOT}/build: run \`npm run build\` first.`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-page-weight-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const before = process.env.DATABASE_URL;
  try {
    const db = await prepareDatabase({ url, seed: SEED_WRITER });
    const tutorial = (await listComparisons(db)).find((c) => c.name.startsWith("Tutorial"));
    // The comparison bench:load measures: four fictional fixture articles.
    const ids: number[] = [];
    for (const [i, name] of ["port-strike", "election-dispute", "drug-recall", "border-incident"].entries()) {
      const text = fs.readFileSync(path.join(REPO, "tests/fixtures/articles", `${name}.txt`), "utf8").trim();
      ids.push(
        (
          await importArticle(db, {
            text,
            title: `${name.replace(/-/g, " ")} (fixture)`,
            outlet: `Fixture Outlet ${i + 1}`,
            origin: "paste",
            fictional: true,
          })
        ).article.id,
      );
    }
    const four = await createComparison(db, { name: "Four fixtures", articleIds: ids });
    db.$client.close();
    if (!tutorial) throw new Error("the seeded tutorial comparison is missing");

    process.env.DATABASE_URL = url;
    // As the server runs it (scripts/server.ts): React's production build is chosen when the build is first imported.
    process.env.NODE_ENV = "production";
    // Imported only now: a static import would load React (through the charts) before NODE_ENV is set, and every
    // render below would run React's development build.
    const { predrawCharts } = await import("#app/routes/comparisons.$id/predraw.server");
    const build = (await import(pathToFileURL(serverFile).href)) as ServerBuild;
    const handler = createRequestHandler(build, "production");
    const get = async (p: string) => {
      const res = await handler(new Request(`http://127.0.0.1${p}`), {
        cspNonce: "bench",
        user: null,
        authEnabled: false,
      } as never);
      return { status: res.status, body: await res.text() };
    };

    const page = await get(`/comparisons/${tutorial.id}`);
    if (page.status !== 200) throw new Error(`the tutorial comparison answered ${page.status}`);
    const scripts = scriptsOf(page.body);
    const fileOf = (s: string) => path.join(ROOT, "build/client", s);
    const jsGz = scripts.reduce((sum, s) => sum + gz(fs.readFileSync(fileOf(s))), 0);
    const assets = path.join(ROOT, "build/client/assets");
    const allJs = fs.readdirSync(assets).filter((f) => f.endsWith(".js"));
    const allGz = allJs.reduce((sum, f) => sum + gz(fs.readFileSync(path.join(assets, f))), 0);
    const withTexts = await get(`/comparisons/${tutorial.id}?reader=1`);

    // Cold: the charts' cache off (PARALLAX_CHART_CACHE=0), so recharts draws the charts on every render.
    // Stored: the in-process cache off but the database's (PARALLAX_CHART_CACHE=db), as after a restart or an
    // eviction: the loader reads the markup drawn before. Warm: the charts' markup from the in-process cache
    // (render.server.tsx; the focus is not part of its key). This handler has no page cache (that is the server's
    // middleware): the rest of the page renders each time. `loader` times the route's loader alone (data assembly).
    const route = build.routes["routes/comparisons.$id"]?.module as
      { loader?: (a: { params: { id: string }; request: Request; context: object }) => Promise<unknown> } | undefined;
    // Real numbers' readers, as readers open them: every focus link in the comparison's charts.
    const tokensOf = async (id: number) => [
      ...new Set([...(await get(`/comparisons/${id}`)).body.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => m[1]!)),
    ];
    const render = async (id: number, mode: "0" | "db" | "all") => {
      const tokens = await tokensOf(id);
      const wall: number[] = [];
      const cpu: number[] = [];
      const loader: number[] = [];
      if (mode === "all") delete process.env.PARALLAX_CHART_CACHE;
      else process.env.PARALLAX_CHART_CACHE = mode;
      // The charts drawn ahead and stored, as the job worker does when a comparison changes (a page only reads them).
      if (mode !== "0") await predrawCharts(id);
      await get(`/comparisons/${id}?focus=${tokens[0]}`);
      for (let i = 0; i < RENDERS; i++) {
        const t = performance.now();
        const c = process.cpuUsage();
        const r = await get(`/comparisons/${id}?focus=${tokens[i % tokens.length]}`);
        const u = process.cpuUsage(c);
        wall.push(performance.now() - t);
        cpu.push((u.user + u.system) / 1000);
        if (r.status !== 200) throw new Error(`comparison ${id} answered ${r.status}`);
        if (route?.loader) {
          const l = performance.now();
          const request = new Request(`http://127.0.0.1/comparisons/${id}?focus=${tokens[i % tokens.length]}`);
          await route.loader({ params: { id: String(id) }, request, context: { cspNonce: "bench", user: null } });
          loader.push(performance.now() - l);
        }
      }
      return {
        p50: pct(wall, 50),
        min: Math.min(...wall),
        cpu50: pct(cpu, 50),
        loader50: loader.length ? pct(loader, 50) : NaN,
      };
    };
    const t = await render(tutorial.id, "0");
    const f = await render(four.id, "0");
    const ts = await render(tutorial.id, "db");
    const fs4 = await render(four.id, "db");
    const tw = await render(tutorial.id, "all");
    const fw = await render(four.id, "all");

    console.log(
      `Build: ${ROOT === REPO ? "this tree" : ROOT}; ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" / ")}`,
    );
    console.log(
      `Comparison page JavaScript: ${kb(jsGz)} KB gzipped in ${scripts.length} files (before: ${BEFORE.jsGz} KB; target < ${TARGETS.jsGz} KB)`,
    );
    console.log(`  context: the whole client build, ${allJs.length} files, ${kb(allGz)} KB gzipped`);
    console.log(
      `Tutorial comparison HTML: ${kb(Buffer.byteLength(page.body))} KB raw, ${kb(gz(page.body))} KB gzipped (before: ${BEFORE.htmlKb} KB raw; target < ${TARGETS.htmlKb} KB)`,
    );
    console.log(
      `  with the texts in the page (?reader=1, as fetched after the first view): ${kb(Buffer.byteLength(withTexts.body))} KB raw, ${kb(gz(withTexts.body))} KB gzipped`,
    );
    console.log(
      `Uncached render (charts drawn each time), ${RENDERS} renders in this process: tutorial p50 ${t.p50.toFixed(1)} ms (min ${t.min.toFixed(1)}, CPU p50 ${t.cpu50.toFixed(1)} ms; before: CPU p50 ${BEFORE.tutorialCpuMs} ms)`,
    );
    console.log(
      `  4-article comparison p50 ${f.p50.toFixed(1)} ms (min ${f.min.toFixed(1)}, CPU p50 ${f.cpu50.toFixed(1)} ms; before: CPU p50 ${BEFORE.fourCpuMs} ms; target < ${TARGETS.renderMs} ms on one core)`,
    );
    console.log(
      `  with the charts' markup from the database (PARALLAX_CHART_CACHE=db, as after a restart or an eviction): tutorial p50 ${ts.p50.toFixed(1)} ms (CPU p50 ${ts.cpu50.toFixed(1)} ms), 4-article comparison p50 ${fs4.p50.toFixed(1)} ms (CPU p50 ${fs4.cpu50.toFixed(1)} ms; target < ${TARGETS.renderMs} ms on one core)`,
    );
    console.log(
      `  with the charts' markup cached in the process: tutorial p50 ${tw.p50.toFixed(1)} ms (CPU p50 ${tw.cpu50.toFixed(1)} ms), 4-article comparison p50 ${fw.p50.toFixed(1)} ms (CPU p50 ${fw.cpu50.toFixed(1)} ms)`,
    );
    console.log(
      `  where the time goes (4-article comparison, p50): the loader alone (data assembly, stored markup read) ${fs4.loader50.toFixed(1)} ms; ` +
        `the rest of a render from stored markup (React's render of the page, the stored charts) ${(fs4.p50 - fs4.loader50).toFixed(1)} ms; ` +
        `drawing the charts ${(f.p50 - fs4.p50).toFixed(1)} ms`,
    );
  } finally {
    delete process.env.PARALLAX_CHART_CACHE;
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
