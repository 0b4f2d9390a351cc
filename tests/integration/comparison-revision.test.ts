// The comparison page cache trusts a revision that database triggers keep: every change the page shows must
// bump it, whichever process writes, and changes elsewhere in the library must not.
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { analyses, coverageCandidates, outlets } from "#db/schema";
import {
  addArticleToComparison,
  createComparison,
  getComparisonRevision,
  removeArticleFromComparison,
  setFocalArticle,
} from "#app/models/comparisons.server";
import { updateArticleMeta } from "#app/models/articles.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

describe("comparison revisions", () => {
  test("bumped by every change a comparison page shows, and by nothing else", async () => {
    const db = getDb();
    const [a, b, c] = [
      await createArticle(),
      await createArticle({ outlet: "The Fenwick Ledger (fictional)" }),
      await createArticle(),
    ];
    const cmp = await createComparison(db, { name: "Revisions (fictional)", articleIds: [a.id] });
    const other = await createComparison(db, { name: "Another (fictional)", articleIds: [c.id] });
    let last = (await getComparisonRevision(db, cmp.id))!;
    const bumped = async (what: string) => {
      const now = (await getComparisonRevision(db, cmp.id))!;
      expect(now, what).toBeGreaterThan(last);
      last = now;
    };
    const unchanged = async (what: string) => expect(await getComparisonRevision(db, cmp.id), what).toBe(last);

    await addArticleToComparison(db, cmp.id, b.id);
    await bumped("a member added");
    await setFocalArticle(db, cmp.id, b.id);
    await bumped("the focal article");
    await updateArticleMeta(db, a.id, {
      title: "A new headline (fictional)",
      outlet: "The Millbrook Gazette",
      published: null,
      author: null,
      url: null,
      language: "en",
    });
    await bumped("a member's metadata");
    await db
      .update(outlets)
      .set({ name: "The Fenwick Ledger, renamed (fictional)" })
      .where(eq(outlets.id, b.outletId!));
    await bumped("a member's outlet");
    await db.update(analyses).set({ analyserVersion: "another-version" }).where(eq(analyses.articleId, a.id));
    await bumped("a member's analysis");
    await db
      .insert(coverageCandidates)
      .values({ comparisonId: cmp.id, url: "https://example.org/fictional/1", title: "Fictional candidate" });
    await bumped("the coverage list");

    await createArticle();
    await unchanged("an import elsewhere in the library");
    await updateArticleMeta(db, c.id, {
      title: "Another headline (fictional)",
      outlet: null,
      published: null,
      author: null,
      url: null,
      language: "en",
    });
    await unchanged("an article of another comparison");
    await addArticleToComparison(db, other.id, a.id);
    await unchanged("another comparison's members");

    await removeArticleFromComparison(db, cmp.id, a.id);
    await bumped("a member removed");
    expect(await getComparisonRevision(db, 999_999)).toBeNull();
  });
});
