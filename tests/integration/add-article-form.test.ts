import { describe, expect, test } from "vitest";
import { articles } from "#db/schema";
import { createArticleFromForm } from "#app/routes/articles.new/new-article.server";
import { comparisonAction, loadComparison } from "#app/routes/comparisons.$id/comparison.server";
import { createComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

function post(fields: Record<string, string | File>): Request {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return new Request("http://localhost/articles/new", { method: "POST", body: fd });
}

async function run(req: Request): Promise<{ redirect?: string; result?: unknown }> {
  try {
    const result = await createArticleFromForm(req);
    return { result };
  } catch (e) {
    if (e instanceof Response) return { redirect: e.headers.get("location") ?? "" };
    throw e;
  }
}

const STORY =
  "Officials in the fictional river town of Calder Ford opened the new flood gates on Friday, the town engineer said.\n\n" +
  '"The gates will hold a hundred-year flood," engineer Mara Quist told the Calder Ford Bulletin.';

describe("the add-article form", () => {
  test("pasted text becomes an article and lands in the comparison", async () => {
    const db = getDb();
    const c = await createComparison(db, { name: "Flood gates" });
    const out = await run(
      post({
        text: STORY,
        title: "Flood gates open",
        outlet: "Calder Ford Bulletin",
        published: "2025-04-02",
        comparison: String(c.id),
      }),
    );
    expect(out.redirect).toMatch(new RegExp(`^/comparisons/${c.id}\\?notice=added&article=\\d+$`));
    const page = await loadComparison({ id: String(c.id) }, new Request(`http://localhost/comparisons/${c.id}`));
    expect(page.columns).toHaveLength(1);
    expect(page.columns[0]!.article.title).toBe("Flood gates open");
  });

  test("an uploaded HTML page is reduced to its article text", async () => {
    const html = `<!doctype html><html><head><title>Gate story | Bulletin</title><meta property="og:site_name" content="Calder Ford Bulletin"></head>
      <body><nav>Home | News</nav><article><h1>Second gate opens</h1><p>${"The second fictional gate opened without trouble on Saturday morning, the engineer said. ".repeat(4)}</p>
      <p>Residents watched from the bridge <script>alert(1)</script> as water rose.</p></article><footer>© Bulletin</footer></body></html>`;
    const file = new File([html], "gate.html", { type: "text/html" });
    const out = await run(post({ file, title: "" }));
    expect(out.redirect).toMatch(/^\/articles\/\d+\?notice=added$/);
    const id = Number(/articles\/(\d+)/.exec(out.redirect!)![1]);
    const db = getDb();
    const row = await db.query.articles.findFirst({ where: (t, { eq }) => eq(t.id, id) });
    expect(row?.text).toContain("Residents watched from the bridge");
    expect(row?.text).not.toMatch(/<|alert|Home \| News/);
    expect(row?.origin).toBe("upload");
  });

  test.each([
    [
      "a binary file",
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])], "photo.txt"),
      /not a text file/,
    ],
    ["a PDF by name", new File(["%PDF-1.4"], "report.pdf"), /not a \.txt, \.md or \.html file/],
    ["an empty file", new File([""], "empty.txt"), /Paste the article text or choose a file|empty/],
    [
      "an HTML page with no article",
      new File(["<html><body><script>app()</script></body></html>"], "shell.html"),
      /no article text/,
    ],
  ])("%s is refused with a message and nothing is stored", async (_name, file, message) => {
    const db = getDb();
    const before = (await db.select().from(articles)).length;
    const out = await run(post({ file, title: "x" }));
    expect(out.redirect).toBeUndefined();
    expect(JSON.stringify(out.result)).toMatch(message);
    expect((await db.select().from(articles)).length).toBe(before);
  });

  test("empty text and a duplicate get clear messages", async () => {
    const empty = await run(post({ text: "   ", title: "Nothing" }));
    expect(JSON.stringify(empty.result)).toMatch(/Paste the article text or choose a file/);
    const a = await createArticle();
    const dup = await run(post({ text: a.text, title: "Same again" }));
    expect(JSON.stringify(dup.result)).toMatch(/already in the library/);
  });

  test("adding, focusing and removing articles in a comparison", async () => {
    const db = getDb();
    const a = await createArticle();
    const b = await createArticle();
    const c = await createComparison(db, { name: "Two", articleIds: [a.id] });
    const act = async (fields: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, v);
      try {
        return await comparisonAction(
          { id: String(c.id) },
          new Request("http://localhost/x", { method: "POST", body: fd }),
        );
      } catch (e) {
        if (e instanceof Response) return e;
        throw e;
      }
    };
    await act({ intent: "add", articleId: String(b.id) });
    let page = await loadComparison({ id: String(c.id) }, new Request(`http://localhost/comparisons/${c.id}`));
    expect(page.columns.map((x) => x.article.id)).toEqual([a.id, b.id]);
    await act({ intent: "focal", articleId: String(b.id) });
    page = await loadComparison({ id: String(c.id) }, new Request(`http://localhost/comparisons/${c.id}`));
    expect(page.comparison.focalArticleId).toBe(b.id);
    expect(page.columns[0]!.article.id).toBe(b.id);
    await act({ intent: "remove", articleId: String(a.id) });
    page = await loadComparison({ id: String(c.id) }, new Request(`http://localhost/comparisons/${c.id}`));
    expect(page.members.map((m) => m.id)).toEqual([b.id]);
    const missing = await act({ intent: "add", articleId: "999999" });
    expect(JSON.stringify(missing)).toMatch(/no article #999999/);
  });

  test("unknown ids are 404s", async () => {
    await expect(
      loadComparison({ id: "424242" }, new Request("http://localhost/comparisons/424242")),
    ).rejects.toMatchObject({ init: { status: 404 } });
    await expect(loadComparison({ id: "abc" }, new Request("http://localhost/comparisons/abc"))).rejects.toMatchObject({
      init: { status: 404 },
    });
  });
});
