import { createElement } from "react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { GroupedBars, SourcingChart } from "#app/components/charts/bar-charts";
import { niceTicks } from "#app/components/charts/bar-link";
import { TimelineChart } from "#app/components/charts/timeline-chart";
import { chartCacheStats, clearChartCache, compactMarkup, serverCharts } from "#app/components/charts/render.server";
import type { CategoryRow, DashboardData, SourcingRow } from "#app/components/charts/types";
import { chartArticle } from "#tests/utils/chart-articles";
import { Island, serverOnly, withServerOnly } from "#app/components/island";
import { readerInPage } from "#app/routes/comparisons.$id/comparison.server";
import { normalisedQuery } from "#app/utils/response-cache.server";

// Fictional outlets; the figures are written by hand, not computed by the code under test.
const article = (id: number, short: string) => chartArticle(id, short, { published: "2031-05-0" + id });
const ARTICLES = [article(1, "Harbour Ledger"), article(2, "Vell Evening Post")];
const href = (t: string) => `?focus=${encodeURIComponent(t)}`;

describe("the dashboard's charts (recharts, rendered on the server)", () => {
  test("stacked sourcing bars: one linked segment per counted kind, values inside wide segments, ticks cover the largest row", () => {
    const rows: SourcingRow[] = [
      {
        articleId: 1,
        count: { official: { v: 12, f: "k:1:official:c" }, unnamed: { v: 1, f: "k:1:unnamed:c" } },
        words: {},
      },
      { articleId: 2, count: { official: { v: 7, f: "k:2:official:c" } }, words: {} },
    ];
    const svg = renderToStaticMarkup(
      createElement(SourcingChart, { rows, articles: ARTICLES, by: "count", href, kinds: ["official", "unnamed"] }),
    );
    expect(svg).toMatch(/^<div class="recharts-wrapper"/);
    expect(svg).toMatch(/<svg id="chart-sourcing-mix-svg" class="recharts-surface" width="640"/);
    // Three segments with a value, three links, each named by its <title>.
    expect(svg.match(/<a href=/g)?.length).toBe(3);
    expect(svg).toContain("<title>Harbour Ledger: Official, 12 attributions</title>");
    expect(svg).toContain("<title>Harbour Ledger: Unnamed, 1 attribution</title>");
    expect(svg).toContain(`href="?focus=k%3A2%3Aofficial%3Ac"`);
    // 12 fits inside its segment; the 1-wide unnamed segment is too narrow for a label.
    expect(svg).toMatch(/>12<\/text>/);
    expect(svg).toMatch(/>7<\/text>/);
    // The largest row is 13: the axis runs to 15 in steps of 5.
    for (const t of ["0", "5", "10", "15"]) expect(svg).toContain(`>${t}</text>`);
    expect(svg).not.toContain(">20</text>");
  });

  test("grouped bars: a bar per article, a zero shown as 0 with no bar, decimals kept", () => {
    const rows: CategoryRow[] = [
      { id: "hedge", label: "Hedge", cells: { 1: { v: 25.6, f: "m:1:hedge" }, 2: { v: 0, f: null } } },
      { id: "booster", label: "Booster", cells: { 1: { v: 2.8, f: "m:1:booster" }, 2: { v: 3.2, f: "m:2:booster" } } },
    ];
    const svg = renderToStaticMarkup(
      createElement(GroupedBars, {
        id: "distance-tone",
        rows,
        articles: ARTICLES,
        href,
        unit: "per 1,000 words",
        decimals: true,
      }),
    );
    expect(svg).toContain('id="chart-distance-tone-svg"');
    expect(svg.match(/<a href=/g)?.length).toBe(3);
    expect(svg).toContain("<title>Vell Evening Post, Booster: 3.2 per 1,000 words</title>");
    for (const v of ["25.6", "0", "2.8", "3.2"]) expect(svg).toMatch(new RegExp(`>${v.replace(".", "\\.")}</text>`));
    expect(svg).not.toContain("Vell Evening Post, Hedge");
  });

  test("timeline: a year-only date is a band, each point a link", () => {
    const points = [
      {
        group: "article" as const,
        id: 1,
        date: "2031-05-01",
        t: Date.UTC(2031, 4, 1),
        precision: "day" as const,
        label: "Harbour Ledger",
        status: null,
      },
      {
        group: "candidate" as const,
        id: 9,
        date: "2031",
        t: Date.UTC(2031, 0, 1),
        precision: "year" as const,
        label: "Quillmouth Courier",
        status: "imported",
      },
    ];
    const svg = renderToStaticMarkup(
      createElement(TimelineChart, {
        points,
        articleHref: (id: number) => `?focus=art:${id}`,
        candidateHref: (id: number) => `#tl-cand-${id}`,
      }),
    );
    expect(svg).toContain("<title>Harbour Ledger, 2031-05-01</title>");
    expect(svg).toContain("<title>Coverage (Quillmouth Courier) 2031 (year only)</title>");
    expect(svg).toContain('href="#tl-cand-9"');
    expect(svg.match(/stroke-width="10"/g)?.length).toBe(1);
  });

  test("nice ticks start at 0, end at or above the largest value, in round steps", () => {
    expect(niceTicks(13, false)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(4, false)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(3, false)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(83.3, true)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(2.8, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, false)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(207, false)).toEqual([0, 100, 200, 300]);
  });
});

