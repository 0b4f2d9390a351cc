import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { analyses, articles, outlets } from "#db/schema";
import { ANALYSER_VERSION } from "#app/analysis/index";
import {
  getArticle,
  importArticle,
  InputError,
  listArticles,
  MAX_TEXT_BYTES,
  updateArticleMeta,
} from "#app/models/articles.server";
import { getAnalysis } from "#app/models/analyses.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

describe("importing articles", () => {
  test("stores the article, its outlet and its analysis together", async () => {
    const db = getDb();
    const a = await createArticle({ outlet: "The Orrin Herald" });
    const row = await getArticle(db, a.id);
    expect(row?.outletName).toBe("The Orrin Herald");
    expect(row?.wordCount).toBeGreaterThan(30);
    const stored = await db.select().from(analyses).where(eq(analyses.articleId, a.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.analyserVersion).toBe(ANALYSER_VERSION);
    const analysis = await getAnalysis(db, a.id);
    expect(analysis?.attributions.length).toBeGreaterThan(0);
  });

  test("the same text twice finds the existing article instead of copying it", async () => {
    const db = getDb();
    const text = "A fictional council in Brisk Harbour voted to close the ferry pier, the mayor said on Monday.";
    const first = await importArticle(db, { text, title: "Pier closes", origin: "paste" });
    const second = await importArticle(db, { text, title: "Another title", outlet: "Other Outlet", origin: "upload" });
    expect(first.status).toBe("created");
    expect(second).toMatchObject({ status: "duplicate", by: "text" });
    expect(second.article.id).toBe(first.article.id);
    const rows = await db.select().from(articles).where(eq(articles.contentHash, first.article.contentHash));
    expect(rows).toHaveLength(1);
  });

  test("the same URL twice is a duplicate too", async () => {
    const db = getDb();
    const url = "https://example.org/fictional/pier-story";
    await createArticle({ url });
    const again = await importArticle(db, {
      text: "Different words about the fictional pier, entirely.",
      title: "Pier",
      url,
      origin: "url",
    });
    expect(again).toMatchObject({ status: "duplicate", by: "url" });
  });

  test("outlets are created on the fly and reused by name, whatever the case", async () => {
    const db = getDb();
    await createArticle({ outlet: "Lakeside Courier" });
    await createArticle({ outlet: "lakeside courier" });
    const rows = await db.select().from(outlets).where(eq(outlets.name, "Lakeside Courier"));
    expect(rows).toHaveLength(1);
    const lib = await listArticles(db, { q: "lakeside" });
    expect(lib.length).toBe(2);
  });

  test("empty and oversized texts are refused with a message and nothing is written", async () => {
    const db = getDb();
    const before = (await db.select().from(articles)).length;
    await expect(importArticle(db, { text: "   \n ", title: "Empty", origin: "paste" })).rejects.toThrow(InputError);
    await expect(
      importArticle(db, { text: "x".repeat(MAX_TEXT_BYTES + 1), title: "Huge", origin: "paste" }),
    ).rejects.toThrow(/over 2 MB/);
    await expect(importArticle(db, { text: "Some words here.", title: "  ", origin: "paste" })).rejects.toThrow(
      /title/,
    );
    expect((await db.select().from(articles)).length).toBe(before);
  });

  test("a failure inside the transaction leaves no half-written article", async () => {
    const db = getDb();
    const before = (await db.select().from(articles)).length;
    await expect(
      db.transaction(async (tx) => {
        await tx
          .insert(articles)
          .values({ title: "t", text: "half written", contentHash: "h-half", wordCount: 2, origin: "paste" });
        throw new Error("crash between the article and its analysis");
      }),
    ).rejects.toThrow(/crash/);
    expect((await db.select().from(articles)).length).toBe(before);
  });

  test("metadata can be edited; the text cannot", async () => {
    const db = getDb();
    const a = await createArticle();
    await updateArticleMeta(db, a.id, {
      title: "New title",
      outlet: "Northfield Post",
      author: "R. Kessler",
      published: "2024-05",
      url: null,
      language: "en",
    });
    const row = await getArticle(db, a.id);
    expect(row).toMatchObject({
      title: "New title",
      outletName: "Northfield Post",
      author: "R. Kessler",
      published: "2024-05",
      text: a.text,
    });
  });

  test("a URL already used by another article is refused on edit", async () => {
    const db = getDb();
    const a = await createArticle({ url: "https://example.org/fictional/one" });
    const b = await createArticle();
    await expect(
      updateArticleMeta(db, b.id, {
        title: "B",
        outlet: null,
        author: null,
        published: null,
        url: a.url,
        language: null,
      }),
    ).rejects.toThrow(/already has this URL/);
  });
});
