import { afterEach, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { inHttpRequest, STORAGE_MESSAGES, StorageError, storageFailure } from "#db/client";
import { importArticle } from "#app/models/articles.server";
import { createComparison } from "#app/models/comparisons.server";
import { createArticleFromForm } from "#app/routes/articles.new/new-article.server";
import { getDb } from "#app/utils/db.server";

// Issue 16: a full disk gave a generic 500. SQLite's own limit on the file's size (max_page_count, set on the
// connection) makes it answer SQLITE_FULL exactly as a full disk does.

const DISK_FULL = "The database disk is full: nothing was saved. Free space and try again.";

async function fillDisk(): Promise<void> {
  const db = getDb();
  // Settled first, so the statements below run on the one idle connection the pragma is set on.
  const rs = await db.$client.execute("PRAGMA page_count");
  await db.$client.execute(`PRAGMA max_page_count = ${Number(rs.rows[0]![0]) + 2}`);
}

afterEach(async () => {
  await getDb().$client.execute("PRAGMA max_page_count = 1073741823");
});

async function counts() {
  const db = getDb();
  const n = async (table: string) =>
    Number((await db.all<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)))[0]!.n);
  return {
    articles: await n("articles"),
    outlets: await n("outlets"),
    analyses: await n("analyses"),
    comparisonArticles: await n("comparison_articles"),
  };
}

// Distinct sentences, so the text is long (hundreds of pages) and no duplicate of another test's.
const longText = (tag: string) =>
  Array.from(
    { length: 1500 },
    (_, i) => `The fictional ferry board of Ostreng met for the ${i + 1}th time (${tag}), its clerk Pia Lund said.`,
  ).join("\n\n");

describe("a full disk", () => {
  test("refuses an import with a StorageError saying so, and leaves no half-written article", async () => {
    const before = await counts();
    await fillDisk();
    const e = await importArticle(getDb(), {
      text: longText("model"),
      title: "Ferry board meets (fictional)",
      outlet: "A Brand New Outlet",
      origin: "paste",
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).message).toBe(DISK_FULL);
    expect((e as StorageError).status).toBe(507);
    expect(await counts()).toEqual(before);
    // Space again: the same import goes through, the database intact.
    await getDb().$client.execute("PRAGMA max_page_count = 1073741823");
    const ok = await importArticle(getDb(), {
      text: longText("model"),
      title: "Ferry board meets (fictional)",
      outlet: "A Brand New Outlet",
      origin: "paste",
    });
    expect(ok.status).toBe("created");
    expect((await counts()).articles).toBe(before.articles + 1);
  });

  test("during a web request the refusal is a 507 Response with the message", async () => {
    await fillDisk();
    const e = await inHttpRequest(() =>
      importArticle(getDb(), {
        text: longText("request"),
        title: "Ferry board meets again (fictional)",
        origin: "paste",
      }).catch((x: unknown) => x),
    );
    expect(e).toBeInstanceOf(Response);
    expect((e as Response).status).toBe(507);
    expect(await (e as Response).text()).toBe(DISK_FULL);
  });

  test("the add-article form answers 507 with the message and keeps the pasted text; nothing is stored", async () => {
    const c = await createComparison(getDb(), { name: "Ferry board (fictional)" });
    const before = await counts();
    await fillDisk();
    const text = longText("form");
    const fd = new FormData();
    fd.append("text", text);
    fd.append("title", "Ferry board, the form (fictional)");
    fd.append("comparison", String(c.id));
    const out = (await inHttpRequest(() =>
      createArticleFromForm(new Request("http://localhost/articles/new", { method: "POST", body: fd })),
    )) as unknown as {
      init: { status: number };
      data: { error: Record<string, string[]>; initialValue: Record<string, string> };
    };
    expect(out.init.status).toBe(507);
    expect(out.data.error[""]).toEqual([DISK_FULL]);
    // (A multipart form sends its line breaks as CRLF.)
    expect(out.data.initialValue.text!.replace(/\r\n/g, "\n") === text).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

describe("storage failures are told apart from other errors", () => {
  test.each([
    [{ code: "SQLITE_FULL", message: "SQLITE_FULL: database or disk is full" }, "full"],
    [
      Object.assign(new Error("write failed"), {
        cause: Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }),
      }),
      "full",
    ],
    [{ code: "SQLITE_READONLY", message: "SQLITE_READONLY: attempt to write a readonly database" }, "readonly"],
    [{ code: "SQLITE_IOERR_WRITE", message: "SQLITE_IOERR_WRITE: disk I/O error" }, "io"],
    [{ code: "SQLITE_CONSTRAINT_UNIQUE", message: "UNIQUE constraint failed: articles.url" }, null],
    [{ code: "SQLITE_BUSY", message: "SQLITE_BUSY: database is locked" }, null],
    [new Error("The article text is empty."), null],
  ])("%o is %s", (e, kind) => {
    expect(storageFailure(e)).toBe(kind);
    if (kind) expect(STORAGE_MESSAGES[kind as "full"]).toMatch(/nothing was saved/);
  });
});
