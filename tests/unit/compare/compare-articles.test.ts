// The comparison of the three fictional tutorial articles (app/demo/tutorial, gold in tests/fixtures).
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import { MAY_CARRY, MAY_COVER } from "#app/compare/claims-align";
import { compareArticles, type CompareInput, type Figure, type Trace } from "#app/compare/compare";
import { CARRY_FLOOR } from "#app/compare/omissions";

interface GoldClaim {
  textStart: string;
  group: string;
}
const gold = JSON.parse(readFileSync("tests/fixtures/tutorial.gold.json", "utf8")) as {
  articles: { article: string; title: string; outlet: string; claims: GoldClaim[] }[];
};
const texts = new Map<number, string>();
const titles = new Map<number, string>();
const inputs: CompareInput[] = gold.articles.map((g, i) => {
  const text = readFileSync(`app/demo/tutorial/${g.article}`, "utf8");
  texts.set(i + 1, text);
  titles.set(i + 1, g.title);
  return {
    id: i + 1,
    title: g.title,
    outlet: g.outlet,
    url: null,
    published: null,
    analysis: analyse(text, { title: g.title }),
    text,
  };
});

function allFigures(x: unknown, out: Figure[] = []): Figure[] {
  if (x && typeof x === "object") {
    if ("value" in x && "trace" in x && Array.isArray((x as Figure).trace)) out.push(x as Figure);
    for (const v of Object.values(x)) allFigures(v, out);
  }
  return out;
}

function validTrace(t: Trace) {
  const src = t.field === "title" ? titles.get(t.articleId)! : texts.get(t.articleId)!;
  return t.span.start >= 0 && t.span.end <= src.length && t.span.start < t.span.end;
}

