import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import { compareArticles, type Comparison, type CompareInput } from "#app/compare/compare";
import { discussionPrompts, MAX_PROMPTS, MIN_PROMPTS } from "#app/compare/prompts";
import templates from "#app/compare/prompt-templates.json";

// The three fictional tutorial reports (app/demo/tutorial), analysed and compared as the app does.
const dir = path.resolve(import.meta.dirname, "../../../app/demo/tutorial");
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "articles.json"), "utf8")) as { articles: { file: string; title: string; outlet: string; url: string; published: string }[] };
let inputs: CompareInput[];
let comparison: Comparison;
const blind = new Map([
  [1, "Article A"],
  [2, "Article B"],
  [3, "Article C"],
]);

beforeAll(() => {
  inputs = manifest.articles.map((a, i) => ({ id: i + 1, title: a.title, outlet: a.outlet, url: a.url, published: a.published, analysis: analyse(fs.readFileSync(path.join(dir, a.file), "utf8"), { title: a.title }) }));
  comparison = compareArticles(inputs, { focalId: 1 });
});

describe("discussion prompts", () => {
  it("asks three to six questions, each citing spans of the compared articles", () => {
    const prompts = discussionPrompts(comparison, blind);
    expect(prompts.length).toBeGreaterThanOrEqual(MIN_PROMPTS);
    expect(prompts.length).toBeLessThanOrEqual(MAX_PROMPTS);
    for (const p of prompts) {
      expect(p.text).toMatch(/\?$/);
      expect(p.evidence.length).toBeGreaterThan(0);
      for (const t of p.evidence) {
        expect([1, 2, 3]).toContain(t.articleId);
        expect(t.span.end).toBeGreaterThan(t.span.start);
      }
      // The article named first has the spans behind its number (the other may have none: 0 hedges).
      expect(p.evidence.some((t) => t.articleId === p.articles[0])).toBe(true);
    }
    expect(new Set(prompts.map((p) => p.id)).size).toBe(prompts.length);
  });

  it("names articles only by the labels given: no outlet name in blind mode", () => {
    const prompts = discussionPrompts(comparison, blind);
    const text = prompts.map((p) => p.text).join("\n");
    expect(text).toMatch(/Article [ABC]/);
    for (const a of manifest.articles) {
      expect(text).not.toContain(a.outlet);
      expect(text).not.toContain(a.url);
    }
    const named = discussionPrompts(comparison, new Map(inputs.map((a) => [a.id, a.outlet!])));
    expect(named.map((p) => p.template)).toEqual(prompts.map((p) => p.template));
    expect(named.map((p) => p.text).join("\n")).toContain(manifest.articles[0]!.outlet);
  });

  it("is built from the largest differences, and includes the claim matrix when an article asserts what another attributes", () => {
    const prompts = discussionPrompts(comparison, blind);
    expect(prompts.some((p) => p.template.startsWith("claim-"))).toBe(true);
    expect(prompts.some((p) => p.template === "unnamed-share" || p.template === "hedge-density")).toBe(true);
  });

  it("keeps every template a neutral question without verdict words", () => {
    for (const [id, t] of Object.entries(templates.templates)) {
      expect(t, id).toMatch(/\?$/);
      expect(t, id).not.toMatch(/\b(biased?|propaganda|misleading|honest|dishonest|better|worse|fake|truthful|wrong)\b/i);
    }
  });

  it("returns nothing to compare for a single article", () => {
    const one = compareArticles([inputs[0]!], { focalId: 1 });
    expect(discussionPrompts(one, blind)).toEqual([]);
  });
});
