import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { DashboardCharts, type DashboardChartsProps } from "./dashboard-charts";
import type { DashboardData } from "./types";

// The charts are drawn by recharts on the server only: this module (and through it recharts) is imported by
// loaders and `.server` files alone, so it never reaches the browser's bundle. A loader hands `serverCharts()`
// to the page's render under the server-only key (see island.tsx); the page puts the markup into the charts'
// static island, whose links are plain <a href> (they need no router: the island is never hydrated).
//
// Drawing eight charts costs tens of milliseconds, so the markup is kept in a small in-process LRU, bounded in
// entries and in bytes. Its key is everything the markup depends on: a hash of the charts' data (comparison and
// member ids, their analyses and analyser versions, corrections, blind labels: all of it is in `dash`), the view
// (measure, claim filter, rows) and the links (the page's query, comparison id and blind mode, given as `linksKey`).
// Behind it, a comparison's page hands in a `ChartStore` (the database): markup drawn once, by any process, is read
// back by `preload()` before the render, so a restart or an eviction does not draw it again.

export interface ChartsProps extends Omit<DashboardChartsProps, "dash"> {
  /** Everything the links depend on beyond the props above (the page's query and address). */
  linksKey: string;
}

export interface ServerCharts {
  /** The charts' markup for this view, from the cache when it was drawn before. */
  render: (props: ChartsProps) => string;
  /** Reads the markup stored for these charts' data (every view of it) into the cache, before a render. */
  preload: () => Promise<void>;
  /** Waits for the markup drawn by this renderer to be stored (where its store saves). */
  flush: () => Promise<void>;
  /** How many times this renderer drew charts (rather than taking them from a cache or the store). */
  drawn: () => number;
}

/** Where drawn markup outlives the process: a comparison's rows in the database (models/chart-markup.server.ts). */
export interface ChartStore {
  /** The stored markup of this data's views, but those `have` says are already at hand. */
  load: (dataHash: string, have: (key: string) => boolean) => Promise<Array<{ key: string; markup: string }>>;
  /**
   * Keeps drawn markup. A page's store has none: a GET never writes (a write would wait for the lock an import
   * holds); the job worker draws and stores a comparison's charts when it changes (predraw.server.ts).
   */
  save?: (dataHash: string, key: string, markup: string) => Promise<void>;
}

/**
 * `PARALLAX_CHART_CACHE`: unset, the in-process cache and the store; `db`, the store alone (as after a restart:
 * the page-weight bench measures it); `0`, neither (the charts are drawn on every render).
 */
function cacheMode(): "all" | "db" | "off" {
  const v = process.env.PARALLAX_CHART_CACHE;
  return v === "0" ? "off" : v === "db" ? "db" : "all";
}

const MAX_ENTRIES = 200;
const MAX_BYTES = 24 * 1024 * 1024;

const cache = new Map<string, string>();
/** The store keys of the entries in `cache` that are also in the store (no need to read them back). */
const storedKeys = new Map<string, string>();
const keyOfStored = new Map<string, string>();
let bytes = 0;
const stats = { hits: 0, misses: 0, storeHits: 0, loaded: 0, saved: 0, saveFailures: 0 };

function remember(key: string, html: string, sk: string | null): void {
  const size = html.length * 2;
  if (size > MAX_BYTES) return;
  if (cache.has(key)) return;
  cache.set(key, html);
  bytes += size;
  if (sk) {
    storedKeys.set(sk, key);
    keyOfStored.set(key, sk);
  }
  for (const [k, v] of cache) {
    if (cache.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    cache.delete(k);
    bytes -= v.length * 2;
    const s = keyOfStored.get(k);
    if (s !== undefined) {
      keyOfStored.delete(k);
      storedKeys.delete(s);
    }
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

// The loader shares one `dash` object among the views of a comparison revision: its hash is computed once.
const hashes = new WeakMap<DashboardData, string>();
function dataHashOf(dash: DashboardData): string {
  let h = hashes.get(dash);
  if (h === undefined) hashes.set(dash, (h = createHash("sha256").update(JSON.stringify(dash)).digest("base64url")));
  return h;
}

const storeKey = (key: string) => createHash("sha256").update(key).digest("base64url");

/**
 * Renders (or takes from the caches) the charts of `dash`. `storeOnly`: the store or a drawing, never the process
 * cache (the worker's pre-drawing, which must store what it finds missing even where its own process drew it before).
 */
export function serverCharts(
  dash: DashboardData,
  store?: ChartStore,
  opts: { storeOnly?: boolean } = {},
): ServerCharts {
  const hashOf = () => dataHashOf(dash);
  let drawn = 0;
  // What preload() read, by store key: used by this page's render even if the cache dropped it meanwhile.
  const loaded = new Map<string, string>();
  const saving: Promise<void>[] = [];
  return {
    async preload() {
      const mode = cacheMode();
      if (!store || mode === "off") return;
      const rows = await store.load(hashOf(), (k) => mode === "all" && !opts.storeOnly && storedKeys.has(k));
      for (const r of rows) {
        loaded.set(r.key, r.markup);
        stats.loaded++;
      }
    },
    render({ linksKey, ...props }) {
      const { links, ...view } = props;
      const key = `${hashOf()}|${JSON.stringify(view)}|${linksKey}`;
      const mode = opts.storeOnly && cacheMode() === "all" ? "db" : cacheMode();
      const hit = mode === "all" ? cache.get(key) : undefined;
      if (hit !== undefined) {
        stats.hits++;
        // Most recently used last: eviction takes the oldest first.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const sk = store && mode !== "off" ? storeKey(key) : null;
      const stored = sk ? loaded.get(sk) : undefined;
      if (stored !== undefined) {
        stats.storeHits++;
        if (mode === "all") remember(key, stored, sk);
        return stored;
      }
      stats.misses++;
      drawn++;
      const html = compactMarkup(renderToStaticMarkup(<DashboardCharts dash={dash} links={links} {...view} />));
      if (mode === "all") remember(key, html, sk);
      // A failure (the comparison deleted meanwhile, a busy disk) only costs a redraw.
      if (store?.save && sk)
        saving.push(
          store.save(hashOf(), sk, html).then(
            () => void stats.saved++,
            () => void stats.saveFailures++,
          ),
        );
      return html;
    },
    async flush() {
      await Promise.all(saving);
    },
    drawn: () => drawn,
  };
}

/** For tests and the bench: empty the cache. */
export function clearChartCache(): void {
  cache.clear();
  storedKeys.clear();
  keyOfStored.clear();
  bytes = 0;
  for (const k of Object.keys(stats) as (keyof typeof stats)[]) stats[k] = 0;
}

/**
 * For tests and the bench: the cache's size; since it was last emptied, its hits, the renders answered from the
 * store, the charts drawn (misses), the markups read from the store and those written to it (or not).
 */
export function chartCacheStats(): { entries: number; bytes: number } & typeof stats {
  return { entries: cache.size, bytes, ...stats };
}
