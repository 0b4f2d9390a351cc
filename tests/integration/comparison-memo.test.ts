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

describe("a focus that names nothing in the comparison", () => {
  test("is sent to one address per view (made-up tokens cannot force renders), which says the number is gone", async () => {
    const { loader } = await import("#app/routes/comparisons.$id/route");
    const db = getDb();
    const [a, b] = [await createArticle(), await createArticle()];
    const cmp = await createComparison(db, { name: "Focus (fictional)", articleIds: [a.id, b.id] });
    const load = async (query: string) => {
      try {
        return await loader({
          params: { id: String(cmp.id) },
          request: new Request(`http://parallax.test/comparisons/${cmp.id}${query}`),
          context: {},
        });
      } catch (e) {
        if (e instanceof Response) return e;
        throw e;
      }
    };
    for (const made of ["?focus=bench-123", "?by=words&focus=k:1:nothing:c", "?focus=p:1:nothing"]) {
      const res = await load(made);
      expect(res).toBeInstanceOf(Response);
      expect((res as Response).status).toBe(302);
      const to = new URL((res as Response).headers.get("location")!, "http://parallax.test");
      expect(to.searchParams.get("focus")).toBe("gone");
      if (made.includes("by=words")) expect(to.searchParams.get("by")).toBe("words");
    }
    // The address it is sent to gives the page, with the note; a real number's focus is not redirected.
    const gone = await load("?focus=gone");
    expect(gone).not.toBeInstanceOf(Response);
    expect((gone as { focus: { token: string; spans: number } }).focus).toMatchObject({ token: "gone", spans: 0 });
    const real = await load(`?focus=art:${a.id}`);
    expect(real).not.toBeInstanceOf(Response);
  });
});
