import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

function pdfPages(buf: Buffer): number {
  return (buf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

// The print handout of the fictional tutorial, printed to PDF on A4 and Letter.
describe.skipIf(!e2e.baseUrl)("the print handout", () => {
  let browser: Browser;
  let page: Page;
  let tutorial = "";
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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

  test("fills the page width, keeps headings with their content, and fits a few pages on A4 and Letter", async () => {
    await page.goto(tutorial + "?print=1");
    const counts: Record<string, number> = {};
    for (const format of ["A4", "Letter"] as const) counts[format] = pdfPages(await page.pdf({ format }));
    console.log("handout pages:", counts);
    expect(counts.A4).toBeGreaterThanOrEqual(3);
    expect(counts.A4).toBeLessThanOrEqual(9);
    expect(counts.Letter).toBeLessThanOrEqual(10);
    // Laid out as printed on A4 (210 mm less 2 × 14 mm margins ≈ 688 CSS px): charts span the page.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 688, height: 1000 });
    const m = await page.evaluate(() => ({
      main: document.querySelector(".site-main")!.getBoundingClientRect().width,
      svgs: [...document.querySelectorAll(".chart-box svg.recharts-surface")].map(
        (s) => s.getBoundingClientRect().width,
      ),
      breaks: [...document.querySelectorAll("h2, figcaption")].map((h) => getComputedStyle(h).breakAfter),
      reader: getComputedStyle(document.querySelector(".reader-section")!).display,
    }));
    expect(m.svgs.length).toBeGreaterThanOrEqual(6);
    for (const w of m.svgs) expect(w / m.main).toBeGreaterThanOrEqual(0.9);
    for (const b of m.breaks) expect(b).toBe("avoid");
    expect(m.reader).toBe("none");
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("can include the texts with their highlights", async () => {
    await page.goto(tutorial + "?print=1");
    const without = pdfPages(await page.pdf({ format: "A4" }));
    await page.getByRole("link", { name: "Include the texts, with highlights" }).click();
    await page.waitForURL(/texts=1/);
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() => ({
      reader: getComputedStyle(document.querySelector(".reader-section")!).display,
      columns: document.querySelectorAll(".reader-section .column").length,
      marks: document.querySelectorAll(".reader-section mark.hl-content").length,
    }));
    expect(shown.reader).toBe("block");
    expect(shown.columns).toBeGreaterThanOrEqual(3);
    expect(shown.marks).toBeGreaterThan(5);
    const withTexts = pdfPages(await page.pdf({ format: "A4" }));
    console.log("pages without, with texts:", without, withTexts);
    expect(withTexts).toBeGreaterThan(without);
    await page.emulateMedia({ media: null });
  });
});
