// The related index is kept per library revision: a request after an import, a deletion or a metadata edit (made by
// any process: here, straight into the database) sees the library as it is, and only new or edited articles are
// tokenised again. Its answers are those of an index built from the texts afresh (as the CLI builds it).
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { articles } from "#db/schema";
import { buildRelatedIndex } from "#app/compare/related";
import { listArticlesForRelated } from "#app/models/articles.server";
import { clearRelatedIndex, getRelatedIndex, relatedIndexStats } from "#app/models/related.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

const story = (place: string, n: number) =>
  `Flood barriers on the fictional Orlen River at ${place} held overnight, engineer Maro Tessik said on Monday. ` +
  `"The ${place} barrier took the crest at four metres," Tessik told the Orlen valley council. Report ${n}.\n\n` +
  `Residents of ${place} returned to the riverside streets, the council's flood officer Jana Pell said.`;

async function fresh(id: number) {
  return buildRelatedIndex(await listArticlesForRelated(getDb())).query(id, 10);
}

describe("the related index, kept per library revision", () => {
  test("follows an import, a deletion and a metadata edit, tokenising only what changed", async () => {
    const db = getDb();
    clearRelatedIndex();
    const a = await createArticle({ title: "Orlen barriers hold at Dunmere", text: story("Dunmere", 1) });
    const b = await createArticle({ title: "Dunmere barrier holds on the Orlen", text: story("Dunmere", 2) });
    await createArticle({ title: "Harbour vote delayed (fictional)" });

    const first = (await getRelatedIndex(db)).query(a.id, 10);
    expect(first.map((h) => h.id)).toContain(b.id);
    expect(first).toEqual(await fresh(a.id));
    const n = relatedIndexStats().tokenised;
    // Nothing changed: the same index, nothing tokenised.
    expect(await getRelatedIndex(db)).toBe(await getRelatedIndex(db));
    expect(relatedIndexStats().tokenised).toBe(n);

    // An import: in the index at the next request; only the new article is tokenised.
    const c = await createArticle({ title: "Orlen crest passes Dunmere barrier", text: story("Dunmere", 3) });
    const afterImport = (await getRelatedIndex(db)).query(a.id, 10);
    expect(afterImport.map((h) => h.id)).toContain(c.id);
    expect(afterImport).toEqual(await fresh(a.id));
    expect(relatedIndexStats().tokenised).toBe(n + 1);

    // A deletion: gone at the next request.
    await db.delete(articles).where(eq(articles.id, b.id));
    const afterDelete = (await getRelatedIndex(db)).query(a.id, 10);
    expect(afterDelete.map((h) => h.id)).not.toContain(b.id);
    expect(afterDelete).toEqual(await fresh(a.id));
    expect((await getRelatedIndex(db)).query(b.id, 10)).toEqual([]);

    // A metadata edit (the address a hit shows, the title the index reads): seen at the next request.
    await db.update(articles).set({ url: "https://orlen-valley.example/crest" }).where(eq(articles.id, c.id));
    const afterEdit = (await getRelatedIndex(db)).query(a.id, 10);
    expect(afterEdit.find((h) => h.id === c.id)?.url).toBe("https://orlen-valley.example/crest");
    expect(afterEdit).toEqual(await fresh(a.id));
    expect(relatedIndexStats().tokenised).toBe(n + 2);
  });
});
