import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

// The side-by-side reader on the fictional tutorial: layers, claim alignment, cards, kinds and skip links.
describe.skipIf(!e2e.baseUrl)("a reader that compares", () => {
  let browser: Browser;
  let page: Page;
  let tutorial = "";
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
    });
    await page.goto(e2e.baseUrl + "/");
    tutorial =
      e2e.baseUrl +
      (await page
        .getByRole("link", { name: /^Tutorial/ })
        .first()
        .getAttribute("href"))!;
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("layers toggle at once in the browser, with no request to the server", async () => {
    await page.goto(tutorial);
    await page.waitForFunction(() => !!document.querySelector(".reader-section mark.layer-hedge"));
    const requests: string[] = [];
    const onRequest = (r: { resourceType(): string; url(): string }) => {
      // Route discovery (/__manifest) may run at any time; a page or data request would be the layers asking the server.
      if (["document", "fetch", "xhr"].includes(r.resourceType()) && !r.url().includes("/__manifest"))
        requests.push(r.url());
    };
    page.on("request", onRequest);
    const hedgeBg = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector(".reader-section mark.layer-hedge")!).backgroundColor,
      );
    const attrLine = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector(".reader-section mark.hl-source.layer-attr")!).textDecorationLine,
      );
    expect(await hedgeBg()).toBe("rgba(0, 0, 0, 0)");
    expect(await attrLine()).toContain("underline");
    await page.getByRole("checkbox", { name: "Hedges and boosters" }).check();
    expect(await hedgeBg()).not.toBe("rgba(0, 0, 0, 0)");
    await page.getByRole("checkbox", { name: "Attributions by source kind" }).uncheck();
    expect(await attrLine()).toBe("none");
    expect(requests).toEqual([]);
    page.off("request", onRequest);
    // The address keeps the choice, so a reload (or the form without JavaScript) shows the same.
    expect(page.url()).toContain("layer=hedge");
    await page.reload();
    expect(await hedgeBg()).not.toBe("rgba(0, 0, 0, 0)");
    expect(await attrLine()).toBe("none");
  });

  test("clicking a claim group aligns every column on its members and outlines them", async () => {
    await page.goto(tutorial);
    // A row of the claim matrix carried by at least two articles.
    const href = await page.evaluate(() => {
      for (const tr of document.querySelectorAll("#chart-claim-matrix tbody tr")) {
        const links = tr.querySelectorAll<HTMLAnchorElement>("td.stance-cell a");
        if (links.length >= 2) return links[0]!.getAttribute("href");
      }
      return null;
    });
    expect(href).toBeTruthy();
    await page.locator(`#chart-claim-matrix a[href="${href}"]`).click();
    await page.waitForURL(/cg=g\d+/);
    // Alignment runs once the page is interactive.
    await page.waitForFunction(() => document.querySelectorAll(".reader-section .article-text.aligned").length >= 2);
    const cols = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".reader-section .column")].map((c) => {
        const text = c.querySelector<HTMLElement>(".article-text")!;
        const m =
          c.querySelector<HTMLElement>(".article-text mark.hl-target") ??
          c.querySelector<HTMLElement>(".article-text mark.hl-claim");
        if (!m) return null;
        const r = m.getBoundingClientRect();
        const t = text.getBoundingClientRect();
        return {
          offset: r.top - t.top,
          visible: r.top >= t.top - 1 && r.bottom <= t.bottom + 1,
          outline: getComputedStyle(m).outlineStyle,
        };
      }),
    );
    const members = cols.filter((c): c is NonNullable<typeof c> => c !== null);
    expect(members.length).toBeGreaterThanOrEqual(2);
    for (const m of members) {
      expect(m.visible).toBe(true);
      expect(m.outline).not.toBe("none");
    }
    const offsets = members.map((m) => m.offset);
    expect(Math.max(...offsets) - Math.min(...offsets), "aligned within 40 px").toBeLessThanOrEqual(40);
  });

  test("a card opens inside its own column, never over another column's text", async () => {
    await page.goto(tutorial);
    const first = page.locator(".reader-section .column").first().locator("mark[tabindex='0']").first();
    await first.focus();
    const box = await page.evaluate(() => {
      const mark = document.activeElement as HTMLElement;
      const card = mark.querySelector<HTMLElement>(".focus-card")!;
      const col = mark.closest(".column")!.getBoundingClientRect();
      const r = card.getBoundingClientRect();
      return {
        shown: getComputedStyle(card).display !== "none",
        left: r.left,
        right: r.right,
        colLeft: col.left,
        colRight: col.right,
      };
    });
    expect(box.shown).toBe(true);
    expect(box.left).toBeGreaterThanOrEqual(box.colLeft);
    expect(box.right).toBeLessThanOrEqual(box.colRight);
  });

  test("every source kind has its own colour and its own pattern; skip links reach the reader and the claim matrix", async () => {
    await page.goto(tutorial);
    const kinds = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".reader-legend .legend[aria-label='Source kinds'] > span")].map(
        (s) => {
          const sw = getComputedStyle(s.querySelector(".swatch")!);
          return { colour: sw.backgroundColor, pattern: sw.backgroundImage };
        },
      ),
    );
    expect(kinds.length).toBeGreaterThanOrEqual(9);
    expect(new Set(kinds.map((k) => k.colour)).size).toBe(kinds.length);
    expect(new Set(kinds.map((k) => k.pattern)).size).toBe(kinds.length);
    for (const [name, target] of [
      ["the side-by-side reader", "reader"],
      ["the claim matrix", "chart-claim-matrix"],
    ] as const) {
      const link = page.locator(".skip-links").getByRole("link", { name });
      await expect(link.getAttribute("href")).resolves.toBe(`#${target}`);
      await expect(page.locator(`#${target}`).count()).resolves.toBe(1);
    }
    expect(errors).toEqual([]);
  });
});
