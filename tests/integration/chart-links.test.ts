// The charts are drawn once for every claim group and set of reader layers: their links carry a mark that each view
// fills with its own (view.ts, fillLinks). The filled markup must be exactly the markup drawn with the view's links,
// for every kind of link (a number's, a claim cell's, a view toggle's) under queries with and without the mark's
// parameters. Fictional fixture texts.
import { describe, expect, test } from "vitest";
import { clearChartCache } from "#app/components/charts/render.server";
import { serverOnly } from "#app/components/island";
import { createComparison } from "#app/models/comparisons.server";
import { importFixtureArticles } from "#tests/utils/fixture-articles";
import { loadComparison, pageData, type PageIslands } from "#app/routes/comparisons.$id/comparison.server";
import { chartFill, chartProps, readView, viewQuery } from "#app/routes/comparisons.$id/view";
import { getDb } from "#app/utils/db.server";

async function charts(id: number) {
  const url = `http://parallax.test/comparisons/${id}`;
  const data = await pageData(await loadComparison({ id: String(id) }, new Request(url)), new URL(url).searchParams);
  return serverOnly<PageIslands>(data)!.charts!;
}

describe("the charts' links filled per view", () => {
  test("equal the links drawn for the view, with one drawing for every claim group", async () => {
    const db = getDb();
    const ids = await importFixtureArticles(db, ["port-strike", "election-dispute", "drug-recall"]);
    const cmp = await createComparison(db, { name: "Chart links (fictional fixtures)", articleIds: ids });
    clearChartCache();
    const c = await charts(cmp.id);
    const plain = c.render(chartProps(cmp.id, readView(new URLSearchParams()), []));
    const groups = [...new Set([...plain.matchAll(/cg=(g\d+)/g)].map((m) => m[1]!))];
    expect(groups.length).toBeGreaterThan(2);
    const [g1, g2, g3] = groups;
    const queries = [
      `cg=${g1}`,
      `cg=${g2}`,
      `layers=1&layer=hedge`,
      `layers=1`,
      `layers=1&layer=attr&layer=claims&cg=${g1}`,
      `layers=1&layer=hedge&cg=${g3}`,
      `cols=${ids[1]},${ids[2]}&by=words&cg=${g2}`,
      `blind=1&claims=lacks&cg=${g1}&layers=1&layer=loaded`,
      `large=1&claimsAll=1&cg=${g3}`,
    ];
    // Filled: one drawing per measure, claims filter, columns and blind mode (four here) for the nine views.
    const before = c.drawn();
    const filled = queries.map((query) => {
      const view = readView(new URLSearchParams(query));
      const q = viewQuery(view);
      return chartFill(q)(c.render(chartProps(cmp.id, view, q)));
    });
    expect(c.drawn() - before).toBe(4);
    let claimLinks = 0;
    for (const [i, query] of queries.entries()) {
      const view = readView(new URLSearchParams(query));
      const direct = c.render(chartProps(cmp.id, view, viewQuery(view), { template: false }));
      expect(filled[i] === direct, `filled links differ from drawn ones for ?${query}`).toBe(true);
      expect(filled[i]!.includes("_v=1")).toBe(false);
      claimLinks += filled[i]!.includes("focus=cl%3A") ? 1 : 0;
    }
    // Claim cells' links (which choose a group, and add the claims layer where layers are listed) were among them.
    expect(claimLinks).toBeGreaterThan(5);
  }, 120_000);
});
