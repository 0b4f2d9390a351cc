import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { articles, comparisons, coverageCandidates } from "#db/schema";
import { DEMO } from "#db/seed";
import { seedDatabase as seedDb } from "#app/models/seed.server";
import { getComparison, getComparisonBySlug } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";

describe("the seeded demo", () => {
  test("the demo comparison has the seed article as focal, with page chrome kept out of the body", async () => {
    const db = getDb();
    expect(await seedDb(db)).toBe(true);
    const demo = await getComparisonBySlug(db, "demo");
    expect(demo?.name).toBe("A letter attributed to an ISIS member, on Hamas and ISIS in Sinai (2016)");
    // The description names the outlet's type and the accused party's denial, and presupposes nothing.
    expect(demo?.description).toMatch(/advocacy organisation/);
    expect(demo?.description).toMatch(/Hamas has denied/);
    expect(demo?.description).not.toMatch(/analysis piece|ties between/);
    const detail = await getComparison(db, demo!.id);
    const focal = detail!.articles[0]!;
    expect(focal.id).toBe(demo!.focalArticleId);
    expect(focal).toMatchObject({
      title: DEMO.title,
      author: "Ari Wenig",
      outletName: "Australia/Israel & Jewish Affairs Council",
      published: "2016",
      origin: "seed",
    });
    expect(focal.text.startsWith("It was a year and a half ago, at the United Nations General Assembly")).toBe(true);
    expect(focal.text.endsWith("are almost certainly wrong.")).toBe(true);
    for (const chrome of [
      "YOU ARE IN",
      "Most recent items in",
      "Australia/Israel & Jewish Affairs Council",
      "Ari Wenig",
    ]) {
      expect(focal.text).not.toContain(chrome);
    }
    expect(focal.text).not.toContain(DEMO.title);
  });

  test("the 60 known reports are listed as coverage to import, facts only", async () => {
    const db = getDb();
    await seedDb(db);
    const demo = await getComparisonBySlug(db, "demo");
    const rows = await db.select().from(coverageCandidates).where(eq(coverageCandidates.comparisonId, demo!.id));
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.status === "pending" && r.url.startsWith("http") && r.outlet && r.title)).toBe(true);
    expect(rows.find((r) => r.manifestId === "1")).toMatchObject({
      outlet: "MEMRI",
      date: "2016-03-07",
      event: "ISIS letter",
      kind: "media monitoring organisation",
    });
  });

  test("the fictional tutorial has three articles, marked fictional", async () => {
    const db = getDb();
    await seedDb(db);
    const tut = await getComparisonBySlug(db, "tutorial");
    expect(tut?.name).toMatch(/fictional/i);
    const detail = await getComparison(db, tut!.id);
    expect(detail!.articles).toHaveLength(3);
    expect(detail!.articles.every((a) => a.fictional)).toBe(true);
    const manifest = JSON.parse(fs.readFileSync("app/demo/tutorial/articles.json", "utf8")) as {
      articles: { title: string }[];
    };
    expect(detail!.articles.map((a) => a.title)).toEqual(manifest.articles.map((a) => a.title));
  });

  test("seeding happens once: a deleted demo does not come back", async () => {
    const db = getDb();
    await seedDb(db);
    const demo = await getComparisonBySlug(db, "demo");
    await db.delete(comparisons).where(eq(comparisons.id, demo!.id));
    expect(await seedDb(db)).toBe(false);
    expect(await getComparisonBySlug(db, "demo")).toBeNull();
    const seedArticles = await db.select().from(articles).where(eq(articles.origin, "seed"));
    expect(seedArticles).toHaveLength(4);
  });
});
