import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NO_ARTICLE_MESSAGE, extractArticleFromHtml } from "#app/ingest/extract.server";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url), "utf8");

describe("extractArticleFromHtml", () => {
  it("extracts title, byline, site, date, canonical URL and clean paragraphs", () => {
    const r = extractArticleFromHtml(fixture("article-basic.html"), { url: "https://courier.example/news/x" });
    if (!r.ok) throw new Error(r.reason);
    expect(r.title).toBe("Harbour council approves new ferry link");
    expect(r.byline).toBe("Mira Okonkwo-Hale");
    expect(r.siteName).toBe("The Fernvale Courier");
    expect(r.published).toBe("2025-04-14T09:30:00.000Z");
    expect(r.language).toBe("en");
    expect(r.canonicalUrl).toBe("https://courier.example/news/2025/04/harbour-ferry-link?utm_source=rss");
    const paras = r.text.split("\n\n");
    expect(paras[0]).toBe(
      "The Fernvale harbour council voted on Monday to approve a new ferry link between the old quay and the island of Tessaly, ending a dispute that has divided the town for nearly a decade.",
    );
    // Blocks stay separate: heading, quote and list items each become a paragraph.
    expect(paras).toContain("Costs questioned");
    expect(paras).toContain(
      "We have waited long enough for this, and the island families deserve a reliable crossing.",
    );
    expect(paras).toContain("Two boats will run every forty minutes.");
    expect(paras).toContain("Tickets will be free for schoolchildren.");
    // Navigation, footer, byline line, dateline and captions are not body text; no HTML leaks.
    expect(r.text).not.toMatch(/Home|Subscribe|All rights|By Mira|14 April 2025|Photo: Courier|<|>/);
    expect(r.text).not.toMatch(/ {2}|\n{3}|\t/);
  });

  it("reads the date from JSON-LD or <time> when there is no meta tag", () => {
    const body =
      "<p>" + "The river authority said the new lock would open next spring after repairs. ".repeat(5) + "</p>";
    const ld = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-11-03T08:00:00+01:00","author":[{"name":"Pia Lund"}]}]}</script></head><body><article>${body}</article></body></html>`;
    const a = extractArticleFromHtml(ld);
    expect(a.ok && a.published).toBe("2024-11-03T07:00:00.000Z");
    expect(a.ok && a.byline).toBe("Pia Lund");
    const time = `<html><body><article><time datetime="2023-06-30">30 June</time>${body}</article></body></html>`;
    const b = extractArticleFromHtml(time);
    expect(b.ok && b.published).toBe("2023-06-30");
  });

  it("detects a non-English body", () => {
    const r = extractArticleFromHtml(fixture("article-arabic.html"));
    expect(r.ok && r.language).toBe("ar");
    expect(r.ok && r.published).toBe("2025-05-02");
  });

  it("refuses empty, script-only and paywalled pages with the paste-instead message", () => {
    for (const f of ["empty.html", "script-only.html", "paywall.html"]) {
      const r = extractArticleFromHtml(fixture(f));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toBe(NO_ARTICLE_MESSAGE);
    }
    const pw = extractArticleFromHtml(fixture("paywall.html"));
    expect(!pw.ok && pw.title).toBe("Budget row deepens");
    expect(extractArticleFromHtml("").ok).toBe(false);
    expect(extractArticleFromHtml("\u0000\u0001 not <<< html").ok).toBe(false);
  });

  it("accepts an HTML fragment and stays fast on pathological nesting", () => {
    const p =
      "<p>The committee of the Ostrava Valley water board said on Friday that reservoir levels had fallen for the third month running.</p>";
    const frag = extractArticleFromHtml(p + p.replace("third", "fourth"));
    expect(frag.ok && frag.text.split("\n\n").length).toBe(2);
    const deep =
      "<html><body><article>" +
      "<div>".repeat(3000) +
      "<p>" +
      "word ".repeat(100) +
      "</p>" +
      "</div>".repeat(3000) +
      "</article></body></html>";
    const t = performance.now();
    const r = extractArticleFromHtml(deep);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.ok && r.text.length).toBe("word ".repeat(100).trim().length);
  });
});
