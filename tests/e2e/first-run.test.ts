import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

// First run, empty states and next steps: what a new user meets before any chart.
// Texts are written for this test; outlets and people are fictional.
const TEXT =
  "The harbour board of Quellmark voted on Tuesday to close the old ferry pier for repairs, board chair Ilse Varro said.\n\n" +
  '"The pier has served us for sixty years, but it is no longer safe," Varro told reporters after the vote.\n\n' +
  "Ferry operators said the closure could last several months.";

describe.skipIf(!e2e.baseUrl)("first run and empty states", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of (404|403)/.test(m.text())) errors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the tutorial is listed first, as the warm-up", async () => {
    await page.goto(e2e.baseUrl + "/");
    const first = await page.locator(".card-list li").first().innerText();
    expect(first).toMatch(/^Tutorial/);
    expect(first).toContain("warm-up");
  });

  test("a comparison of one article says so at the top and leads to its coverage list, paste and the library", async () => {
    await page.goto(e2e.baseUrl + "/");
    await page.getByRole("link", { name: /letter attributed to an ISIS member/ }).click();
    await page.waitForURL(/\/comparisons\/\d+$/);
    const note = page.locator(".first-step");
    await expect(note.innerText()).resolves.toMatch(/One article so far/);
    await expect(note.getByRole("link", { name: "import from its coverage list" }).count()).resolves.toBe(1);
    await expect(note.getByRole("link", { name: "paste or upload an article" }).count()).resolves.toBe(1);
    await expect(note.getByRole("link", { name: "pick one from the library" }).count()).resolves.toBe(1);
    // The header links the coverage list with its counts, and the list comes before the charts.
    const headerLink = page
      .locator(".view-toggles")
      .getByRole("link", { name: /Coverage list \(\d+ known, \d+ imported\)/ });
    await expect(headerLink.getAttribute("href")).resolves.toBe("#coverage-h");
    const y = await page.evaluate(() => ({
      coverage: document.getElementById("coverage-h")!.getBoundingClientRect().top,
      charts: document.getElementById("charts-h")!.getBoundingClientRect().top,
      note: document.querySelector(".first-step")!.getBoundingClientRect().top,
    }));
    expect(y.coverage).toBeLessThan(y.charts);
    expect(y.note).toBeLessThan(900);
  });

  test("every comparison opens with a headline strip: outlet (or Article A in blind mode), date, headline and first sentence", async () => {
    await page.goto(e2e.baseUrl + "/");
    await page.getByRole("link", { name: /^Tutorial/ }).click();
    await page.waitForURL(/\/comparisons\/\d+$/);
    const items = page.locator(".headline-strip li");
    await items.first().waitFor();
    expect(await items.count()).toBe(3);
    const strip = await page.evaluate(() => {
      const s = document.querySelector(".headline-strip")!;
      const firstChart = document.getElementById("charts-h")!;
      return {
        above: s.getBoundingClientRect().top < firstChart.getBoundingClientRect().top,
        top: s.getBoundingClientRect().top,
      };
    });
    expect(strip.above).toBe(true);
    expect(strip.top).toBeLessThan(600);
    const texts = await items.allInnerTexts();
    const outlets: string[] = [];
    for (const t of texts) {
      const [meta, headline, first] = t.split("\n").filter(Boolean);
      expect(meta).toMatch(/·/);
      expect(headline!.length).toBeGreaterThan(10);
      expect(first!.length).toBeGreaterThan(20);
      outlets.push(meta!.split(/ ?(focal)? · /)[0]!.trim());
    }
    await page.goto(page.url() + "?blind=1");
    const blind = await page.locator(".headline-strip").innerText();
    expect(blind).toContain("Article A");
    expect(blind).toContain("Article C");
    for (const o of outlets) expect(blind).not.toContain(o);
  });

  test("an import that fails says so, with Retry and “Paste the text instead” on each failed row", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-fail-"));
    const tsv = path.join(dir, "unreachable.tsv");
    // Loopback addresses are refused by the safe fetcher: two certain failures without any network.
    fs.writeFileSync(tsv, "url\nhttp://127.0.0.1:9/first-story\nhttp://127.0.0.1:9/second-story\n");
    await page.goto(e2e.baseUrl + "/import");
    await page.getByLabel("Files").setInputFiles(tsv);
    await page.getByRole("button", { name: "Start import" }).click();
    await page.waitForURL(/\/jobs\/\d+$/);
    await page.locator('[data-job-status="done"]').waitFor({ timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Import failed");
    await expect(page.locator("[data-job-summary]").innerText()).resolves.toMatch(/^0 of 2 imported, 2 failed: .+/);
    const rows = page.locator("tr[data-failed-input]");
    expect(await rows.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      await expect(rows.nth(i).getByRole("button", { name: "Retry" }).count()).resolves.toBe(1);
      const paste = rows.nth(i).getByRole("link", { name: "Paste the text instead" });
      await expect(paste.getAttribute("href")).resolves.toMatch(/^\/articles\/new\?url=http/);
    }
    const jobUrl = page.url();
    await rows.first().getByRole("button", { name: "Retry" }).click();
    await page.waitForURL((u) => /\/jobs\/\d+$/.test(u.pathname) && u.href !== jobUrl);
    // The new job's own status line, not the previous page's still on screen during the client-side visit.
    const retryId = new URL(page.url()).pathname.split("/").pop();
    await page.locator('[data-job-status="done"]', { hasText: `Job #${retryId} ·` }).waitFor({ timeout: 60_000 });
    await expect(page.locator("[data-job-summary]").innerText()).resolves.toMatch(/^0 of 1 imported, 1 failed/);
    // "Paste the text instead" opens the form with the address filled in.
    await page.getByRole("link", { name: "Paste the text instead" }).click();
    await expect(page.getByLabel("URL").inputValue()).resolves.toBe("http://127.0.0.1:9/first-story");
  });

  test("after adding an article: add it to a comparison or compare it; its page lists its comparisons; rename and delete ask and keep the articles", async () => {
    await page.goto(e2e.baseUrl + "/articles/new");
    await page.getByLabel("Article text").fill(TEXT);
    await page.getByLabel("Title").fill("Quellmark board closes the old ferry pier");
    await page.getByLabel("Outlet").fill("Quellmark Lantern");
    await page.getByRole("button", { name: "Add article" }).click();
    await page.waitForURL(/\/articles\/\d+\?notice=added/);
    const articleUrl = page.url().replace(/\?.*$/, "");
    await expect(page.locator(".notice").innerText()).resolves.toMatch(/Next: add it to a comparison/);
    await expect(page.getByText("This article is in no comparison yet.").count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Compare with…" }).click();
    await page.waitForURL(/\/comparisons\/\d+$/);
    const cmpUrl = page.url();
    await expect(page.locator(".first-step").innerText()).resolves.toMatch(/One article so far/);
    await page.goto(articleUrl);
    const inList = page.getByRole("list", { name: "Comparisons holding this article" });
    await expect(inList.innerText()).resolves.toMatch(/Compared with “Quellmark board/);
    // Add to another comparison from the article page.
    await page
      .locator("#add-to")
      .selectOption({ label: "Tutorial: the Tamsel River solvent spill in Esterhollow (fictional)" });
    await page.getByRole("button", { name: "Add to a comparison" }).click();
    await page.waitForURL(/notice=added/);
    const otherUrl = page.url().replace(/\?.*$/, "");
    await page.getByRole("button", { name: /^Remove “Quellmark board/ }).click();
    await page.waitForURL(/notice=removed/);
    expect(otherUrl).not.toBe(cmpUrl);

    // Rename, then delete (which asks first and says the articles stay).
    await page.goto(cmpUrl);
    await page.getByText("Rename or delete this comparison").click();
    await page.getByLabel("Name", { exact: true }).fill("Ferry pier, renamed");
    await page.getByRole("button", { name: "Rename" }).click();
    await page.waitForURL(/notice=renamed/);
    await page.getByRole("heading", { level: 1, name: "Ferry pier, renamed" }).waitFor({ timeout: 10_000 });
    // The same page after the rename: open the section if it is not open still.
    if (!(await page.locator(".danger-zone").isVisible()))
      await page.getByText("Rename or delete this comparison").click();
    await expect(page.locator(".danger-zone").innerText()).resolves.toMatch(/1 article stays in the library/);
    // Without the confirmation box ticked, nothing is deleted (the browser asks for it).
    await page.getByRole("button", { name: "Delete the comparison" }).click();
    expect(page.url()).toContain("/comparisons/");
    await page.getByLabel(/Yes, delete/).check();
    await page.getByRole("button", { name: "Delete the comparison" }).click();
    await page.waitForURL(/\/\?notice=deleted/);
    await page
      .locator(".notice", { hasText: "The comparison was deleted. Its 1 article stays in the library." })
      .waitFor({ timeout: 10_000 });
    await expect((await page.request.get(cmpUrl)).status()).toBe(404);
    await expect((await page.request.get(articleUrl)).status()).toBe(200);
    expect(errors).toEqual([]);
  });
});
