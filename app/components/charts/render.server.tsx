import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { DashboardCharts } from "./dashboard-charts";
import type { DashboardData, DashboardLinks } from "./types";

// The charts are drawn by recharts on the server only: this module (and through it recharts) is imported by
// loaders and `.server` files alone, so it never reaches the browser's bundle. A loader hands `serverCharts()`
// to the page's render under the server-only key (see island.tsx); the page puts the markup into the charts'
// static island, whose links are plain <a href> (they need no router: the island is never hydrated).
//
// Drawing eight charts costs tens of milliseconds, so the markup is kept in a small in-process LRU, bounded in
// entries and in bytes. Its key is everything the markup depends on: a hash of the charts' data (comparison and
// member ids, their analyses and analyser versions, corrections, blind labels: all of it is in `dash`), the view
// (measure, claim filter, rows) and the links (the page's query, comparison id and blind mode, given as `linksKey`).

export interface ChartsProps {
  links: DashboardLinks;
  by: "count" | "words";
  claims: "all" | "lacks" | "only";
  claimsAll: boolean;
  maxClaims?: number;
  fileBase: string;
  /** Everything the links depend on beyond the props above (the page's query and address). */
  linksKey: string;
}

export interface ServerCharts {
  /** The charts' markup for this view, from the cache when it was drawn before. */
  render: (props: ChartsProps) => string;
}

const MAX_ENTRIES = 200;
const MAX_BYTES = 24 * 1024 * 1024;

const cache = new Map<string, string>();
let bytes = 0;
const stats = { hits: 0, misses: 0 };

function remember(key: string, html: string): void {
  const size = html.length * 2;
  if (size > MAX_BYTES) return;
  cache.set(key, html);
  bytes += size;
  for (const [k, v] of cache) {
    if (cache.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    cache.delete(k);
    bytes -= v.length * 2;
  }
}

const GEOMETRY = / (x|y|x1|x2|y1|y2|cx|cy|width|height|r)="(-?\d+\.\d{2,})"/g;

/**
 * The same drawing in fewer bytes (recharts writes about twice what the page needs): coordinates to a tenth of a
 * pixel; no class names of recharts' own (no recharts style sheet is loaded), except the SVG's and its wrapper's;
 * no empty title, description or group; no attributes a <line> ignores (recharts passes it its axis' box, and a fill);
 * empty SVG elements closed by "/>". React escapes quotation marks and angle brackets in text, so these patterns
 * only ever meet markup, never an article's words.
 */
export function compactMarkup(html: string): string {
  let out = html
    .replaceAll("<title></title><desc></desc>", "")
    .replace(GEOMETRY, (_, name: string, v: string) => ` ${name}="${Math.round(Number(v) * 10) / 10}"`)
    .replace(/ class="(recharts-[^"]*)"/g, (m, c: string) => (/\brecharts-(surface|wrapper)\b/.test(c) ? m : ""))
    .replace(/<line [^>]*>/g, (tag) => tag.replace(/ (orientation|width|height|x|y|fill)="[^"]*"/g, ""))
    .replace(/<(line|rect|circle|path)( [^>]*)?><\/\1>/g, "<$1$2/>")
    .replaceAll(' dx="0"', "");
  for (let prev = ""; prev !== out;) {
    prev = out;
    out = out.replaceAll("<g></g>", "");
  }
  return out;
}

/** Renders (or takes from the cache) the charts of `dash`; the data is hashed once, on the first render. */
export function serverCharts(dash: DashboardData): ServerCharts {
  let dataHash: string | null = null;
  return {
    render({ linksKey, ...props }) {
      dataHash ??= createHash("sha256").update(JSON.stringify(dash)).digest("base64url");
      const { links, ...view } = props;
      const key = `${dataHash}|${JSON.stringify(view)}|${linksKey}`;
      // PARALLAX_CHART_CACHE=0 draws every time (the page-weight bench measures an uncached render with it).
      const off = process.env.PARALLAX_CHART_CACHE === "0";
      const hit = off ? undefined : cache.get(key);
      if (hit !== undefined) {
        stats.hits++;
        // Most recently used last: eviction takes the oldest first.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      stats.misses++;
      const html = compactMarkup(renderToStaticMarkup(<DashboardCharts dash={dash} links={links} {...view} />));
      if (!off) remember(key, html);
      return html;
    },
  };
}

/** For tests and the bench: empty the cache. */
export function clearChartCache(): void {
  cache.clear();
  bytes = 0;
  stats.hits = 0;
  stats.misses = 0;
}

/** For tests and the bench: the cache's size and its hits and misses since it was last emptied. */
export function chartCacheStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return { entries: cache.size, bytes, ...stats };
}
