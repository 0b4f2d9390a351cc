import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { e2e, launch } from "./browser";

// Sharing with a class: a forced-blind share link shows no names by any route, and no reveal or editing.
describe.skipIf(!e2e.baseUrl)("share with a class", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a Share action sits beside blind mode; a forced-blind share view has no reveal, no editing and no route to the names", async () => {
    const teacher = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await teacher.newPage();
    await page.goto(e2e.baseUrl + "/");
    await page.getByRole("link", { name: /^Tutorial/ }).click();
    await page.waitForURL(/\/comparisons\/\d+$/);
    const cmpPath = new URL(page.url()).pathname;
    await page.locator(".headline-strip li strong").first().waitFor();
    const outlets = (await page.locator(".headline-strip li strong").allInnerTexts()).map((s) => s.trim());
    // The tutorial holds three articles, or four once an earlier browser test has added one (one database).
    expect(outlets.length).toBeGreaterThanOrEqual(3);
    const toggles = page.locator(".view-toggles");
    await expect(toggles.getByRole("link", { name: "Blind mode" }).count()).resolves.toBe(1);
    await toggles.getByRole("link", { name: "Share with a class" }).click();
    await page.waitForURL(/\/share$/);
    await page.getByLabel("Force blind mode").check();
    await page.getByRole("button", { name: "Create a share link" }).click();
    const shareUrl = (await page.locator("[data-share-url]").innerText()).trim();
    expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
    await teacher.close();

    const student = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const s = await student.newPage();
    const errors: string[] = [];
    s.on("pageerror", (e) => errors.push(e.message));
    await s.goto(shareUrl);
    await s.waitForURL(/\/comparisons\/\d+/);
    await expect(s.locator(".headline-strip").innerText()).resolves.toContain("Article A");
    // No reveal, no blind toggle, no share, no site navigation, no member editing, no coverage import.
    for (const name of [
      "Reveal outlets",
      "Reveal the outlets",
      "Blind mode",
      "Share with a class",
      "Add article",
      "Import",
      "Comparisons",
    ]) {
      await expect(s.getByRole("link", { name, exact: true }).count(), name).resolves.toBe(0);
    }
    await expect(s.getByRole("button", { name: /^Remove/ }).count()).resolves.toBe(0);
    await expect(s.getByText("Rename or delete this comparison").count()).resolves.toBe(0);
    // The server refuses the reveal: any URL for this comparison is blind, its data and exports too.
    for (const q of ["", "?blind=0", "?blind=", "?print=1", "?blind=0&large=1"]) {
      const html = await (await s.request.get(e2e.baseUrl + cmpPath + q)).text();
      expect(html, q).toContain("Article A");
      for (const o of outlets) expect(html, `${q} ${o}`).not.toContain(o);
    }
    const data = await (await s.request.get(e2e.baseUrl + cmpPath + ".data")).text();
    for (const o of outlets) expect(data).not.toContain(o);
    const bundle = await (await s.request.get(e2e.baseUrl + cmpPath + "/export/bundle.json")).text();
    for (const o of outlets) expect(bundle).not.toContain(o);
    // Nothing can be changed from a share link.
    const post = await s.request.post(e2e.baseUrl + cmpPath, {
      form: { intent: "rename", name: "changed by a share link" },
      headers: { origin: e2e.baseUrl },
    });
    expect(post.status()).toBe(403);
    expect(errors).toEqual([]);
    await student.close();
  });
});