describe("static islands", () => {
  test("server-only loader data never reaches JSON or the keys Remix serialises", () => {
    const light = withServerOnly({ name: "Tamsel spill" }, { text: "the whole article" });
    expect(JSON.stringify(light)).toBe('{"name":"Tamsel spill"}');
    expect(Object.keys(light)).toEqual(["name"]);
    expect(serverOnly<{ text: string }>(light)?.text).toBe("the whole article");
    expect(serverOnly({ name: "x" })).toBeUndefined();
  });

  test("on the server an island holds its markup; left for later it holds the fallback link", () => {
    const full = renderToString(
      createElement(Island, {
        id: "island-reader",
        src: "/x?reader=1",
        version: "a",
        label: "Loading",
        children: createElement("p", null, "Column text"),
      }),
    );
    expect(full).toBe('<div id="island-reader" class="island"><p>Column text</p></div>');
    const later = renderToString(
      createElement(Island, {
        id: "island-reader",
        src: "/x?reader=1",
        version: "a",
        label: "Loading",
        fallback: createElement("a", { href: "?reader=1#reader" }, "Show the texts"),
      }),
    );
    expect(later).toContain('<div id="island-reader" class="island"></div>');
    expect(later).toContain('<a href="?reader=1#reader">Show the texts</a>');
  });

  test("markup drawn on the server as a string fills the island, and the browser's first render has the same element", () => {
    const props = { id: "island-charts", src: "/x", version: "a", label: "Drawing" };
    const server = renderToString(createElement(Island, { ...props, html: '<svg id="chart-x-svg"></svg>' }));
    expect(server).toBe('<div id="island-charts" class="island"><svg id="chart-x-svg"></svg></div>');
    // In the browser the island has no markup to give before hydration: the same element, its content kept.
    expect(renderToString(createElement(Island, props))).toBe('<div id="island-charts" class="island"></div>');
  });

  test("the texts come with the page only when the address asks for something in them", () => {
    expect(readerInPage(new URLSearchParams(""))).toBe(false);
    expect(readerInPage(new URLSearchParams("blind=1&by=words"))).toBe(false);
    expect(readerInPage(new URLSearchParams("print=1"))).toBe(false);
    for (const q of [
      "focus=k:1:official:c",
      "cg=g3",
      "cols=1,2",
      "layers=1",
      "layer=hedge",
      "reader=1",
      "print=1&texts=1",
    ])
      expect(readerInPage(new URLSearchParams(q)), q).toBe(true);
    // The page cache keys (and renders) by known parameters only: `reader` is one of them.
    expect(normalisedQuery("?utm=x&reader=1")).toBe("?reader=1");
    expect(normalisedQuery("?reader=yes")).toBe("");
  });
});

