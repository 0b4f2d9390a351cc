import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";
import { startServer as startSite, type LocalServer } from "#tests/unit/ingest/local-server";
import { e2e, launch } from "./browser";

const N = 200;

// A fictional news site of 200 pages, each a different story, so nothing is a duplicate of anything else.
function storyPage(i: number): string {
  const towns = ["Arlen", "Brisk", "Caddow", "Dunmere", "Elsby", "Fenwick", "Gorran", "Hallow"];
  const town = towns[i % towns.length]!;
  const paras = [
    `The council of the fictional town of ${town} voted on item ${i} on Tuesday, a spokesperson said, after ${i + 3} residents asked for a review of the plan numbered ${i * 7}.`,
    `"We listened to case ${i} carefully," councillor Maren Toft${i} told the ${town} Gazette, adding that the budget line ${i * 13} would be examined again in ${2000 + (i % 25)}.`,
    `Opponents said proposal ${i} would cost ${i * 11} thousand crowns, according to figures released by the ${town} ratepayers' association on day ${i % 28}.`,
  ];
  return `<!doctype html><html lang="en"><head><title>${town} council story ${i}</title><meta property="og:site_name" content="${town} Gazette">
    <meta property="article:published_time" content="2025-0${1 + (i % 9)}-1${i % 10}"></head><body><article><h1>${town} council story ${i}</h1>
    ${paras.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
}

describe.skipIf(!e2e.baseUrl)("a bulk import in the browser", () => {
  let site: LocalServer;
  let server: RunningServer;
  let browser: Browser;
  const dbFile = path.join(ROOT, `tests/.tmp/bulk-${process.pid}.db`);

  beforeAll(async () => {
    site = await startSite({
      "/story/*": (req, res) =>
        res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(storyPage(Number(req.url!.split("/").pop()))),
    });
    removeDb(dbFile);
    server = await startServer({ dbFile, env: { PARALLAX_FETCH_ALLOW: `127.0.0.1:${site.port}`, PARALLAX_SEED: "0" } });
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    removeDb(dbFile);
  });

  test("200 pages from a TSV: progress updates live, survives a reload, and ends with the right counts", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-bulk-"));
    const tsv = path.join(dir, "coverage.tsv");
    fs.writeFileSync(
      tsv,
      [
        "id\toutlet\turl",
        ...Array.from({ length: N }, (_, i) => `${i}\tFictional Gazette\t${site.origin}/story/${i}`),
      ].join("\n"),
    );
    const page = await browser.newPage();
    await page.goto(server.baseUrl + "/import");
    await page.getByLabel("Files").setInputFiles(tsv);
    await page.getByRole("button", { name: "Start import" }).click();
    await page.waitForURL(/\/jobs\/\d+$/);

    const counts = page.locator("[data-job-counts]");
    const seen = new Set<string>();
    let reloaded = false;
    const until = Date.now() + 150_000;
    for (;;) {
      const text = (await counts.innerText()).trim();
      seen.add(text.replace(/ · now:.*$/, ""));
      const done = Number(/^(\d+) of/.exec(text)?.[1] ?? 0);
      if (!reloaded && done > 0 && done < N) {
        await page.reload();
        reloaded = true;
        const after = Number(/^(\d+) of/.exec(await counts.innerText())?.[1] ?? 0);
        expect(after).toBeGreaterThanOrEqual(done);
      }
      if ((await page.locator("[data-job-status]").getAttribute("data-job-status")) === "done") break;
      if (Date.now() > until) throw new Error(`the import did not finish; last: ${text}`);
      await page.waitForTimeout(250);
    }
    expect(await counts.innerText()).toContain(`${N} of ${N} processed · 0 failed`);
    // The bar moved through intermediate values without the user reloading the page.
    expect(seen.size).toBeGreaterThan(3);
    expect(reloaded).toBe(true);
    expect(site.hits.filter((h) => h.startsWith("/story/")).length).toBe(N);

    // The same list again adds nothing: every item is a known URL, and nothing is fetched again.
    await page.goto(server.baseUrl + "/import");
    await page.getByLabel("Files").setInputFiles(tsv);
    await page.getByRole("button", { name: "Start import" }).click();
    await page.waitForURL(/\/jobs\/\d+$/);
    await page.locator('[data-job-status="done"]').waitFor({ timeout: 60_000 });
    await page.getByText("Log").click();
    await expect(page.locator(".job-log li", { hasText: "already in the library" }).count()).resolves.toBe(N);
    expect(site.hits.filter((h) => h.startsWith("/story/")).length).toBe(N);
    await page.goto(server.baseUrl + "/library");
    await expect(page.locator(".meta", { hasText: "article(s) in all" }).innerText()).resolves.toContain(
      `${N} article(s) in all`,
    );
  }, 240_000);
});