describe("compareArticles", () => {
  const cmp = compareArticles(inputs, { focalId: 2 });

  it("puts the focal article first and is JSON-serialisable and deterministic", () => {
    expect(cmp.articles.map((a) => [a.id, a.focal])).toEqual([
      [2, true],
      [1, false],
      [3, false],
    ]);
    const json = JSON.stringify(cmp);
    expect(JSON.stringify(compareArticles([...inputs].reverse(), { focalId: 2 }))).toBe(json);
  });

  it("traces every figure to spans inside the right article", () => {
    const figs = allFigures(cmp);
    expect(figs.length).toBeGreaterThan(200);
    let traced = 0;
    for (const f of figs) {
      for (const t of f.trace) expect(validTrace(t), JSON.stringify(t)).toBe(true);
      if (f.value > 0) traced += f.trace.length > 0 ? 1 : 0;
    }
    // Every non-zero count has its spans (densities and shares carry the spans they were computed from).
    expect(traced).toBe(figs.filter((f) => f.value > 0).length);
    for (const g of cmp.claimGroups) for (const c of g.cells) for (const t of c.trace) expect(validTrace(t)).toBe(true);
  });

  it("computes per-article figures: counts by source kind, densities and a summary line", () => {
    for (const f of cmp.figures) {
      const a = inputs.find((x) => x.id === f.articleId)!.analysis;
      expect(f.attributions.value).toBe(a.attributions.length);
      const kinds = Object.values(f.bySourceKind).reduce((n, k) => n + k.count.value, 0);
      expect(kinds).toBe(a.attributions.length);
      // Densities are the writer's voice: writer-voice markers per 1,000 writer-voice words; quoted speech apart.
      expect(f.markerCounts.hedge.value).toBe(
        a.markers.filter((m) => m.type === "hedge" && m.voice === "writer").length,
      );
      expect(f.quotedMarkerCounts.hedge.value).toBe(
        a.markers.filter((m) => m.type === "hedge" && m.voice === "quoted").length,
      );
      expect(f.densities.hedge.value).toBeCloseTo((f.markerCounts.hedge.value * 1000) / a.voiceWords.writer, 1);
      expect(f.summary).toMatch(/^\d+ attributions? from \d+ sources?: \d+ named, \d+ unnamed/);
    }
    // Article C (id 3) leans on unnamed sources: the tutorial was written that way.
    const c = cmp.figures.find((f) => f.articleId === 3)!;
    const a = cmp.figures.find((f) => f.articleId === 1)!;
    expect(c.unnamedAttributions.value).toBeGreaterThan(a.unnamedAttributions.value);
    expect(c.densities.hedge.value).toBeGreaterThan(a.densities.hedge.value);
  });

  it("builds a naming matrix of actors that matter, with descriptors and label classes", () => {
    expect(cmp.naming.articles).toEqual([2, 1, 3]);
    for (const key of cmp.naming.actors) {
      const actor = cmp.actors.find((x) => x.key === key)!;
      const perArticle = cmp.naming.cells.filter((c) => c.actorKey === key);
      expect(
        actor.articles.length >= 2 || perArticle.some((c) => c.mentions.value >= 2 || c.descriptors.length > 0),
      ).toBe(true);
    }
    const halberd = cmp.actors.find((a) => /halberd/.test(a.key));
    expect(halberd?.articles).toEqual([1, 2, 3]);
    const withDescriptors = cmp.naming.cells.filter((c) => c.descriptors.length);
    expect(withDescriptors.length).toBeGreaterThan(0);
    for (const c of withDescriptors) for (const d of c.descriptors) expect(d.count).toBe(d.trace.length);
  });

  it("groups the same claim across articles and flags claims only one article carries", () => {
    const shared = cmp.claimGroups.filter((g) => g.articles.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const g of cmp.claimGroups) {
      expect(g.label.length).toBeGreaterThan(0);
      expect(g.label.split(" ").length).toBeLessThanOrEqual(15);
      expect(g.onlyIn === null).toBe(g.articles.length > 1);
      // Lacking means: not in the group, carried by both other articles, no focal claim close enough to carry it in
      // other words, and no focal sentence holding most of a member clause's words; otherwise it is unclear.
      if (g.articles.includes(2)) expect(g.focalLacks).toBe(false);
      else
        expect(g.focalLacks).toBe(
          g.articles.length >= 2 &&
            !(
              g.focalClosest &&
              (g.focalClosest.similarity >= MAY_CARRY || (g.focalClosest.coverage ?? 0) >= MAY_COVER)
            ) &&
            !(g.focalSentence && g.focalSentence.similarity >= CARRY_FLOOR),
        );
      expect(g.focalUnclear).toBe(!g.articles.includes(2) && !g.focalLacks);
      if (g.focalClosest) expect(g.articles.includes(2)).toBe(false);
      if (g.focalSentence) {
        expect(g.articles.includes(2)).toBe(false);
        for (const t of g.focalSentence.trace) {
          expect(validTrace(t)).toBe(true);
          expect(texts.get(2)!.slice(t.span.start, t.span.end)).toBe(g.focalSentence.text);
        }
      }
    }
    expect(cmp.claimGroups.some((g) => g.focalLacks && g.articles.length >= 2)).toBe(true);
  });

  it("aligns claims like the hand annotation (pairwise precision and recall; measured 0.86 / 0.67)", () => {
    const groupOf = new Map<string, string>();
    for (const g of cmp.claimGroups) for (const c of g.cells) groupOf.set(`${c.articleId}|${c.claimId}`, g.id);
    const mapped: { art: number; gold: string; mine: string | undefined }[] = [];
    gold.articles.forEach((g, i) => {
      const text = texts.get(i + 1)!;
      for (const c of g.claims) {
        const pos = text.indexOf(c.textStart);
        const end = pos + c.textStart.length;
        const mine = inputs[i]!.analysis.claims.find((k) => k.spans.some((s) => s.start < end && pos < s.end));
        mapped.push({ art: i + 1, gold: c.group, mine: mine && groupOf.get(`${i + 1}|${mine.id}`) });
      }
    });
    let tp = 0,
      fp = 0,
      fn = 0;
    for (let i = 0; i < mapped.length; i++)
      for (let j = i + 1; j < mapped.length; j++) {
        const a = mapped[i]!,
          b = mapped[j]!;
        if (a.art === b.art) continue;
        const same = a.gold === b.gold;
        const mine = !!a.mine && a.mine === b.mine;
        if (same && mine) tp++;
        else if (mine) fp++;
        else if (same) fn++;
      }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    console.log(
      `tutorial claim alignment: pairwise precision ${p.toFixed(2)}, recall ${r.toFixed(2)} (${tp} tp, ${fp} fp, ${fn} fn)`,
    );
    expect(p).toBeGreaterThanOrEqual(0.75);
    expect(r).toBeGreaterThanOrEqual(0.55);
  });

  it("aligns claims across 10 articles: every claim in one group, the same result every run (time: npm run bench)", () => {
    const files = readdirSync("tests/fixtures/articles")
      .filter((f) => f.endsWith(".txt"))
      .sort();
    const more: CompareInput[] = files.map((f, i) => ({
      id: 10 + i,
      title: f,
      outlet: null,
      url: null,
      published: null,
      analysis: analyse(readFileSync(`tests/fixtures/articles/${f}`, "utf8")),
    }));
    const ten = [...inputs, ...more, ...inputs.map((x) => ({ ...x, id: x.id + 100 }))].slice(0, 10);
    expect(ten.length).toBe(10);
    const t0 = performance.now();
    const r = compareArticles(ten, { focalId: 1 });
    const ms = performance.now() - t0;
    const cells = r.claimGroups.flatMap((g) => g.cells.map((c) => `${c.articleId}:${c.claimId}`));
    console.log(
      `comparison of 10 articles (${cells.length} claims): ${ms.toFixed(1)} ms (the 50 ms target is checked by npm run bench, not here)`,
    );
    expect(cells.length).toBe(ten.reduce((n, x) => n + x.analysis.claims.length, 0));
    expect(new Set(cells).size).toBe(cells.length);
    expect(compareArticles(ten, { focalId: 1 }).claimGroups.map((g) => g.label)).toEqual(
      r.claimGroups.map((g) => g.label),
    );
  }, 60_000);
});
