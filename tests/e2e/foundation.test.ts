import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

describe.skipIf(!e2e.baseUrl)("foundation in the browser", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    // A CSP violation or a hydration error shows up as a console error.
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openDemo(): Promise<void> {
    await page.goto(e2e.baseUrl + "/");
    await page
      .getByRole("link", { name: "A letter attributed to an ISIS member, on Hamas and ISIS in Sinai (2016)" })
      .click();
    await page.waitForURL(/\/comparisons\/\d+/);
    // A client-side visit draws the page once its data and islands have come, a moment after the address changes.
    await page.locator("summary", { hasText: "Add an article" }).waitFor();
  }

  test("the demo comparison shows the seed article's title and clean first paragraph", async () => {
    await openDemo();
    const column = page.locator("article.column").first();
    await expect(column.locator("h2").innerText()).resolves.toBe("The truth revealed about the Hamas-ISIS alliance");
    const first = await column.locator(".article-text p").first().innerText();
    expect(
      first.startsWith("It was a year and a half ago, at the United Nations General Assembly in September 2014"),
    ).toBe(true);
    const body = await column.locator(".article-text").innerText();
    expect(body).not.toContain("YOU ARE IN");
    expect(body).not.toContain("Most recent items in");
    // The coverage list ships with the demo, not yet imported.
    await expect(page.locator(".coverage-table tbody tr").count()).resolves.toBe(60);
    await expect(page.locator(".coverage-table .badge.pending").count()).resolves.toBe(60);
  });

  // The browser suite shares one database: leave the demo and the tutorial with the articles they had (the added
  // article stays in the library for the next test).
  async function removeVell(): Promise<void> {
    await page.getByRole("button", { name: "Remove “Vell harbour to reopen” from this comparison" }).click();
    await page.waitForURL(/notice=removed/);
  }

  test("pasting an article into the comparison shows two columns side by side", async () => {
    await openDemo();
    await page.getByText("Add an article", { exact: true }).click();
    await page.getByRole("link", { name: "Paste or upload a new article" }).click();
    await page.waitForURL(/\/articles\/new\?comparison=\d+/);
    await page
      .getByLabel("Article text")
      .fill(
        "Officials in the fictional port of Vell said on Monday that the harbour would reopen next week.\n\n" +
          '"We expect ships by Thursday," harbour master Anouk Brel told the Vell Evening Star.',
      );
    await page.getByLabel("Title").fill("Vell harbour to reopen");
    await page.getByLabel("Outlet").fill("Vell Evening Star");
    await page.getByRole("button", { name: "Add article" }).click();
    await page.waitForURL(/\/comparisons\/\d+\?notice=added/);
    await page.locator("article.column").nth(1).waitFor();
    await expect(page.locator("article.column").count()).resolves.toBe(2);
    await expect(page.locator("article.column").nth(1).locator("h2").innerText()).resolves.toBe(
      "Vell harbour to reopen",
    );
    await expect(page.locator("article.column").nth(1).innerText()).resolves.toContain("harbour master Anouk Brel");
    await removeVell();
  });

  test("an article from the library joins a comparison: search, pick, add", async () => {
    await page.goto(e2e.baseUrl + "/");
    await Promise.all([
      page.waitForNavigation(),
      page
        .getByRole("link", { name: /^Tutorial:/ })
        .first()
        .click(),
    ]);
    await page.getByRole("heading", { level: 1, name: /^Tutorial:/ }).waitFor();
    await page.locator("article.column").first().waitFor();
    const before = await page.locator("article.column").count();
    await page.getByText("Add an article", { exact: true }).click();
    // The library is listed on request (the page without it is cached until the comparison changes).
    await expect(page.getByLabel("Article from the library").count()).resolves.toBe(0);
    await page.getByLabel("Search the library").fill("Vell harbour");
    await page.getByRole("button", { name: "List" }).click();
    await page.waitForURL(/lq=Vell/);
    const picker = page.getByLabel("Article from the library");
    await expect(picker.locator("option").first().innerText()).resolves.toContain("Vell harbour to reopen");
    await page.getByRole("button", { name: "Add to comparison" }).click();
    await page.waitForURL(/notice=added/);
    await page.locator("article.column").nth(before).waitFor();
    await expect(page.locator("article.column").count()).resolves.toBe(before + 1);
    await expect(page.locator("article.column h2").allInnerTexts()).resolves.toContain("Vell harbour to reopen");
    await removeVell();
  });

  test("a bad upload shows its error and stores nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-e2e-"));
    const file = path.join(dir, "scan.txt");
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await page.goto(e2e.baseUrl + "/articles/new");
    await page.getByLabel("…or upload a file").setInputFiles(file);
    await page.getByLabel("Title").fill("A scan");
    await page.getByRole("button", { name: "Add article" }).click();
    await page.getByRole("alert").filter({ hasText: "not a text file" }).waitFor();
    await expect(page.getByRole("alert").filter({ hasText: "not a text file" }).innerText()).resolves.toContain(
      "“scan.txt” is not a text file",
    );
    await page.goto(e2e.baseUrl + "/library?q=A%20scan");
    await expect(page.getByText("No articles match.").count()).resolves.toBe(1);
  });

  test("pages carry security headers and run with no script errors", async () => {
    const res = await page.goto(e2e.baseUrl + "/");
    const h = res!.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Client-side navigation only works when the nonce'd bootstrap ran.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    await page.waitForURL(/\/library$/);
    await page.getByRole("heading", { name: "Library" }).waitFor();
    expect(errors).toEqual([]);
  });

  test("an unknown comparison is a 404 page with a way back", async () => {
    const res = await page.goto(e2e.baseUrl + "/comparisons/987654");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });
});
