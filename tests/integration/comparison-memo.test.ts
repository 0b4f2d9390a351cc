// A comparison page's data (members, analyses, the comparison computed over them) is remembered per comparison
// revision: views of one revision read it once; any change the page shows (an analysis, a rename, a correction,
// by any process: database triggers bump the revision) makes the next view read it again.
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { analyses } from "#db/schema";
import { analysedComparisonMemoStats, clearAnalysedComparisonMemo } from "#app/models/comparison-analysis.server";
import { createComparison, renameComparison } from "#app/models/comparisons.server";
import { loadComparison } from "#app/routes/comparisons.$id/comparison.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

async function view(id: number, query = "") {
  return loadComparison({ id: String(id) }, new Request(`http://parallax.test/comparisons/${id}${query}`));
}

describe("the comparison page's data, remembered per revision", () => {
  test("is read once for many views of one revision, and again after each change", async () => {
    const db = getDb();
    const [a, b] = [await createArticle(), await createArticle()];
    const cmp = await createComparison(db, { name: "Remembered (fictional)", articleIds: [a.id, b.id] });
    clearAnalysedComparisonMemo();

    const first = await view(cmp.id);
    await view(cmp.id, "?by=words");
    await view(cmp.id, `?focus=art:${a.id}`);
    const blind = await view(cmp.id, "?blind=1");
    expect(analysedComparisonMemoStats()).toMatchObject({ loads: 1, hits: 3 });
    // Views share the data, not the view: blind mode still masks the outlet.
    expect(blind.members[0]!.byline).not.toContain("Millbrook Gazette");
    expect(first.members[0]!.byline).toContain("Millbrook Gazette");

    await renameComparison(db, cmp.id, { name: "Remembered, renamed (fictional)", description: null });
    const renamed = await view(cmp.id);
    expect(renamed.comparison.name).toBe("Remembered, renamed (fictional)");
    expect(analysedComparisonMemoStats()).toMatchObject({ loads: 2 });

    // An analysis stored by another process (the job worker) is seen at once.
    const [row] = await db.select().from(analyses).where(eq(analyses.articleId, b.id));
    await db.update(analyses).set({ analyserVersion: row!.analyserVersion }).where(eq(analyses.articleId, b.id));
    await view(cmp.id);
    expect(analysedComparisonMemoStats()).toMatchObject({ loads: 3 });
  });
});
