import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { e2e, launch } from "./browser";

// The fictional tutorial comparison: correct one source's kind from a focus card, by keyboard, and see the
// chart data, the comparison's notice and the export change; then withdraw it, leaving the demo as it was.
describe.skipIf(!e2e.baseUrl)("correcting the machine from a focus card", () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a kind corrected in the focus card changes the sourcing figures and the exports, machine value kept", async () => {
    await page.goto(e2e.baseUrl + "/");
    await Promise.all([
      page.waitForURL(/\/comparisons\/\d+/),
      page
        .getByRole("link", { name: /^Tutorial:/ })
        .first()
        .click(),
    ]);
    const id = /\/comparisons\/(\d+)/.exec(page.url())![1]!;
    const before = await (await page.request.get(`${e2e.baseUrl}/comparisons/${id}/export/sourcing-mix.json`)).json();

    // Keyboard: focus the first attribution with a named source, Tab into its card, follow "Correct this".
    const mark = page
      .locator("mark.hl-content[tabindex='0']")
      .filter({ has: page.locator("a.card-link") })
      .first();
    await mark.focus();
    const link = mark.locator("a.card-link");
    await page.keyboard.press("Tab");
    await expect.poll(async () => link.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.waitForURL(/\/articles\/\d+\/corrections\?/), page.keyboard.press("Enter")]);
    const articleId = Number(/\/articles\/(\d+)\//.exec(page.url())![1]);
    await page.getByRole("heading", { name: "Correct the machine" }).waitFor();
    const machine = await page.locator(".correction-form p b").first().textContent();
    const other = machine === "expert" ? "civil_society" : "expert";
    await page.getByLabel("New value").selectOption(other);
    await page.getByLabel("Note: why (required)").fill("The text introduces this speaker by their profession.");
    await Promise.all([
      page.waitForURL(new RegExp(`/comparisons/${id}`)),
      page.getByRole("button", { name: "Save the correction" }).press("Enter"),
    ]);

    await expect
      .poll(() => page.locator(".corrections-notice").textContent())
      .toMatch(/People changed 1 of \d+ source kinds here/);
    const after = await (await page.request.get(`${e2e.baseUrl}/comparisons/${id}/export/sourcing-mix.json`)).json();
    const count = (t: { rows: { article_id: number; source_kind: string; attributions: number }[] }, k: string) =>
      t.rows.find((r) => r.article_id === articleId && r.source_kind === k)!.attributions;
    expect(count(after, other)).toBeGreaterThan(count(before, other));
    expect(count(after, machine!)).toBeLessThan(count(before, machine!));
    const csv = await (await page.request.get(`${e2e.baseUrl}/comparisons/${id}/export/corrections.csv`)).text();
    expect(csv.split("\r\n")[0]).toContain("machine_value,final_value,corrected");
    expect(csv).toContain(`,${machine},${other},true,active,`);

    // Withdraw it: the tutorial is shared with the other browser tests.
    await page.goto(`${e2e.baseUrl}/articles/${articleId}/corrections`);
    await page.getByRole("button", { name: "Withdraw" }).first().click();
    await page.getByText("None yet.").waitFor();
    await page.goto(`${e2e.baseUrl}/comparisons/${id}`);
    expect(await page.locator(".corrections-notice").count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
