import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

// "Cite this comparison": the button takes a snapshot and shows its permanent link, which renders the frozen figures.
describe.skipIf(!e2e.baseUrl)("citable snapshot", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The figures a reader sees: the compared-articles table and the text of every chart. */
  async function figures(page: Page): Promise<{ table: string[]; charts: Record<string, string> }> {
    await page.locator("table.compared tbody tr").first().waitFor();
    await page.locator("figure.chart[data-chart] svg.recharts-surface").first().waitFor();
    const table = await page.locator("table.compared tbody tr").evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
        // Outlet, title, date, words, summary: the columns both pages show.
        return cells.length === 7
          ? [cells[0], cells[1], cells[2], cells[5], cells[6]].join(" | ")
          : [cells[0], cells[1], cells[2], cells[3], cells[5]].join(" | ");
      }),
    );
    const charts = Object.fromEntries(
      await page
        .locator("figure.chart[data-chart]")
        .evaluateAll((figs) =>
          figs.map((f) => [
            f.getAttribute("data-chart") ?? "",
            (f.querySelector("svg.recharts-surface, table")?.textContent ?? "").replace(/\s+/g, " ").trim(),
          ]),
        ),
    );
    return { table, charts };
  }

  test("Cite this comparison gives a permanent link that renders the same figures, with the citation and the frozen exports", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(e2e.baseUrl + "/");
    await page.getByRole("link", { name: /^Tutorial/ }).click();
    await page.waitForURL(/\/comparisons\/\d+$/);
    const live = await figures(page);
    expect(live.table.length).toBeGreaterThanOrEqual(2);
    expect(Object.values(live.charts).filter((t) => /\d/.test(t)).length).toBeGreaterThan(2);

    await page.locator(".view-toggles").getByRole("button", { name: "Cite this comparison" }).click();
    await page.waitForURL(/notice=cited/);
    const link = page.locator("a.snapshot-link");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/snapshots\/[A-Za-z0-9_-]{12}$/);
    await link.click();
    await page.waitForURL(/\/snapshots\/[A-Za-z0-9_-]{12}$/);
    await expect(page.locator(".snapshot-note").innerText()).resolves.toMatch(
      /^Snapshot of “.+” taken \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC with analyser .+; the live comparison may differ\./,
    );
    const frozen = await figures(page);
    expect(frozen.table).toEqual(live.table);
    expect(frozen.charts).toEqual(live.charts);
    const citation = await page.locator(".citation").innerText();
    expect(citation).toContain(e2e.baseUrl + href);
    expect(citation).toMatch(/analyser \S+/);

    const bundle = await page.request.get(e2e.baseUrl + href + "/export/bundle.json");
    expect(bundle.status()).toBe(200);
    const json = (await bundle.json()) as { snapshot: { id: string }; provenance: { link: string } };
    expect(json.snapshot.id).toBe(href!.split("/").pop());
    expect(json.provenance.link).toBe(e2e.baseUrl + href);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
