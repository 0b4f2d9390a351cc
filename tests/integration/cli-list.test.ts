import { afterAll, describe, expect, test } from "vitest";
import { prepareDatabase } from "#db/prepare";
import { importArticle } from "#app/models/articles.server";
import { createComparison } from "#app/models/comparisons.server";
import { comparisons } from "#db/schema";
import { freshDbUrl, runCli } from "#tests/utils/processes";

// `cli list` as a child process on a database file that does not exist yet: it migrates, never seeds.
const fresh = freshDbUrl("cli-list");
afterAll(() => fresh.cleanup());

function story(place: string, speaker: string): string {
  return `The council of the fictional town of ${place} closed the old bridge on Friday, ${speaker} said. "It is not safe," ${speaker} told reporters.`;
}

describe("cli list", () => {
  test("on a fresh database prints an empty JSON array and creates no demo", async () => {
    const r = await runCli(["list", "--json"], { DATABASE_URL: fresh.url });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    expect(await db.select().from(comparisons)).toEqual([]);
    db.$client.close();
  });

  test("prints every comparison with its articles, focal first, as one JSON array", async () => {
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const a = (
      await importArticle(db, {
        text: story("Quillby", "Mayor Odo Fenn"),
        title: "Quillby bridge shut",
        outlet: "Quillby Post",
        url: "https://example.org/quillby",
        origin: "paste",
      })
    ).article;
    const b = (
      await importArticle(db, {
        text: story("Harrowmere", "engineer Lise Tarn"),
        title: "Harrowmere bridge shut",
        outlet: "Harrowmere Bell",
        origin: "paste",
      })
    ).article;
    const c = (
      await importArticle(db, {
        text: story("Dunmoor", "resident Pim Osk"),
        title: "Dunmoor bridge shut",
        origin: "paste",
      })
    ).article;
    const one = await createComparison(db, { name: "Bridges", articleIds: [a.id, b.id, c.id], focalArticleId: c.id });
    const two = await createComparison(db, { name: "Empty one" });
    db.$client.close();

    const r = await runCli(["list", "--json"], { DATABASE_URL: fresh.url });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        id: one.id,
        name: "Bridges",
        articles: [
          { id: c.id, title: "Dunmoor bridge shut", outlet: null, url: null },
          { id: a.id, title: "Quillby bridge shut", outlet: "Quillby Post", url: "https://example.org/quillby" },
          { id: b.id, title: "Harrowmere bridge shut", outlet: "Harrowmere Bell", url: null },
        ],
      },
      { id: two.id, name: "Empty one", articles: [] },
    ]);

    const text = await runCli(["list"], { DATABASE_URL: fresh.url });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`#${one.id}  Bridges  (3 articles)`);
    expect(text.stdout).toMatch(/\* #\d+ {2}Dunmoor bridge shut/);
    expect(text.stdout).toContain("Quillby bridge shut — Quillby Post");
  });

  test("an unknown option is refused with exit code 2", async () => {
    const r = await runCli(["list", "--yaml"], { DATABASE_URL: fresh.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option "--yaml"');
  });
});
