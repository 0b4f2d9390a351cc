import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prepareDatabase } from "#db/prepare";
import { articleMeta, getArticle, updateArticleMeta } from "#app/models/articles.server";
import { createComparison } from "#app/models/comparisons.server";
import { importFixtureArticles } from "#tests/utils/fixture-articles";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";

// Issue 16's uncached views: what a comparison page remembers between views (per revision: the shared parts, the
// focus check, the texts' markup) must never outlive a change, and a made-up `focus` must not make a new page-cache
// entry (it is answered as `focus=none`, saying the number was not found). Fictional fixture texts.

const dbFile = path.join(ROOT, `tests/.tmp/e2e-comparison-views-${process.pid}.db`);
let server: RunningServer;
let cid = 0;
let firstId = 0;

beforeAll(async () => {
  removeDb(dbFile);
  const db = await prepareDatabase({ url: `file:${dbFile}`, seed: false });
  const ids = await importFixtureArticles(db, ["port-strike", "election-dispute"]);
  firstId = ids[0]!;
  cid = (await createComparison(db, { name: "Views (fictional fixtures)", articleIds: ids })).id;
  db.$client.close();
  server = await startServer({ dbFile, env: { PARALLAX_JOBS: "off" } });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  removeDb(dbFile);
});

const page = async (q: string) => {
  const res = await fetch(`${server.baseUrl}/comparisons/${cid}${q}`, { redirect: "manual" });
  return { status: res.status, cache: res.headers.get("x-parallax-cache"), html: await res.text() };
};
/** The texts side by side: the reader's island, to the end of its section. */
const readerOf = (html: string) => {
  const at = html.indexOf('id="island-reader"');
  return at < 0 ? "" : html.slice(at, html.indexOf("</section>", at));
};
const NOT_FOUND = "That number is not in this comparison any more.";

describe("a comparison's views", () => {
  test("made-up focus tokens share one cache entry that says the number was not found; real ones are shown", async () => {
    const plain = await page("");
    expect(plain.status).toBe(200);
    const tokens = [...new Set([...plain.html.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => m[1]!))];
    expect(tokens.length).toBeGreaterThan(10);
    const real = tokens.find((t) => decodeURIComponent(t).startsWith(`k:${firstId}:`))!;
    expect(real).toBeTruthy();

    const made1 = await page(`?focus=made-up-${process.pid}-1`);
    const made2 = await page(`?focus=made-up-${process.pid}-2`);
    // A real number's spelling the links never use (a leading zero in the article id) is made up too.
    const alias = await page(
      `?focus=${encodeURIComponent(decodeURIComponent(real).replace(`:${firstId}:`, `:0${firstId}:`))}`,
    );
    for (const r of [made1, made2, alias]) {
      expect(r.status).toBe(200);
      expect(r.html).toContain(NOT_FOUND);
    }
    expect(made1.cache).toBe("miss");
    expect(made2.cache).toBe("hit");
    expect(alias.cache).toBe("hit");

    const shown = await page(`?focus=${real}`);
    expect(shown.status).toBe(200);
    expect(shown.html).not.toContain(NOT_FOUND);
    expect(shown.html).toContain("Highlighted:");
    expect(readerOf(shown.html)).toContain("hl-target");
  });

  test("an article's metadata edited by another process shows in a number's view within a second or two", async () => {
    const plain = await page("");
    const token = [...plain.html.matchAll(/[?&;]focus=([^&"#]+)/g)]
      .map((m) => m[1]!)
      .find((t) => decodeURIComponent(t).startsWith(`k:${firstId}:`))!;
    const before = await page(`?focus=${token}`);
    expect(readerOf(before.html)).toContain("port-strike (fixture)");

    const db = await prepareDatabase({ url: `file:${dbFile}`, seed: false });
    const a = (await getArticle(db, firstId))!;
    const title = `Dockers walk out at Kessling (fictional, renamed ${process.pid})`;
    await updateArticleMeta(db, firstId, { ...articleMeta(a), title });
    db.$client.close();

    let after = before;
    for (let i = 0; i < 20 && !after.html.includes(title); i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await page(`?focus=${token}`);
    }
    expect(after.status).toBe(200);
    // The texts' markup (written per view from the remembered revision) and the table both have the new title.
    expect(readerOf(after.html)).toContain(title);
    expect(readerOf(after.html)).not.toContain("port-strike (fixture)");
    expect(after.html).toContain("hl-target");
    // Another number's view, never asked for before the edit, has it too.
    const other = [...plain.html.matchAll(/[?&;]focus=([^&"#]+)/g)].map((m) => m[1]!).find((t) => t !== token)!;
    expect(readerOf((await page(`?focus=${other}`)).html)).toContain(title);
  }, 30_000);
});
