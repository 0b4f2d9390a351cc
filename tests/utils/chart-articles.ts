// Fictional articles as the dashboard's charts receive them (ChartArticle), for the component tests: one builder
// instead of one per test file. Article 1 is focal unless told otherwise.
import type { ChartArticle } from "#app/components/charts/types";

export function chartArticle(id: number, short: string, overrides: Partial<ChartArticle> = {}): ChartArticle {
  return {
    id,
    short,
    title: `Report ${id}`,
    outlet: short,
    author: null,
    url: null,
    published: null,
    country: null,
    kind: null,
    focal: id === 1,
    summary: "",
    wordCount: 300,
    fictional: true,
    ...overrides,
  };
}
