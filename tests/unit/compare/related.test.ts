import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRelatedIndex, type RelatedDoc } from "#app/compare/related";

const fixture = (f: string) => readFileSync(f, "utf8");
const tutorial = JSON.parse(fixture("app/demo/tutorial/articles.json")) as {
  articles: { file: string; title: string; url: string; published: string }[];
};

function library(): RelatedDoc[] {
  const docs: RelatedDoc[] = tutorial.articles.map((a, i) => ({
    id: i + 1,
    url: a.url,
    title: a.title,
    text: fixture(`app/demo/tutorial/${a.file}`),
    published: a.published,
  }));
  const files = readdirSync("tests/fixtures/articles")
    .filter((f) => f.endsWith(".txt"))
    .sort();
  files.forEach((f, i) =>
    docs.push({
      id: 10 + i,
      url: `https://example.org/${f}`,
      title: f.replace(".txt", "").replace(/-/g, " "),
      text: fixture(`tests/fixtures/articles/${f}`),
      published: "2026-02-01",
    }),
  );
  return docs;
}

describe("related coverage", () => {
  const docs = library();
  const index = buildRelatedIndex(docs);

  it("ranks the other reports of the same event first, with reasons", () => {
    for (const id of [1, 2, 3]) {
      const hits = index.query(id, 3);
      expect(
        hits
          .slice(0, 2)
          .map((h) => h.id)
          .sort(),
      ).toEqual([1, 2, 3].filter((x) => x !== id));
      expect(hits[0]!.score).toBeGreaterThan(hits[2]!.score);
      expect(hits[0]!.reasons.some((r) => r.startsWith("shared names:"))).toBe(true);
      expect(hits[0]!.reasons.some((r) => /published (the same day|\d+ days? apart)/.test(r))).toBe(true);
    }
    const wire = docs.find((d) => d.url!.endsWith("wire-original.txt"))!;
    const edited = docs.find((d) => d.url!.endsWith("wire-edited.txt"))!;
    const top = index.query(wire.id, 1)[0]!;
    expect(top.id).toBe(edited.id);
    expect(top.reasons.some((r) => /shared quoted passage/.test(r))).toBe(true);
  });

  it("never returns the article itself, returns k hits and nothing for an unknown id", () => {
    const hits = index.query(1, 5);
    expect(hits).toHaveLength(5);
    expect(hits.some((h) => h.id === 1)).toBe(false);
    expect(index.query(999_999, 5)).toEqual([]);
  });

  it("uses closeness in date: the same text far apart in time ranks below a close one", () => {
    const base = docs.filter((d) => d.id >= 10);
    const a = base[0]!;
    const lib = [...base, { ...a, id: 500, published: "2026-02-02" }, { ...a, id: 501, published: "2019-02-02" }];
    const hits = buildRelatedIndex(lib).query(a.id, 2);
    expect(hits.map((h) => h.id)).toEqual([500, 501]);
    expect(hits[0]!.parts.date).toBeGreaterThan(hits[1]!.parts.date);
  });

  it("still ranks the sister reports first among 2,000 synthetic articles (lookup time: npm run bench)", () => {
    // Synthetic articles: Zipf-distributed pseudo-words with a tenth of the fixtures' words mixed in (deterministic).
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const syll = [
      "ka",
      "lo",
      "mer",
      "tin",
      "sa",
      "vo",
      "ren",
      "dul",
      "pa",
      "shi",
      "gor",
      "el",
      "an",
      "ti",
      "bra",
      "mon",
    ];
    const vocab = Array.from(
      { length: 30_000 },
      (_, i) => syll[i % 16]! + syll[(i >> 4) % 16]! + syll[(i >> 8) % 16]! + (i >> 12 ? syll[(i >> 12) % 16]! : ""),
    );
    const pool = docs
      .map((d) => d.text)
      .join(" ")
      .split(/\s+/);
    const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length))) - 1)]!;
    const big: RelatedDoc[] = [...docs];
    for (let i = 0; i < 2_000; i++) {
      const n = 150 + Math.floor(rand() * 150);
      const ws: string[] = [];
      for (let k = 0; k < n; k++)
        ws.push(
          rand() < 0.1
            ? pool[Math.floor(rand() * pool.length)]!
            : k % 9 === 0
              ? zipf().replace(/^./, (c) => c.toUpperCase())
              : zipf(),
        );
      big.push({
        id: 100_000 + i,
        url: null,
        title: ws.slice(0, 8).join(" "),
        text: ws.join(" "),
        published: `2025-${String(1 + (i % 12)).padStart(2, "0")}-10`,
      });
    }
    const idx = buildRelatedIndex(big);
    expect(
      idx
        .query(1, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual([2, 3]);
  }, 60_000);
});
