import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NO_ARTICLE_MESSAGE } from "#app/ingest/extract.server";
import { fetchArticle } from "#app/ingest/fetch-article.server";
import { allow, html, redirect, startRecorder, startServer, type LocalServer } from "./local-server";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url), "utf8");
const plain =
  "Island ferry vote delayed\n\nThe Tessaly island council postponed its vote on the ferry timetable until next month,\nsaying it needed more time to consult fishing families.\n\nCouncillor Oren Pask said the delay was regrettable but necessary, and that the old timetable would stay in place for now.";

let site: LocalServer;
let recorder: Awaited<ReturnType<typeof startRecorder>>;
let restore: () => void = () => {};

beforeAll(async () => {
  recorder = await startRecorder();
  site = await startServer({
    "/news/ferry": html(fixture("article-basic.html")),
    "/short/ferry": redirect("/news/ferry?utm_source=newsletter"),
    "/ar/bridge": html(fixture("article-arabic.html")),
    "/empty": html(fixture("empty.html")),
    "/app": html(fixture("script-only.html")),
    "/paywall": html(fixture("paywall.html")),
    "/plain": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(plain),
    "/report.pdf": (_req, res) => res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.7"),
    "/slow": () => {},
    "/escape": (_req, res) => res.writeHead(302, { Location: `http://127.0.0.1:${recorder.port}/` }).end(),
  });
});
afterAll(async () => {
  await site.close();
  await recorder.close();
});
afterEach(() => restore());

describe("fetchArticle", () => {
  it("imports a normal article page with title, byline, date, outlet and clean paragraphs", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const r = await fetchArticle(`${site.origin}/short/ferry?fbclid=abc`);
    if (!r.ok) throw new Error(r.reason);
    const a = r.article;
    expect(a.url).toBe(`${site.origin}/news/ferry`);
    expect(a.requestedUrl).toBe(`${site.origin}/short/ferry`);
    expect(r.redirects).toEqual([`${site.origin}/news/ferry?utm_source=newsletter`]);
    expect(a.title).toBe("Harbour council approves new ferry link");
    expect(a.author).toBe("Mira Okonkwo-Hale");
    expect(a.outlet).toBe("The Fernvale Courier");
    expect(a.published).toBe("2025-04-14T09:30:00.000Z");
    expect(a.canonicalUrl).toBe(`${site.origin}/news/2025/04/harbour-ferry-link?utm_source=rss`);
    expect(a.language).toBe("en");
    expect(a.languageNote).toBeNull();
    expect(a.text.startsWith("The Fernvale harbour council voted on Monday")).toBe(true);
    expect(a.text.split("\n\n")).toHaveLength(8);
    expect(a.words).toBeGreaterThan(100);
  });

  it("stores a non-English page with a visible language note", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const r = await fetchArticle(`${site.origin}/ar/bridge`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.language).toBe("ar");
    expect(r.article.outlet).toBe("صحيفة الواحة");
    expect(r.article.languageNote).toBe(
      "Detected language: Arabic. The analysis is English-only for now; the text is stored and shown.",
    );
  });

  it("turns a plain-text response into paragraphs with its headline as title", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const r = await fetchArticle(`${site.origin}/plain`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.article.title).toBe("Island ferry vote delayed");
    expect(r.article.outlet).toBe("127.0.0.1");
    expect(r.article.text.split("\n\n")).toEqual([
      "The Tessaly island council postponed its vote on the ferry timetable until next month, saying it needed more time to consult fishing families.",
      "Councillor Oren Pask said the delay was regrettable but necessary, and that the old timetable would stay in place for now.",
    ]);
  });

  it("offers paste-instead for empty, script-only and paywalled pages", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    for (const path of ["/empty", "/app", "/paywall"]) {
      const r = await fetchArticle(`${site.origin}${path}?utm_medium=email`);
      expect(r).toMatchObject({
        ok: false,
        code: "no_article",
        reason: NO_ARTICLE_MESSAGE,
        pasteInstead: { url: `${site.origin}${path}` },
      });
    }
    const pw = await fetchArticle(`${site.origin}/paywall`);
    expect(!pw.ok && pw.pasteInstead.title).toBe("Budget row deepens");
  });

  it("passes on fetch refusals with their reason and a paste-instead prefill", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    expect(await fetchArticle(`${site.origin}/report.pdf`)).toMatchObject({
      ok: false,
      code: "bad_content_type",
      pasteInstead: { url: `${site.origin}/report.pdf`, title: null },
    });
    expect(await fetchArticle(`${site.origin}/slow`, { timeoutMs: 200 })).toMatchObject({ ok: false, code: "timeout" });
    expect(await fetchArticle(`${site.origin}/escape`)).toMatchObject({ ok: false, code: "blocked_address" });
    expect(await fetchArticle("http://169.254.169.254/latest/meta-data/")).toMatchObject({
      ok: false,
      code: "blocked_address",
    });
    expect(recorder.connections()).toBe(0);
  });
});
