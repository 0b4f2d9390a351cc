import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { prepareDatabase } from "#db/prepare";
import { createComparison } from "#app/models/comparisons.server";
import { importFixtureArticles } from "#tests/utils/fixture-articles";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";
import { e2e, launch } from "./browser";

// A number's first view is written from the page of a sibling number with its own parts put in (fast-path.server.ts),
// not rendered by React. It must be byte for byte the page the full render gives (but the CSP nonce, new for every
// response): two servers on one database, one with the fast path and one without (PARALLAX_FOCUS_TEMPLATES=0),
// asked for the same real views. Then a written page in the browser: it hydrates without errors and works.
// Fictional fixture texts.

const dbFile = path.join(ROOT, `tests/.tmp/e2e-focus-fast-path-${process.pid}.db`);
let fast: RunningServer;
let full: RunningServer;
let cid = 0;

beforeAll(async () => {
  removeDb(dbFile);
  const db = await prepareDatabase({ url: `file:${dbFile}`, seed: false });
  const ids = await importFixtureArticles(db, ["port-strike", "election-dispute", "drug-recall"]);
  cid = (await createComparison(db, { name: "Fast path (fictional fixtures)", articleIds: ids })).id;
  db.$client.close();
  // One after the other: both prepare the database file when they start.
  fast = await startServer({ dbFile, env: { PARALLAX_JOBS: "off" } });
  full = await startServer({ dbFile, env: { PARALLAX_JOBS: "off", PARALLAX_FOCUS_TEMPLATES: "0" } });
}, 120_000);
afterAll(async () => {
  await Promise.all([fast?.stop(), full?.stop()]);
  removeDb(dbFile);
});

// A browser's, and a crawler's (whose page React renders whole before sending it: its own template).
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CRAWLER = "Mozilla/5.0 (compatible; Examplebot/2.1; +http://bot.example/)";

async function get(server: RunningServer, q: string, agent = BROWSER) {
  const res = await fetch(`${server.baseUrl}/comparisons/${cid}${q}`, { headers: { "user-agent": agent } });
  const html = await res.text();
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? "";
  return {
    status: res.status,
    written: res.headers.get("x-parallax-render") === "focus-template",
    // The nonce is each response's own (the CSP header names it): the only part that may differ.
    html: nonce ? html.replaceAll(nonce, "NONCE") : html,
  };
}

/** Real views as readers open them: each number's reader under several measures, filters and reader settings. */
async function views(): Promise<string[]> {
  const plain = await get(full, "");
  const tokens = [...new Set([...plain.html.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => m[1]!))];
  expect(tokens.length).toBeGreaterThan(20);
  const group = /[?&;]cg=(g\d+)/.exec(plain.html)?.[1] ?? "g1";
  const variants = ["", "by=words&", "blind=1&", "claims=only&", `cg=${group}&`, "cols=1&", "large=1&"];
  const out: string[] = [];
  // Keys in the page cache's order (a normalised address is not redirected).
  for (const v of variants) for (const t of tokens.slice(0, 12)) out.push(`?${v}focus=${t}`);
  // A made-up number: answered as not found (`focus=none`), written the same way.
  out.push("?focus=made-up-1", "?focus=made-up-2");
  return out.map((q) => {
    const sp = new URLSearchParams(q);
    return `?${new URLSearchParams([...sp].sort((a, b) => a[0].localeCompare(b[0]))).toString()}`;
  });
}

describe("a number's first view written from a sibling's page", () => {
  test("is the page the full render gives, view by view", async () => {
    let written = 0;
    const list = await views();
    for (const [i, q] of list.entries()) {
      // One view in five as a crawler asks for it (the page cache keys by reader, not by agent: each its own view).
      const agent = i % 5 === 4 ? CRAWLER : BROWSER;
      const a = await get(fast, q, agent);
      const b = await get(full, q, agent);
      expect(a.status, q).toBe(200);
      expect(b.status, q).toBe(200);
      expect(b.written).toBe(false);
      if (a.html !== b.html) {
        // Where they part, for the failure message.
        let i = 0;
        while (a.html[i] === b.html[i]) i++;
        expect(a.html.slice(Math.max(0, i - 200), i + 200), q).toBe(b.html.slice(Math.max(0, i - 200), i + 200));
      }
      if (a.written) written++;
    }
    // Most views were written (the first of each measure, filter and setting is rendered and kept).
    expect(written).toBeGreaterThan(list.length / 2);
  }, 120_000);

  test("views of one setting asked for at once wait for one full render instead of each rendering in full", async () => {
    const plain = await get(full, "");
    const tokens = [...new Set([...plain.html.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => m[1]!))].slice(0, 10);
    const all = await Promise.all(tokens.map((t) => get(fast, `?claims=lacks&focus=${t}`)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(all.filter((r) => r.written).length).toBe(tokens.length - 1);
  }, 60_000);

  describe.skipIf(!e2e.baseUrl)("in the browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
    });

    test("a written page hydrates without errors, highlights its number and works", async () => {
      const plain = await get(fast, "");
      const tokens = [...new Set([...plain.html.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => m[1]!))];
      // The first view of this setting is rendered and kept; the next number's is written from it.
      await get(fast, `?by=words&focus=${tokens[0]}`);
      const q = `?by=words&focus=${tokens[1]}`;
      const res = await fetch(`${fast.baseUrl}/comparisons/${cid}${q}`, { headers: { "user-agent": BROWSER } });
      await res.arrayBuffer();
      expect(res.headers.get("x-parallax-render")).toBe("focus-template");

      const page = await browser.newPage({ userAgent: BROWSER });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
      });
      await page.goto(`${fast.baseUrl}/comparisons/${cid}${q}`);
      await page.locator(".focus-note").waitFor();
      await expect(page.locator("#island-reader mark.hl-target").count()).resolves.toBeGreaterThan(0);
      // Hydrated: toggling a layer is React's state (the section's classes change at once, no request).
      const box = page.getByRole("checkbox", { name: "Hedges and boosters" });
      await box.check();
      await expect(page.locator("section.reader-section.show-hedge").count()).resolves.toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