describe("the charts' server render and its cache", () => {
  // A small comparison written by hand (fictional outlets), with every part the eight charts read.
  const SAMPLE_DASH: DashboardData = {
    codebookVersion: "1",
    analyserVersions: ["test-1"],
    articles: ARTICLES,
    charted: [1, 2],
    sourcing: [
      { articleId: 1, count: { official: { v: 3, f: "k:1:official:c" } }, words: { official: { v: 40, f: null } } },
      { articleId: 2, count: { expert: { v: 2, f: "k:2:expert:c" } }, words: {} },
    ],
    voices: [],
    sources: [],
    cues: [{ id: "neutral", label: "Neutral", cells: { 1: { v: 3, f: "c:1:neutral" }, 2: { v: 2, f: null } } }],
    tone: [{ id: "hedge", label: "Hedge", cells: { 1: { v: 4.5, f: "m:1:hedge" }, 2: { v: 0, f: null } } }],
    toneCounts: [],
    toneQuoted: [],
    frames: [],
    claims: [],
    claimTotals: { all: 0, focalLacks: 0, onlyFocal: 0 },
    naming: [],
    timeline: [],
    undatedCandidates: 0,
  };
  const links = {
    focus: (t: string) => `?focus=${encodeURIComponent(t)}`,
    view: () => "?",
    exportFile: (f: string) => `/x/${f}`,
  };
  const view = { by: "count" as const, claims: "all" as const, claimsAll: false, fileBase: "parallax-1" };

  test("the same data and view are drawn once; a change of data, view or links draws again", () => {
    clearChartCache();
    const first = serverCharts(SAMPLE_DASH).render({ links, linksKey: "c1|0|[]", ...view });
    expect(first).toContain('class="recharts-surface"');
    expect(first).toContain("<title>Harbour Ledger: Official, 3 attributions</title>");
    expect(chartCacheStats()).toMatchObject({ entries: 1, hits: 0, misses: 1 });
    // Another request for the same view: the same markup from the cache.
    expect(serverCharts(structuredClone(SAMPLE_DASH)).render({ links, linksKey: "c1|0|[]", ...view })).toBe(first);
    expect(chartCacheStats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
    // Other links (blind mode, another query), another measure, other data: each drawn anew.
    serverCharts(SAMPLE_DASH).render({ links, linksKey: "c1|1|[]", ...view });
    serverCharts(SAMPLE_DASH).render({ links, linksKey: "c1|0|[]", ...view, by: "words" });
    const changed = structuredClone(SAMPLE_DASH);
    changed.sourcing[0]!.count.official!.v = 4;
    const redrawn = serverCharts(changed).render({ links, linksKey: "c1|0|[]", ...view });
    expect(redrawn).toContain("<title>Harbour Ledger: Official, 4 attributions</title>");
    expect(chartCacheStats()).toMatchObject({ entries: 4, hits: 1, misses: 4 });
  });

  test("compacted markup draws the same: coordinates to a tenth, recharts' own classes and ignored attributes gone, text untouched", () => {
    const raw =
      '<div class="recharts-wrapper"><svg id="chart-x-svg" class="recharts-surface" width="640"><title></title><desc></desc>' +
      '<g class="recharts-layer recharts-bar"><line orientation="bottom" width="422" height="30" x="178" y="50" class="recharts-cartesian-axis-line" stroke="#666" fill="none" x1="318.6666666666667" y1="56" x2="318.6666666666667" y2="50"></line>' +
      '<a href="?focus=k%3A1" class="chart-link"><title>Vell Evening Post, Hedge: 2.75 per 1,000 words</title><rect x="168.33333" y="16" width="29.866666666666674" height="32" fill="#0072b2"></rect></a>' +
      '<text x="160" y="32" dy="4" dx="0">0.25 &quot;x=&quot;1.2345&quot;</text><g class="recharts-layer"></g></g></svg></div>';
    expect(compactMarkup(raw)).toBe(
      '<div class="recharts-wrapper"><svg id="chart-x-svg" class="recharts-surface" width="640">' +
        '<g><line stroke="#666" x1="318.7" y1="56" x2="318.7" y2="50"/>' +
        '<a href="?focus=k%3A1" class="chart-link"><title>Vell Evening Post, Hedge: 2.75 per 1,000 words</title><rect x="168.3" y="16" width="29.9" height="32" fill="#0072b2"/></a>' +
        '<text x="160" y="32" dy="4">0.25 &quot;x=&quot;1.2345&quot;</text></g></svg></div>',
    );
  });
});
