import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { prepareDatabase } from "#db/prepare";
import { importArticle } from "#app/models/articles.server";
import { getComparison } from "#app/models/comparisons.server";
import { analyses, articles, comparisons } from "#db/schema";
import { freshDbUrl, runCli, TMP } from "#tests/utils/processes";
import { startServer, type LocalServer } from "#tests/unit/ingest/local-server";

// `cli compare` as a child process on a fresh database file: files, a URL from a local server and a library id.
// Each test starts several CLI processes (a few seconds each on a busy machine), hence the long timeouts.
const fresh = freshDbUrl("cli-compare");
const dir = path.join(TMP, `cli-compare-${process.pid}-${Date.now()}`);
let site: LocalServer;

function story(outlet: string, speaker: string): string {
  return [
    `The fictional harbour board of Velmarsh closed the north pier on Tuesday after divers found a cracked pile, ${speaker} said.`,
    `"Nobody will walk on it until it is rebuilt," ${speaker} told the ${outlet}.`,
    "Fishing crews moved their boats to the south quay for the week.",
  ].join("\n\n");
}

beforeAll(async () => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "one.json"),
    JSON.stringify({
      title: "Velmarsh pier shut",
      outlet: "Velmarsh Tide",
      url: "https://example.org/velmarsh-pier",
      text: story("Velmarsh Tide", "harbour master Ines Garo"),
    }),
  );
  fs.writeFileSync(path.join(dir, "two.txt"), story("Coastline Daily", "engineer Bram Olu"));
  site = await startServer({
    "/pier": (_q, r) =>
      r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        `<!doctype html><html lang="en"><head><title>North pier closed | Marsh Gazette</title></head><body><article><h1>North pier closed</h1>${story(
          "Marsh Gazette",
          "diver Sela Fent",
        )
          .split("\n\n")
          .map((p) => `<p>${p}</p>`)
          .join("")}</article></body></html>`,
      ),
  });
});
afterAll(async () => {
  await site.close();
  fresh.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("cli compare", () => {
  test("imports what is new, keeps the order given, makes the N-th focal, analyses every article and prints one JSON line", async () => {
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const known = (
      await importArticle(db, {
        text: story("Quay Post", "skipper Odo Marr"),
        title: "Pier shut, crews move",
        outlet: "Quay Post",
        origin: "paste",
      })
    ).article;
    db.$client.close();

    const env = { DATABASE_URL: fresh.url, PARALLAX_FETCH_ALLOW: `127.0.0.1:${site.port}` };
    const r = await runCli(
      [
        "compare",
        "--name",
        "Velmarsh pier",
        "--focal",
        "2",
        "--json",
        path.join(dir, "one.json"),
        String(known.id),
        `${site.origin}/pier`,
        path.join(dir, "two.txt"),
      ],
      env,
    );
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const out = JSON.parse(r.stdout) as { id: number; articles: number[] };
    expect(Object.keys(out)).toEqual(["id", "articles"]);
    expect(out.articles).toHaveLength(4);
    expect(out.articles[1]).toBe(known.id);

    const db2 = await prepareDatabase({ url: fresh.url, seed: false });
    try {
      const detail = await getComparison(db2, out.id);
      expect(detail?.comparison.name).toBe("Velmarsh pier");
      expect(detail?.comparison.focalArticleId).toBe(known.id);
      const byId = new Map((await db2.select().from(articles)).map((a) => [a.id, a]));
      expect(out.articles.map((id) => byId.get(id)?.title)).toEqual([
        "Velmarsh pier shut",
        "Pier shut, crews move",
        expect.stringContaining("North pier closed"),
        expect.any(String),
      ]);
      expect(byId.get(out.articles[3]!)?.text).toContain("engineer Bram Olu");
      const analysed = new Set((await db2.select({ id: analyses.articleId }).from(analyses)).map((x) => x.id));
      for (const id of out.articles) expect(analysed.has(id)).toBe(true);
    } finally {
      db2.$client.close();
    }

    // Again with the same inputs: nothing is imported twice, a second comparison reuses the same articles.
    const again = await runCli(["compare", path.join(dir, "one.json"), `${site.origin}/pier`], env);
    expect(again.code).toBe(0);
    const id2 = Number(again.stdout.trim());
    expect(id2).toBeGreaterThan(out.id);
    const db3 = await prepareDatabase({ url: fresh.url, seed: false });
    try {
      expect(await db3.select().from(articles)).toHaveLength(4);
      const d2 = await getComparison(db3, id2);
      expect(d2?.articles.map((a) => a.id)).toEqual([out.articles[0], out.articles[2]]);
      expect(d2?.comparison.name).toBe("Comparison: Velmarsh pier shut");
    } finally {
      db3.$client.close();
    }
  }, 180_000);

  test("an unknown id or a missing file creates no comparison and says why; bad options exit 2", async () => {
    const env = { DATABASE_URL: fresh.url };
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const before = (await db.select().from(comparisons)).length;
    db.$client.close();

    const r = await runCli(["compare", "999999", path.join(dir, "missing.txt")], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("there is no article 999999");
    expect(r.stderr).toContain("missing.txt");
    expect(r.stderr).toContain("no comparison was created");
    expect(r.stdout).toBe("");

    const focal = await runCli(["compare", "--focal", "3", path.join(dir, "one.json")], env);
    expect(focal.code).toBe(2);
    expect(focal.stderr).toContain("between 1 and 1");

    expect((await runCli(["compare", "--yaml", "x"], env)).code).toBe(2);
    expect((await runCli(["compare"], env)).code).toBe(2);
    expect((await runCli(["compare", "--focal", "0", "1"], env)).code).toBe(2);

    const db2 = await prepareDatabase({ url: fresh.url, seed: false });
    expect(
      await db2
        .select()
        .from(comparisons)
        .where(eq(comparisons.id, before + 1)),
    ).toEqual([]);
    db2.$client.close();
  }, 180_000);
});
