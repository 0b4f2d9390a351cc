import { describe, expect, it } from "vitest";
import { isHttpUrl, normalizeUrl } from "#app/ingest/normalize-url";

describe("normalizeUrl", () => {
  it.each([
    [
      "HTTPS://News.Example.COM:443/World/Story/?utm_source=x&utm_medium=y#comments",
      "https://news.example.com/World/Story",
    ],
    ["http://news.example.com:80/a/", "http://news.example.com/a"],
    ["https://news.example.com:8443/a", "https://news.example.com:8443/a"],
    [
      "https://news.example.com/a?b=2&a=1&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&ref=tw",
      "https://news.example.com/a?a=1&b=2",
    ],
    ["https://news.example.com/", "https://news.example.com/"],
    ["https://news.example.com", "https://news.example.com/"],
    ["https://user:pw@news.example.com//a//b///", "https://news.example.com/a/b"],
    ["https://news.example.com./a?id=7", "https://news.example.com/a?id=7"],
    ["  https://news.example.com/a?UTM_Campaign=z  ", "https://news.example.com/a"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it("gives the same key for the same article however it was shared", () => {
    const a = normalizeUrl("https://Courier.example/news/ferry-link/?utm_source=rss&page=2");
    const b = normalizeUrl("https://courier.example/news/ferry-link?page=2&fbclid=XYZ#top");
    expect(a).toBe(b);
  });

  it("keeps article-selecting parameters and is idempotent", () => {
    const once = normalizeUrl("https://paper.example/story.php?id=42&section=world");
    expect(once).toBe("https://paper.example/story.php?id=42&section=world");
    expect(normalizeUrl(once!)).toBe(once);
  });

  it("rejects non-http schemes and junk", () => {
    for (const bad of [
      "ftp://x.example/a",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "not a url",
      "",
      "mailto:a@b.c",
    ]) {
      expect(normalizeUrl(bad)).toBeNull();
      expect(isHttpUrl(bad)).toBe(false);
    }
    expect(isHttpUrl("https://x.example/a")).toBe(true);
  });
});
