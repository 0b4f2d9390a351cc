import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBulkText } from "#app/ingest/bulk.server";
import { contentHash } from "#app/ingest/content-hash.server";
import { fetchArticle } from "#app/ingest/fetch-article.server";
import { clusterNearDuplicates, fingerprint } from "#app/ingest/near-duplicate";
import { normalizeUrl } from "#app/ingest/normalize-url";
import { startFictionalSite, type FictionalSite } from "#tests/fixtures/ingest/fictional-site";
import { allow } from "./local-server";

let site: FictionalSite;
let restore: () => void = () => {};
beforeAll(async () => {
  site = await startFictionalSite(200);
  restore = allow(`127.0.0.1:${site.port}`);
});
afterAll(async () => {
  restore();
  await site.close();
});

// No clock here: on a shared machine 200 fetches take what they take (speed belongs in bench/). What is
// asserted is what cannot vary: every page asked for exactly once, at most eight at a time, all correct.
describe("a coverage list of 200 local pages, end to end through the ingestion library", () => {
  it(
    "parses the list, fetches every page once, eight at most at a time, and yields 200 distinct, correct articles",
    { timeout: 120_000 },
    async () => {
      const list = parseBulkText("coverage.tsv", site.tsv);
      expect(list.errors).toEqual([]);
      const records = list.items.flatMap((i) => (i.ok ? [i.record] : []));
      expect(records).toHaveLength(200);

      const results = [];
      let inFlight = 0;
      let most = 0;
      const fetchCounted = async (url: string) => {
        most = Math.max(most, ++inFlight);
        try {
          return await fetchArticle(url);
        } finally {
          inFlight--;
        }
      };
      const hitsBefore = site.hits.length;
      // Eight at a time, as a job runner would.
      for (let i = 0; i < records.length; i += 8) {
        results.push(...(await Promise.all(records.slice(i, i + 8).map((r) => fetchCounted(r.url!)))));
      }
      expect(most).toBe(8);
      expect([...site.hits.slice(hitsBefore)].sort()).toEqual(site.articles.map((a) => a.path).sort());
      const articles = results.map((r, i) => {
        if (!r.ok) throw new Error(`${records[i]!.url}: ${r.reason}`);
        return r.article;
      });
      articles.forEach((a, i) => {
        const src = site.articles[i]!;
        expect(a).toMatchObject({
          title: src.title,
          outlet: src.outlet,
          author: src.author,
          published: src.published,
          language: "en",
        });
        expect(a.text).toBe(src.paragraphs.join("\n\n"));
        expect(a.url).toBe(normalizeUrl(site.urls[i]!));
      });
      expect(new Set(articles.map((a) => a.url)).size).toBe(200);
      expect(new Set(articles.map((a) => contentHash(a.text))).size).toBe(200);
      // The generated pages are distinct stories: none may be flagged as a copy of another.
      expect(clusterNearDuplicates(articles.map((a) => ({ id: a.url, fingerprint: fingerprint(a.text) })))).toEqual([]);
    },
  );
});
