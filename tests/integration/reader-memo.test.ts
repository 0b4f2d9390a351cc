// The texts side by side are kept per column (reader-html.server.ts): a column a view's number does not touch is the
// same markup in every view of one revision. Kept markup must equal markup written afresh for every view, and a
// change the page shows (a metadata edit, a re-analysis: by any process, here straight into the database) must
// reach the next view. Fictional fixture texts.
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { analyses, articles } from "#db/schema";
import { serverOnly } from "#app/components/island";
import { createComparison } from "#app/models/comparisons.server";
import { importFixtureArticles } from "#tests/utils/fixture-articles";
import { loadComparison, pageData, type PageIslands } from "#app/routes/comparisons.$id/comparison.server";
import { clearReaderMemo, readerColumnsHtml, readerMemoStats } from "#app/routes/comparisons.$id/reader-html.server";
import { getDb } from "#app/utils/db.server";

async function reader(id: number, query: string) {
  const url = `http://parallax.test/comparisons/${id}?reader=1${query ? `&${query}` : ""}`;
  const full = await loadComparison({ id: String(id) }, new Request(url), {}, { texts: true });
  const html = serverOnly<PageIslands>(await pageData(full, new URL(url).searchParams))!.readerHtml!;
  // The same columns written without the memo.
  return { html, afresh: readerColumnsHtml(full.columns, full.focus?.token ?? null) };
}

describe("the texts' markup kept per column", () => {
  test("equals the markup written afresh in every view, and follows metadata edits and re-analyses", async () => {
    const db = getDb();
    const ids = await importFixtureArticles(db, ["port-strike", "election-dispute", "drug-recall"]);
    const cmp = await createComparison(db, { name: "Reader memo (fictional fixtures)", articleIds: ids });
    clearReaderMemo();
    const plain = await reader(cmp.id, "");
    const tokens = [
      ...new Set(
        [...(await reader(cmp.id, "focus=none")).html.matchAll(/data-article-id="(\d+)"/g)].map((m) => `art:${m[1]}`),
      ),
    ];
    const queries = [
      "",
      "blind=1",
      "by=words",
      "layers=1&layer=hedge",
      `cols=${ids[1]},${ids[2]}`,
      ...tokens.map((t) => `focus=${encodeURIComponent(t)}`),
      `focus=${encodeURIComponent(`v:${ids[0]}:0`)}`,
      `focus=${encodeURIComponent(`v:${ids[1]}:0`)}&by=words`,
      "cg=g1",
      "blind=1&cg=g2",
    ];
    let focused = 0;
    for (const q of [...queries, ...queries]) {
      const r = await reader(cmp.id, q);
      expect(r.html, q).toBe(r.afresh);
      if (r.html.includes('-focus"')) focused++;
    }
    expect(focused).toBeGreaterThan(2);
    expect(readerMemoStats().hits).toBeGreaterThan(queries.length);
    expect(plain.html).toContain("Fixture");

    // A metadata edit by another process: the next view shows the new title.
    const title = "Dockworkers' strike enters its second week (fictional, edited)";
    await db.update(articles).set({ title }).where(eq(articles.id, ids[0]!));
    const edited = await reader(cmp.id, "");
    expect(edited.html).toContain(title.replace("'", "&#x27;"));
    expect(edited.html).toBe(edited.afresh);

    // A re-analysis stored by another process (here: one with no attributions): the next view's marks follow it.
    const before = await reader(cmp.id, "by=words");
    const mark = `data-article-id="${ids[1]}"`;
    const column = (html: string) => html.slice(html.indexOf(mark), html.indexOf("</article>", html.indexOf(mark)));
    expect(column(before.html)).toContain("hl-content");
    const [row] = await db.select().from(analyses).where(eq(analyses.articleId, ids[1]!));
    const result = { ...(row!.result as Record<string, unknown>), attributions: [] };
    await db.update(analyses).set({ result }).where(eq(analyses.articleId, ids[1]!));
    const after = await reader(cmp.id, "by=words");
    expect(column(after.html)).not.toContain("hl-content");
    expect(after.html).toBe(after.afresh);
  });
});
