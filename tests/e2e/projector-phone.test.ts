import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

// Large text for a projector and a 390 px phone, measured from computed sizes in the browser.
const PAGES = ["/", "/library", "/articles/new", "/import", "/methods"];

async function demoIds(page: Page): Promise<{ real: string; tutorial: string }> {
  await page.goto(e2e.baseUrl + "/");
  const href = async (name: RegExp) => (await page.getByRole("link", { name }).first().getAttribute("href"))!;
  return { real: await href(/letter attributed to an ISIS member/), tutorial: await href(/Tutorial/) };
}

/** Font sizes in px of the body text, a table cell and the reader's text on the current page. */
async function sizes(page: Page) {
  // A comparison's texts come just after its first view.
  if (/\/comparisons\/\d+/.test(page.url())) await page.locator(".column .article-text p").first().waitFor();
  return page.evaluate(() => {
    const px = (sel: string) => {
      const el = document.querySelector(sel);
      return el ? parseFloat(getComputedStyle(el).fontSize) : NaN;
    };
    return {
      body: px("body"),
      table: px("table td"),
      reader: px(".column .article-text p"),
      nav: px(".site-header nav a"),
    };
  });
}

describe.skipIf(!e2e.baseUrl)("projector and phone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("?large=1 enlarges body, tables and reader text at least 1.3x, and the choice holds on other pages", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    const { tutorial } = await demoIds(page);
    await page.goto(e2e.baseUrl + tutorial);
    const normal = await sizes(page);
    expect(normal.reader).toBeGreaterThan(0);
    await page.goto(e2e.baseUrl + tutorial + "?large=1");
    const large = await sizes(page);
    for (const k of ["body", "table", "reader", "nav"] as const)
      expect(large[k] / normal[k], k).toBeGreaterThanOrEqual(1.3);
    // Another page, no query parameter: still large.
    await page.goto(e2e.baseUrl + "/methods");
    expect((await sizes(page)).body / normal.body).toBeGreaterThanOrEqual(1.3);
    await page.goto(e2e.baseUrl + tutorial);
    expect((await sizes(page)).reader / normal.reader).toBeGreaterThanOrEqual(1.3);
    // The page's own toggle turns it off again, everywhere.
    await page.getByRole("link", { name: "Normal text" }).click();
    await page.waitForURL(/large=0/);
    await page.goto(e2e.baseUrl + "/methods");
    expect((await sizes(page)).body).toBe(normal.body);
    await ctx.close();
  });

  test("at 390 px no page scrolls sideways, the navigation wraps, columns stack and chart text stays at 11 px or more", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const { real, tutorial } = await demoIds(page);
    const all = [
      ...PAGES,
      real,
      tutorial,
      `${tutorial}?blind=1`,
      `${tutorial}?large=1`,
      `${tutorial}?large=0`,
      `${real}/share`,
      "/articles/1",
    ];
    for (const path of all) {
      await page.goto(e2e.baseUrl + path);
      if (/^\/comparisons\/\d+(\?|$)/.test(path)) await page.locator(".columns .column").first().waitFor();
      const m = await page.evaluate(() => {
        const nav = document.querySelector(".site-header nav")!.getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, vw: window.innerWidth, navRight: nav.right };
      });
      expect(m.scroll, `${path} scrolls sideways`).toBe(m.vw);
      expect(m.navRight, `${path} navigation`).toBeLessThanOrEqual(m.vw);
    }
    await page.goto(e2e.baseUrl + tutorial);
    await page.locator(".columns .column").nth(1).waitFor();
    const cols = await page.evaluate(() =>
      [...document.querySelectorAll(".columns .column")]
        .map((c) => c.getBoundingClientRect())
        .map((r) => ({ left: r.left, right: r.right, top: r.top })),
    );
    expect(cols.length).toBeGreaterThanOrEqual(2);
    for (const c of cols) expect(c.right).toBeLessThanOrEqual(390);
    expect(new Set(cols.map((c) => Math.round(c.left))).size, "columns stack: one left edge").toBe(1);
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      for (const t of document.querySelectorAll<SVGTextElement>(".chart-box svg text")) {
        if (!t.textContent?.trim()) continue;
        const m = t.getScreenCTM();
        min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(11);
    await ctx.close();
  });
});
