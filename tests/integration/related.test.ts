import { describe, expect, test } from "vitest";
import { seedDatabase as seedDb } from "#app/models/seed.server";
import { getComparisonBySlug, getComparison } from "#app/models/comparisons.server";
import { expandTargets, importItems } from "#app/models/import.server";
import { loader } from "#app/routes/articles.$id_.related";
import { getDb } from "#app/utils/db.server";

describe("find related coverage", () => {
  test("ranks the other reports of the same event first, with reasons, and sees new imports", async () => {
    const db = getDb();
    await seedDb(db);
    await importItems(db, await expandTargets(["tests/fixtures/articles"]));
    const tut = await getComparison(db, (await getComparisonBySlug(db, "tutorial"))!.id);
    const [a, b, c] = tut!.articles.map((x) => x.id);
    const res = await loader({ params: { id: String(a) }, request: new Request("http://x/"), context: {} });
    expect(
      res.related
        .slice(0, 2)
        .map((r) => r.id)
        .sort(),
    ).toEqual([b, c].sort());
    expect(res.related[0]!.reasons.length).toBeGreaterThan(0);
    // A later import is in the index at the next lookup.
    const before = res.related.length;
    await importItems(db, [
      {
        ok: true,
        input: "x",
        record: {
          title: "Tamsel River spill: fictional follow-up",
          text:
            "A fictional follow-up on the Tamsel River solvent spill in Esterhollow: the mayor and the plant's owners met on Friday. " +
            "Esterhollow residents asked about the tap water and the Tamsel River again. ".repeat(3),
        },
        warnings: [],
      },
    ]);
    const again = await loader({ params: { id: String(a) }, request: new Request("http://x/"), context: {} });
    expect(again.related.length).toBeGreaterThanOrEqual(before);
    expect(again.related.some((r) => r.title.startsWith("Tamsel River spill: fictional follow-up"))).toBe(true);
  });
});
