import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";
import { e2e } from "./browser";

// Bad input on every form and route of a production server: each answer is a clear 4xx (or a form page with a
// visible error), never a 500 or a stack trace, and the library is exactly as it was. Every text here is fictional.

type Part =
  { name: string; value: string } | { name: string; filename: string; type?: string; data: string | Uint8Array };

const SCRIPT = `<script>alert("px")</script><b onmouseover="alert(1)">bold</b>`;
/** What a stack trace or a leaked internal path looks like in a body. */
const LEAK = /\n\s*at [\w$.<>]+ \(|node_modules|\/work\/main|SQLITE_|LibsqlError|ZodError/;

describe.skipIf(!e2e.baseUrl)("bad input on every form and route", () => {
  let server: RunningServer;
  let db: Client;
  let origin = "";
  const dbFile = path.join(ROOT, `tests/.tmp/bad-input-${process.pid}.db`);

  beforeAll(async () => {
    removeDb(dbFile);
    server = await startServer({ dbFile });
    origin = server.baseUrl;
    db = createClient({ url: `file:${dbFile}` });
  }, 120_000);

  afterAll(async () => {
    db?.close();
    await server?.stop();
    removeDb(dbFile);
  });

  /** Everything a bad request must leave alone: the library, comparisons, accounts, share links and jobs. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const q = async (sql: string) => (await db.execute(sql)).rows.map((r) => JSON.stringify(r));
    return {
      articles: await q(
        "select id, outlet_id, title, author, url, published, language, content_hash from articles order by id",
      ),
      outlets: await q("select * from outlets order by id"),
      comparisons: await q("select * from comparisons order by id"),
      members: await q("select * from comparison_articles order by comparison_id, article_id"),
      coverage: await q("select id, status, article_id from coverage_candidates order by id"),
      users: await q("select id, username, role from users order by id"),
      shares: await q("select id, revoked_at from share_links order by id"),
      jobs: await q("select id, kind, status from jobs where kind <> 'analyse' order by id"),
    };
  }

  /** Runs bad requests and checks that the database is the same afterwards. */
  async function changesNothing(fn: () => Promise<void>): Promise<void> {
    const before = await snapshot();
    await fn();
    expect(await snapshot()).toEqual(before);
  }

  function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(origin + url, { redirect: "manual", headers });
  }

  function post(
    url: string,
    fields: Record<string, string> | URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(origin + url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers },
      body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields),
    });
  }

  /** A multipart body built by hand, so file names reach the server exactly as written (NUL, "..", backslashes). */
  function multipart(parts: Part[]): { body: Buffer; type: string } {
    const boundary = "----parallax-bad-input-" + Math.random().toString(36).slice(2);
    const chunks: Buffer[] = [];
    for (const p of parts) {
      const head =
        "filename" in p
          ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? "application/octet-stream"}\r\n\r\n`
          : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`;
      chunks.push(Buffer.from(head, "utf8"), Buffer.from("filename" in p ? p.data : p.value), Buffer.from("\r\n"));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
  }

  function postMultipart(url: string, parts: Part[]): Promise<Response> {
    const { body, type } = multipart(parts);
    return fetch(origin + url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": type, origin },
      body: new Uint8Array(body),
    });
  }

  /** A large body streamed from one small chunk, with its length declared up front (the test never holds it whole). */
  function postStream(url: string, size: number, contentType: string, declareLength = true): Promise<Response> {
    const chunk = new TextEncoder().encode("The fictional ferry left Quillmouth at noon. ".repeat(1500));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) return controller.close();
        const n = Math.min(chunk.length, size - sent);
        controller.enqueue(n === chunk.length ? chunk : chunk.slice(0, n));
        sent += n;
      },
    });
    const headers: Record<string, string> = { "content-type": contentType, origin };
    if (declareLength) headers["content-length"] = String(size);
    return fetch(origin + url, {
      method: "POST",
      redirect: "manual",
      headers,
      body: stream,
      duplex: "half",
    } as RequestInit);
  }

  /** The answer is one of `statuses`, names the problem when `message` is given, and leaks nothing. */
  async function expectClean(res: Response, statuses: number[], message?: RegExp | string): Promise<string> {
    const body = await res.text();
    const what = `${res.url} → ${res.status}: ${body.slice(0, 400)}`;
    expect(statuses, what).toContain(res.status);
    expect(body, what).not.toMatch(LEAK);
    if (message) expect(body, what).toMatch(message);
    return body;
  }

  /** A form page answered with the form again and a visible error. */
  async function expectFormError(res: Response, message: RegExp | string): Promise<string> {
    const body = await expectClean(res, [200, 400, 413, 422], message);
    expect(body).toMatch(/class="form-error"|class="field-error"|role="alert"/);
    return body;
  }

  async function firstArticleId(): Promise<number> {
    return Number((await db.execute("select min(id) as id from articles")).rows[0]!.id);
  }

  test("a form posted from another site is refused and changes nothing", async () => {
    await changesNothing(async () => {
      await expectClean(
        await post("/?index", { name: "Forged comparison" }, { origin: "http://evil.test" }),
        [403],
        /another site/,
      );
      await expectClean(await post("/?index", { name: "Forged comparison" }, { origin: "null" }), [403]);
    });
  });

  test("unknown and malformed ids answer 404 on every route that takes one", async () => {
    const bad = ["0", "-1", "abc", "99999999999999999999", "1.5", "1e3", "%00", "..%2F..%2Fetc%2Fpasswd", "99999"];
    const aid = await firstArticleId();
    await changesNothing(async () => {
      for (const id of bad) {
        for (const url of [
          `/articles/${id}`,
          `/articles/${id}/diff/${aid}`,
          `/articles/${aid}/diff/${id}`,
          `/comparisons/${id}`,
          `/comparisons/${id}/share`,
          `/comparisons/${id}/export/bundle.json`,
          `/jobs/${id}`,
        ]) {
          await expectClean(await get(url), [404], /No (article|comparison|job)|not found/i);
        }
        await expectClean(await post(`/articles/${id}`, { title: "A fictional title" }), [404]);
        await expectClean(await post(`/comparisons/${id}`, { intent: "remove", articleId: "1" }), [404]);
        await expectClean(await post(`/comparisons/${id}/coverage`, { intent: "all" }), [404], "No comparison");
        // Its GET only redirects to the comparison page (which then 404s), or 404s itself on a malformed id.
        await expectClean(await get(`/comparisons/${id}/coverage`), [302, 404]);
        await expectClean(await post(`/comparisons/${id}/share`, { intent: "create" }), [404]);
        await expectClean(await post(`/jobs/${id}`, {}), [404]);
      }
      // The single-fetch data endpoints answer the same.
      await expectClean(await get(`/articles/abc.data`), [404]);
      await expectClean(await get(`/comparisons/99999.data`), [404]);
      // Share tokens and export names.
      for (const token of ["garbage", "x".repeat(5000), "%00", "..%2F..%2Fetc"])
        await expectClean(await get(`/s/${token}`), [404], /not valid/);
      for (const file of ["nope.csv", "..%2F..%2Fpackage.json", "bundle.json%00.csv", "%2Fetc%2Fpasswd"]) {
        await expectClean(await get(`/comparisons/1/export/${file}`), [404]);
      }
    });
  }, 60_000);

  test("wrong types, missing fields and unknown intents get a clear answer", async () => {
    const aid = await firstArticleId();
    await changesNothing(async () => {
      // Home: a new comparison.
      await expectFormError(await post("/?index", {}), "A comparison needs a name.");
      await expectFormError(await post("/?index", { name: "   " }), "A comparison needs a name.");
      await expectFormError(await post("/?index", { name: "n".repeat(201) }), "too long");
      await expectFormError(await post("/?index", { name: "Fine", description: "d".repeat(2001) }), "too long");
      // A comparison's actions.
      for (const fields of <Record<string, string>[]>[
        {},
        { intent: "explode", articleId: "1" },
        { intent: "add" },
        { intent: "add", articleId: "abc" },
        { intent: "focal", articleId: "-3" },
      ]) {
        await expectClean(await post("/comparisons/1", fields), [400], "not understood");
      }
      await expectFormError(await post("/comparisons/1", { intent: "add", articleId: "99999" }), "no article #99999");
      await expectFormError(
        await post("/comparisons/1", { intent: "remove", articleId: "99999" }),
        "not in this comparison",
      );
      await expectFormError(
        await post("/comparisons/1", { intent: "focal", articleId: "99999" }),
        "not in this comparison",
      );
      // Its coverage list.
      for (const fields of <Record<string, string>[]>[
        {},
        { intent: "some" },
        { intent: "one", candidateId: "abc" },
        { intent: "one" },
      ]) {
        await expectClean(await post("/comparisons/1/coverage", fields), [400], "not understood");
      }
      await expectClean(
        await post("/comparisons/1/coverage", { intent: "one", candidateId: "99999" }),
        [404],
        "not on this comparison",
      );
      // Share links.
      for (const fields of <Record<string, string>[]>[
        {},
        { intent: "delete" },
        { intent: "revoke", linkId: "abc" },
        { intent: "create", blind: "maybe" },
      ]) {
        await expectFormError(await post("/comparisons/1/share", fields), "not understood");
      }
      await expectFormError(await post("/comparisons/1/share", { intent: "revoke", linkId: "99999" }), "No such link");
      // Article metadata.
      await expectFormError(await post(`/articles/${aid}`, { title: "" }), "A title is required.");
      await expectFormError(
        await post(`/articles/${aid}`, { title: "t".repeat(501) }),
        /too_big|at most 500|too long/i,
      );
      for (const published of ["2016-13-45", "2016-02-30", "yesterday", "16-03-10", "2016-3-1", "99999"]) {
        await expectFormError(
          await post(`/articles/${aid}`, { title: "A fictional title", published }),
          /YYYY|does not exist/,
        );
      }
      await expectFormError(
        await post(`/articles/${aid}`, { title: "A fictional title", url: "javascript:alert(1)" }),
        /http|web address/,
      );
      await expectFormError(
        await post(`/articles/${aid}`, { title: "A fictional title", url: "not a url" }),
        /web address/,
      );
      await expectFormError(
        await post(`/articles/${aid}`, { title: "A fictional title", language: "English" }),
        "two-letter",
      );
      await expectFormError(
        await post(`/articles/${aid}`, { title: "A fictional title", outlet: "o".repeat(201) }),
        "too long",
      );
      // A new article.
      await expectFormError(await postMultipart("/articles/new", []), "Paste the article text or choose a file.");
      await expectFormError(
        await postMultipart("/articles/new", [{ name: "text", value: "   \n\t " }]),
        "Paste the article text or choose a file.",
      );
      await expectFormError(
        await postMultipart("/articles/new", [
          { name: "text", value: "A fictional text." },
          { name: "comparison", value: "abc" },
        ]),
        "Choose a comparison from the list.",
      );
      await expectFormError(
        await postMultipart("/articles/new", [
          { name: "text", value: "The fictional mayor of Brindle opened a bridge, officials said." },
          { name: "comparison", value: "99999" },
        ]),
        "That comparison no longer exists.",
      );
      await expectFormError(
        await postMultipart("/articles/new", [
          { name: "text", value: "Both a text and a file." },
          { name: "file", filename: "story.txt", type: "text/plain", data: "A fictional file." },
        ]),
        "not both",
      );
      await expectFormError(
        await postMultipart("/articles/new", [
          { name: "text", value: "A text." },
          { name: "published", value: "2016-13-45" },
        ]),
        "YYYY",
      );
      // Import: the URL form and the files form.
      await expectFormError(await post("/import", {}), "Enter a full web address");
      await expectFormError(
        await post("/import", { intent: "url", url: "http://127.0.0.1:9/x", comparison: "abc" }),
        "Choose a comparison",
      );
      await expectFormError(
        await post("/import", { intent: "url", url: "http://127.0.0.1:9/x", comparison: "-2" }),
        "Choose a comparison",
      );
      await expectFormError(await post("/import", { intent: "bulk" }), "Choose one or more files");
      // Accounts (open on loopback without accounts) and signing in.
      for (const fields of <Record<string, string>[]>[
        {},
        { intent: "promote" },
        { intent: "create", username: "x" },
        { intent: "role", id: "abc", role: "owner" },
        { intent: "role", id: "1", role: "god" },
      ]) {
        await expectFormError(await post("/accounts", fields), "not understood");
      }
      await expectFormError(
        await post("/accounts", {
          intent: "create",
          username: "<script>",
          password: "a long fictional password",
          role: "viewer",
        }),
        "Usernames are",
      );
      await expectFormError(
        await post("/accounts", { intent: "create", username: "tamsin", password: "short", role: "viewer" }),
        /password/i,
      );
      await expectFormError(await post("/accounts", { intent: "role", id: "99999", role: "editor" }), "No account");
      await expectFormError(await post("/accounts", { intent: "delete", id: "99999" }), "No account");
      await expectFormError(await post("/login", {}), "Enter your username and password.");
      // A refused sign-in says so in its status too (401, or 429 when locked), with the form and its message.
      expect(
        await expectClean(
          await post("/login", { username: "nobody", password: "x".repeat(10_000) }),
          [401, 429],
          /do not match|Too many/,
        ),
      ).toMatch(/role="alert"/);
      // Routes without a form refuse a post.
      for (const url of ["/library", "/methods", "/comparisons/1/export/bundle.json", "/s/garbage"]) {
        await expectClean(await post(url, { q: "x" }), [404, 405]);
      }
    });
  }, 60_000);

  test("bodies that are not forms at all are refused with a 4xx", async () => {
    const aid = await firstArticleId();
    await changesNothing(async () => {
      for (const url of [
        "/?index",
        "/articles/new",
        `/articles/${aid}`,
        "/comparisons/1",
        "/comparisons/1/coverage",
        "/comparisons/1/share",
        "/import",
        "/accounts",
        "/login",
      ]) {
        const json = await fetch(origin + url, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/json", origin },
          body: '{"name":"x"}',
        });
        await expectClean(json, [415], "takes a web form");
        const broken = await fetch(origin + url, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "multipart/form-data; boundary=nothing-here", origin },
          body: '--nothing-here\r\nContent-Disposition: form-data; name="name"\r\n\r\nunterminated',
        });
        await expectClean(broken, [400], "could not be read");
      }
    });
  }, 60_000);

  test("oversize bodies are refused without being stored", async () => {
    await changesNothing(async () => {
      // A 3 MB paste, as a field and as a file.
      const big = "The fictional ferry left Quillmouth at noon. ".repeat(Math.ceil((3 * 1024 * 1024) / 45));
      await expectFormError(await postMultipart("/articles/new", [{ name: "text", value: big }]), /over 2 MB/);
      // Refused before it was read, the body was still drained: the same keep-alive connection answers again.
      await expectClean(await get("/library"), [200]);
      await expectFormError(
        await postMultipart("/articles/new", [
          { name: "file", filename: "big.txt", type: "text/plain", data: big.slice(0, 2.5 * 1024 * 1024) },
        ]),
        /over 2 MB/,
      );
      await expectFormError(
        await postStream("/articles/new", 8 * 1024 * 1024, "multipart/form-data; boundary=x"),
        /over 2 MB/,
      );
      // A 60 MB bulk upload, streamed with its length declared (refused on the length, then drained).
      await expectFormError(
        await postStream("/import", 60 * 1024 * 1024, "multipart/form-data; boundary=x"),
        /over 50 MB/,
      );
      // Small forms get big bodies too.
      await expectFormError(await post("/?index", { name: "n".repeat(1024 * 1024) }), "too long");
      await expectClean(await post("/comparisons/1", { intent: "add", articleId: "9".repeat(100_000) }), [400]);
      await expectFormError(
        await post("/import", { intent: "url", url: "http://127.0.0.1:9/" + "a".repeat(100_000) }),
        "Enter a full web address",
      );
    });
  }, 60_000);

  test("a bulk upload of more than 50 MB with no declared length is refused", async () => {
    await changesNothing(async () => {
      await expectClean(
        await postStream("/import", 55 * 1024 * 1024, "multipart/form-data; boundary=x", false),
        [413],
        "over 50 MB",
      );
      await expectClean(
        await postStream("/articles/new", 4 * 1024 * 1024, "multipart/form-data; boundary=x", false),
        [413],
        "over 3 MB",
      );
      // The connection is still usable after each refusal.
      await expectClean(await get("/library"), [200]);
    });
  }, 60_000);

  test("malformed CSV, TSV, JSON and JSONL files start no job", async () => {
    const files: Array<[string, string | Uint8Array]> = [
      ["empty.csv", ""],
      ["no-url-column.csv", "title,outlet\nA fictional story,The Quillmouth Courier\n"],
      ["header-only.tsv", "id\toutlet\turl\n"],
      ["quotes.csv", 'url,title\n"http://127.0.0.1:9/a,"unterminated\n'],
      ["bad-urls.tsv", "url\ttitle\njavascript:alert(1)\tx\nfile:///etc/passwd\ty\nnot a url\tz\n"],
      ["truncated.json", '[{"url": "http://127.0.0.1:9/a", "title": '],
      ["number.json", "42"],
      ["wrong-shape.json", "[1, 2, 3]"],
      ["garbage.jsonl", "{not json}\n{also: not}\n[]\n"],
      ["binary.csv", new Uint8Array([0x75, 0x72, 0x6c, 0x0a, 0, 1, 2, 3, 0, 0xff, 0xfe, 0])],
      ["fake.zip", "this is not a zip archive"],
      ["program.exe", "MZ fictional"],
      ["../../etc/passwd", "root:x:0:0"],
      ["evil\u0000.csv", "title\nNo address here"],
    ];
    await changesNothing(async () => {
      for (const [name, data] of files) {
        const res = await postMultipart("/import", [
          { name: "intent", value: "bulk" },
          { name: "files", filename: name, type: "application/octet-stream", data },
        ]);
        // Refused with a 4xx and the reason, at once (small plain files are read in the request).
        expect([400, 422], name).toContain(res.status);
        const body = await expectFormError(res, /.+/);
        // eslint-disable-next-line no-control-regex -- no NUL may reach a page
        expect(body, name).not.toMatch(/\.\.\/|\u0000/);
      }
      // A comparison that does not exist, with an otherwise good file.
      const res = await postMultipart("/import", [
        { name: "intent", value: "bulk" },
        { name: "comparison", value: "99999" },
        {
          name: "files",
          filename: "list.tsv",
          type: "text/tab-separated-values",
          data: "url\nhttp://127.0.0.1:9/story\n",
        },
      ]);
      await expectFormError(res, "That comparison no longer exists");
    });
  }, 60_000);

  test("bad URLs in the import form are refused before any network traffic", async () => {
    await changesNothing(async () => {
      for (const url of [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://127.0.0.1/x",
        "//127.0.0.1:9/x",
        "not a url",
      ]) {
        const body = await expectFormError(await post("/import", { intent: "url", url }), "Enter a full web address");
        expect(body).not.toContain("<script>alert(1)");
      }
      for (const url of [
        "http://10.0.0.1/",
        "http://127.0.0.1:1/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://192.168.1.1:8080/x",
        "http://2130706433/",
      ]) {
        const t0 = Date.now();
        await expectFormError(
          await post("/import", { intent: "url", url }),
          /refused|private|loopback|link-local|unspecified|not a public/i,
        );
        expect(Date.now() - t0).toBeLessThan(5000);
      }
    });
  }, 60_000);

  test("upload names with path traversal or NUL never escape, and are shown as safe labels", async () => {
    const passwd = fs.existsSync("/etc/passwd") ? fs.statSync("/etc/passwd").mtimeMs : 0;
    await changesNothing(async () => {
      for (const filename of ["../../etc/passwd", "..\\..\\x.exe", "a\u0000.txt.exe"]) {
        await expectFormError(
          await postMultipart("/articles/new", [
            { name: "file", filename, type: "text/plain", data: "A fictional text." },
          ]),
          "not a .txt, .md or .html file",
        );
      }
    });
    const traversal = ["../../etc/passwd.txt", "..\\..\\x.html", "notes\u0000.txt"];
    for (const [i, filename] of traversal.entries()) {
      const data = filename.endsWith(".html")
        ? `<html><head><title>Harbour ${i}</title></head><body><article><h1>Harbour ${i}</h1><p>The fictional harbour of Wendmoor ${i} reopened on Friday, the port authority said in a statement, after a week of repairs to the old stone quay.</p><p>Boats returned by evening, a fisherman said.</p></article></body></html>`
        : `The fictional harbour of Wendmoor ${i} reopened on Friday, the port authority said, after a week of repairs to the old quay ${i}.`;
      const res = await postMultipart("/articles/new", [{ name: "file", filename, type: "text/plain", data }]);
      await expectClean(res, [200, 302, 303]);
    }
    // Many at once: the job log names each file by a safe label.
    const res = await postMultipart("/import", [
      { name: "intent", value: "bulk" },
      ...traversal.map((filename, i) => ({
        name: "files",
        filename,
        type: "text/plain",
        data: `Bulk copy ${i}: the fictional ferry to Ostry sailed late on Sunday, its captain said, because of fog ${i}.`,
      })),
    ]);
    expect(res.status).toBe(302);
    const job = res.headers.get("location")!;
    let page = "";
    for (let i = 0; i < 100; i++) {
      page = await expectClean(await get(job), [200]);
      if (/data-job-status="(done|failed|cancelled)"/.test(page)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(page).toMatch(/data-job-status="done"/);
    expect(page).not.toMatch(/\.\.[\\/]/);
    expect(page).toContain("etc/passwd.txt");
    if (passwd) expect(fs.statSync("/etc/passwd").mtimeMs).toBe(passwd);
    expect(fs.existsSync(path.join(ROOT, "x.html"))).toBe(false);
    expect(fs.existsSync(path.resolve(ROOT, "..", "x.html"))).toBe(false);
  }, 60_000);

  test("HTML and script in every text field are shown as text", async () => {
    // A comparison named and described with markup.
    const created = await post("/?index", { name: `Comparison ${SCRIPT}`, description: `Description ${SCRIPT}` });
    expect(created.status).toBe(302);
    const cpath = created.headers.get("location")!;
    // A pasted article with markup in the title, outlet, author and text.
    const pasted = await postMultipart("/articles/new", [
      {
        name: "text",
        value: `The fictional council of Harrowgate met on Monday. ${SCRIPT}\n\n"It went well," a clerk said. <img src=x onerror=alert(1)>`,
      },
      { name: "title", value: `Title ${SCRIPT}` },
      { name: "outlet", value: `Outlet ${SCRIPT}` },
      { name: "author", value: `Author ${SCRIPT}` },
      { name: "comparison", value: cpath.split("/").pop()! },
    ]);
    expect(pasted.status, await pasted.clone().text()).toBe(302);
    const aid = /article=(\d+)/.exec(pasted.headers.get("location")!)![1]!;
    // Edited metadata with markup too.
    const edited = await post(`/articles/${aid}`, {
      title: `Edited ${SCRIPT}`,
      outlet: `Edited outlet ${SCRIPT}`,
      author: `Edited author ${SCRIPT}`,
      published: "2016-03-10",
    });
    expect(edited.status).toBe(302);
    // An uploaded .md file and a bulk file whose names carry markup.
    const md = await postMultipart("/articles/new", [
      {
        name: "file",
        filename: `<script>alert(2)</script>.md`,
        type: "text/markdown",
        data: `# Md ${SCRIPT}\n\nThe fictional mill at Dunlow reopened, its owner said. ${SCRIPT}`,
      },
    ]);
    expect(md.status).toBe(302);
    const bulk = await postMultipart("/import", [
      { name: "intent", value: "bulk" },
      {
        name: "files",
        filename: `<script>alert(3)</script>.jsonl`,
        type: "application/json",
        data: `{"title": "Bulk ${SCRIPT.replace(/"/g, "'")}", "text": "The fictional lighthouse at Carrow was relit on Tuesday, the keeper said. <script>alert(4)</script>"}\n{"url": "javascript:alert(5)"}\n`,
      },
    ]);
    expect(bulk.status).toBe(302);
    const job = bulk.headers.get("location")!;
    for (let i = 0; i < 100; i++) {
      if (/data-job-status="(done|failed)"/.test(await (await get(job)).text())) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const pages = [
      "/",
      "/library",
      `/library?q=${encodeURIComponent("<script>")}`,
      cpath,
      `${cpath}?blind=1`,
      `${cpath}?focus=${encodeURIComponent(SCRIPT)}&lq=${encodeURIComponent(SCRIPT)}`,
      `/articles/${aid}`,
      md.headers.get("location")!,
      job,
      `${cpath}/share`,
      `/login?next=${encodeURIComponent("javascript:alert(1)")}`,
      `/methods?x=${encodeURIComponent(SCRIPT)}`,
    ];
    for (const p of pages) {
      const body = await expectClean(await get(p), [200]);
      expect(body, p).not.toMatch(/<script>alert|<b onmouseover|<img src=x/);
      expect(body, p).not.toMatch(/href="javascript:/);
    }
    const shown = await (await get(`/articles/${aid}`)).text();
    expect(shown).toContain("&lt;script&gt;alert");
    expect(shown).toContain("Edited outlet ");
    const comparison = await (await get(cpath)).text();
    expect(comparison).toContain("Comparison &lt;script&gt;alert");
    expect(comparison).toContain("Description &lt;script&gt;alert");
    // Exports carry the text as data, never as markup in an HTML page.
    const exp = await get(`${cpath}/export/bundle.json`);
    expect(exp.status).toBe(200);
    expect(exp.headers.get("content-type")).toMatch(/json/);
    expect(exp.headers.get("content-disposition")).toMatch(/attachment/);
  }, 60_000);

  test("very long single lines import or are refused cleanly within the time limit", async () => {
    const words = [
      "the",
      "fictional",
      "ferry",
      "from",
      "Quillmouth",
      "said",
      "officials",
      "on",
      "Monday",
      "harbour",
      "council",
      "reported",
    ];
    let line = "";
    for (let i = 0; line.length < 1024 * 1024; i++)
      line += words[(i * 7 + (i >> 3)) % words.length] + (i % 17 === 16 ? ". " : " ");
    const t0 = Date.now();
    const res = await postMultipart("/articles/new", [
      { name: "text", value: line },
      { name: "title", value: "One very long line" },
    ]);
    await expectClean(res, [200, 302, 303, 400, 413]);
    expect(Date.now() - t0).toBeLessThan(30_000);
    // One 1 MB "word" without a space.
    const t1 = Date.now();
    const res2 = await postMultipart("/articles/new", [{ name: "text", value: "x".repeat(1024 * 1024) }]);
    await expectClean(res2, [200, 302, 303, 400, 413]);
    expect(Date.now() - t1).toBeLessThan(30_000);
    // The server still answers afterwards.
    await expectClean(await get("/library"), [200]);
  }, 90_000);

  test("query strings with junk still give the page, never a 500", async () => {
    await changesNothing(async () => {
      const junk = [
        "?cols=abc",
        "?cols=1,1,1,1,1,99999,-3",
        "?cols=" + ",".repeat(500),
        "?focus=garbage",
        "?focus=p:x:y",
        "?focus=claim:1:g99999:x",
        "?focus=" + "z".repeat(10_000),
        "?blind=maybe",
        "?blind=1&blind=0",
        "?large=%00&print=yes",
        "?layer=evil&layers=1",
        "?cg=g99999",
        "?cg=<script>",
        "?by=weight&claims=most&claimsAll=x",
        "?lq=%25%27%22%5C",
        "?notice=<script>",
      ];
      // Junk is dropped: the page itself, or one redirect to its normalised address, which then gives the page.
      for (const q of junk) {
        const first = await get(`/comparisons/1${q}`);
        if (first.status === 302) {
          const to = first.headers.get("location") ?? "";
          expect(to).toMatch(/^\/comparisons\/1(\?|$)/);
          await expectClean(await get(to), [200]);
        } else await expectClean(first, [200]);
      }
      for (const q of [
        "?page=-5",
        "?page=abc",
        "?page=1e309",
        "?page=99999999999",
        "?page=0",
        "?q=%25",
        "?q=%27%22%3B--",
        "?q=" + "q".repeat(10_000),
        "?q=a&q=b&page=2&page=3",
      ]) {
        await expectClean(await get(`/library${q}`), [200]);
      }
      for (const q of ["?q=%25%5F", "?q=" + "q".repeat(10_000)]) await expectClean(await get(`/${q}`), [200]);
      for (const q of [
        `?comparison=abc&url=javascript:alert(1)&title=${encodeURIComponent(SCRIPT)}`,
        "?comparison=-1",
        "?comparison=99999999999999999999",
      ]) {
        const body = await expectClean(await get(`/articles/new${q}`), [200]);
        expect(body).not.toMatch(/<script>alert|<b onmouseover/);
      }
      for (const q of ["?comparison=abc", "?comparison=-1"]) await expectClean(await get(`/import${q}`), [200]);
      await expectClean(await get("/comparisons/1/export/bundle.json?blind=maybe"), [200]);
      await expectClean(await get("/login?next=//evil.test"), [200]);
      await expectClean(await get("/articles/1?notice=<script>"), [200]);
    });
  }, 60_000);
});
