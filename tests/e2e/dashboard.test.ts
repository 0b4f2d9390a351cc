import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

// A fictional article written for this test; it names its own outlet in the text, so blind mode has to mask it.
const OUTLET = "Brisk Harbour Gazette";
const AUTHOR = "Tova Quillan";
const URL_ = "https://brisk-harbour-gazette.test/2016/04/02/ferry-letter";
const TEXT =
  "A letter said to be written by a fighter in the fictional province of Orrin was published on Friday, officials in Vell said.\n\n" +
  '"The letter is genuine and shows the two groups worked together," interior minister Hadrin Vose told the Brisk Harbour Gazette.\n\n' +
  'Analysts cautioned that the letter may have been altered. A spokesman for the Orrin movement denied any cooperation, calling the claims "fabrications".';
const TITLE = "Orrin letter: minister says groups worked together";
const DEMO_OUTLET = "Australia/Israel & Jewish Affairs Council";
const DEMO_AUTHOR = "Ari Wenig";
const CHART_IDS = ["sourcing-mix", "voices", "cue-stances", "distance-tone", "frames", "timeline"];

describe.skipIf(!e2e.baseUrl)("the comparison dashboard", () => {
  let browser: Browser;
  let page: Page;
  let dashboardUrl = "";
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
    });
    // Our own state: the demo comparison plus one article pasted for this test.
    await page.goto(e2e.baseUrl + "/");
    await page
      .getByRole("link", { name: "A letter attributed to an ISIS member, on Hamas and ISIS in Sinai (2016)" })
      .click();
    await page.waitForURL(/\/comparisons\/\d+/);
    const id = /\/comparisons\/(\d+)/.exec(page.url())![1];
    await page.goto(`${e2e.baseUrl}/articles/new?comparison=${id}`);
    await page.getByLabel("Article text").fill(TEXT);
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Outlet").fill(OUTLET);
    await page.getByLabel("Author").fill(AUTHOR);
    await page.getByLabel("Published (YYYY-MM-DD)").fill("2016-04-02");
    await page.getByLabel("URL").fill(URL_);
    await page.getByRole("button", { name: "Add article" }).click();
    await page.waitForURL(/\/comparisons\/\d+\?notice=added/);
    dashboardUrl = `${e2e.baseUrl}/comparisons/${id}`;
  });
  afterAll(async () => {
    // Leave the demo as we found it for the test files after this one (the article stays in the library).
    if (page && dashboardUrl) {
      await page.goto(dashboardUrl);
      await page.getByRole("button", { name: `Remove “${TITLE}” from this comparison` }).click();
      await page.waitForURL(/notice=removed/);
    }
    await browser?.close();
  });

  test("every chart renders server-side SVG and the header lists the articles", async () => {
    await page.goto(dashboardUrl);
    for (const c of CHART_IDS)
      await expect(page.locator(`#chart-${c} svg.recharts-surface`).count(), c).resolves.toBe(1);
    await expect(page.locator("#chart-claim-matrix table.claim-matrix").count()).resolves.toBe(1);
    await expect(page.locator("#chart-naming-matrix").count()).resolves.toBe(1);
    const header = await page.locator("table.compared").innerText();
    expect(header).toContain(OUTLET);
    expect(header).toContain(DEMO_OUTLET);
    expect(header).toMatch(/\d+ attributions?/);
  });

  test("clicking a bar opens the reader with the spans behind it highlighted and in view", async () => {
    await page.goto(dashboardUrl);
    const bar = page.locator("#chart-sourcing-mix svg a.chart-link").first();
    await bar.click();
    await page.waitForURL(/focus=/);
    const mark = page.locator("mark.hl-target").first();
    await mark.waitFor({ state: "visible" });
    expect(page.url()).toMatch(/#a\d+-focus$/);
    const box = await page.evaluate(() => {
      const el = document.querySelector(location.hash)!;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, h: innerHeight, isTarget: el.classList.contains("hl-target") };
    });
    expect(box.isTarget).toBe(true);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(box.h);
    await expect(page.locator(".focus-note").innerText()).resolves.toMatch(/Highlighted: .+\(\d+ spans?\)/);
  });

  test("a chart downloads as SVG (with its title) and as PNG at twice its size", async () => {
    await page.goto(dashboardUrl);
    const frame = page.locator("#chart-sourcing-mix");
    await frame.getByRole("button", { name: /as SVG/ }).waitFor();
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>("#chart-sourcing-mix button")?.disabled,
    );
    const [svgDl] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByRole("button", { name: /as SVG/ }).click(),
    ]);
    expect(svgDl.suggestedFilename()).toMatch(/sourcing-mix\.svg$/);
    const svg = fs.readFileSync((await svgDl.path())!, "utf8");
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, "image/svg+xml");
      return {
        error: !!doc.querySelector("parsererror"),
        width: Number(doc.documentElement.getAttribute("width")),
        text: doc.documentElement.textContent ?? "",
      };
    }, svg);
    expect(parsed.error).toBe(false);
    // Links inside the file are absolute (a relative "?focus=" is dead outside the app), and every line of the
    // title, legend and footer fits inside the drawing.
    const fit = await page.evaluate((s) => {
      const host = document.createElement("div");
      host.innerHTML = s;
      document.body.appendChild(host);
      const svg = host.querySelector("svg")!;
      const width = Number(svg.getAttribute("width"));
      const links = [...svg.querySelectorAll("a")].map(
        (a) => a.getAttribute("href") ?? a.getAttribute("xlink:href") ?? "",
      );
      const own = [...svg.children].filter((c) => c.tagName === "text") as SVGTextElement[];
      const overflow = own.filter((t) => t.getBBox().x + t.getBBox().width > width + 0.5).map((t) => t.textContent);
      host.remove();
      return { links, overflow };
    }, svg);
    expect(fit.links.length).toBeGreaterThan(0);
    for (const l of fit.links) expect(l).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/comparisons\/\d+\?/);
    expect(fit.overflow).toEqual([]);
    expect(svgDl.suggestedFilename()).toMatch(/^parallax-\d+-sourcing-mix\.svg$/);
    expect(parsed.text).toContain("Sourcing mix");
    expect(parsed.text).toContain("Codebook");
    const [pngDl] = await Promise.all([
      page.waitForEvent("download"),
      frame.getByRole("button", { name: /as PNG/ }).click(),
    ]);
    const png = fs.readFileSync((await pngDl.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(parsed.width * 2);
  });

  test("a chart's table downloads as CSV", async () => {
    await page.goto(dashboardUrl);
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page
        .locator("#chart-sourcing-mix")
        .getByRole("link", { name: /as CSV/ })
        .click(),
    ]);
    const csv = fs.readFileSync((await dl.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/article_id/);
    expect(lines[0]).toMatch(/source_kind/);
    expect(lines.length).toBeGreaterThan(1);
    expect(csv).toContain(OUTLET);
  });

  test("a light page: no charting library in its JavaScript, and neither the texts nor the charts' data sent twice", async () => {
    const raw = await (await page.request.get(dashboardUrl + "?reader=1")).text();
    const scripts = [...new Set([...raw.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!))];
    expect(scripts.length).toBeGreaterThan(2);
    // The size itself is measured on a production build by `npm run bench` (page-weight): this build may not be one.
    for (const s of scripts)
      expect(await (await page.request.get(e2e.baseUrl + s)).text(), s).not.toContain("recharts");
    // The texts are in the markup once, never in the serialised data beside it; so are the charts' figures.
    const data = [...raw.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
    const markup = raw.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    const phrase = "Analysts cautioned that the letter may have been altered";
    expect(markup).toContain('class="column" data-article-id=');
    expect(data).not.toContain(phrase);
    await page.goto(dashboardUrl + "?reader=1");
    await expect(page.locator(".reader-section article.column").last().innerText()).resolves.toContain(phrase);
    expect(markup).toContain('id="chart-sourcing-mix-svg"');
    expect(data).not.toMatch(/k:\d+:[a-z_]+:[cw]/);
  });

  test("without JavaScript: the charts are there, and the texts are one link away", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(dashboardUrl);
    for (const c of CHART_IDS) await expect(p.locator(`#chart-${c} svg.recharts-surface`).count(), c).resolves.toBe(1);
    await expect(p.locator(".reader-section article.column").count()).resolves.toBe(0);
    await p.getByRole("link", { name: "Show the texts side by side" }).click();
    await p.waitForURL(/reader=1/);
    await expect(p.locator(".reader-section article.column").count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(p.locator(".reader-section article.column").last().innerText()).resolves.toContain(
      "Analysts cautioned",
    );
    // A bar's link brings its spans with the page.
    await p.goto(dashboardUrl);
    await p.locator("#chart-sourcing-mix svg a.chart-link").first().click();
    await p.waitForURL(/focus=/);
    await expect(p.locator("mark.hl-target").count()).resolves.toBeGreaterThan(0);
    await ctx.close();
  });

  test("with JavaScript the texts follow the first view, and a client-side visit fills charts and texts", async () => {
    await page.goto(dashboardUrl);
    await page.locator(".reader-section article.column").nth(1).waitFor();
    await expect(page.getByRole("link", { name: "Show the texts side by side" }).count()).resolves.toBe(0);
    await page.goto(e2e.baseUrl + "/");
    await page
      .getByRole("link", { name: "A letter attributed to an ISIS member, on Hamas and ISIS in Sinai (2016)" })
      .click();
    await page.waitForURL(/\/comparisons\/\d+$/);
    await page.locator("#chart-timeline svg.recharts-surface").waitFor();
    await page.locator(".reader-section article.column").nth(1).waitFor();
    await page.waitForFunction(() => document.querySelectorAll("button[data-download]:not([disabled])").length >= 12);
    expect(errors).toEqual([]);
  });

  test("blind mode leaves no outlet, author or URL in the page or its data", async () => {
    await page.goto(dashboardUrl);
    await page.getByRole("link", { name: "Blind mode" }).click();
    await page.waitForURL(/blind=1/);
    await page.locator("#chart-sourcing-mix svg.recharts-surface").waitFor();
    const html = await page.content();
    // Raw HTML as served (with the serialized loader data), not only the DOM after hydration.
    const raw = await (await page.request.get(page.url())).text();
    for (const s of [html, raw]) {
      for (const name of [
        OUTLET,
        AUTHOR,
        URL_,
        "brisk-harbour-gazette",
        DEMO_OUTLET,
        "Jewish Affairs Council",
        DEMO_AUTHOR,
      ])
        expect(s, name).not.toContain(name);
      expect(s).toContain("Article A");
      expect(s).toContain("Article B");
    }
    // Export links carry blind=1; the reveal link turns it off.
    await expect(
      page
        .locator("#chart-sourcing-mix")
        .getByRole("link", { name: /as CSV/ })
        .getAttribute("href"),
    ).resolves.toMatch(/blind=1/);
    await page.getByRole("link", { name: "Reveal the outlets" }).click();
    await page.waitForURL((u) => !u.search.includes("blind=1"));
    await expect(page.locator("table.compared").innerText()).resolves.toContain(OUTLET);
    expect(errors).toEqual([]);
  });
});
