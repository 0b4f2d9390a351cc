// Related-coverage evaluation on BASIL dev (50 events × 3 outlets): recall at 2 and mean reciprocal rank.
// The `event` field is the answer: it is read only to score the ranking (and, for the large library, to keep a
// synthetic distractor from being a rewrite of one event); the ranking itself sees plain RelatedDocs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path, { join, resolve } from "node:path";
import { buildRelatedIndex, type RelatedDoc } from "#app/compare/related";
import { prepareDatabase } from "#db/prepare";
import { normalizeUrl } from "#app/ingest/normalize-url";
import { expandTargets, importItems } from "#app/models/import.server";
import { listArticlesForRelated } from "#app/models/articles.server";

export const BASIL_IMPORT = resolve(process.cwd(), "../shared/data/basil-dev/import");

interface Record_ {
  title: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  text: string;
  event: string;
}

export interface RelatedFigures {
  recallAt2: number;
  mrr: number;
  articles: number;
  library: number;
  msPerQuery: number;
}

export interface RelatedEval extends RelatedFigures {
  large: RelatedFigures & { distractors: number; note: string };
}

function loadRecords(dir: string): Record_[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Record_);
}

function measure(docs: RelatedDoc[], queries: { id: number; sisters: Set<number> }[]): RelatedFigures {
  const index = buildRelatedIndex(docs);
  let recall = 0;
  let rr = 0;
  const t0 = performance.now();
  for (const q of queries) {
    const hits = index.query(q.id, 50);
    const top2 = hits.slice(0, 2).filter((h) => q.sisters.has(h.id)).length;
    recall += top2 / Math.min(2, q.sisters.size);
    const rank = hits.findIndex((h) => q.sisters.has(h.id));
    rr += rank >= 0 ? 1 / (rank + 1) : 0;
  }
  const ms = (performance.now() - t0) / queries.length;
  return {
    recallAt2: Math.round((recall / queries.length) * 10000) / 10000,
    mrr: Math.round((rr / queries.length) * 10000) / 10000,
    articles: queries.length,
    library: docs.length,
    msPerQuery: Math.round(ms * 100) / 100,
  };
}

/** Deterministic PRNG (mulberry32), so the large library is the same in every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic article on the same topics as real ones: a word-bigram walk over the pooled text (and titles) of
 * three real articles of the same year from three different events, so it shares vocabulary, names and dates
 * with real events without being a rewrite of any one of them. Its date is one pool article's date ± 3 days.
 */
export function makeDistractor(pool: Record_[], rand: () => number): Omit<RelatedDoc, "id"> {
  const walk = (texts: string[], length: number): string => {
    const next = new Map<string, string[]>();
    const starts: string[] = [];
    for (const t of texts) {
      const ws = t.split(/\s+/).filter(Boolean);
      for (let i = 0; i < ws.length; i++) {
        if (i === 0 || /[.!?]["”]?$/.test(ws[i - 1]!)) starts.push(ws[i]!);
        if (i + 1 < ws.length) {
          const l = next.get(ws[i]!) ?? [];
          l.push(ws[i + 1]!);
          next.set(ws[i]!, l);
        }
      }
    }
    const out: string[] = [];
    let cur = starts[Math.floor(rand() * starts.length)] ?? "The";
    for (let i = 0; i < length; i++) {
      out.push(cur);
      const l = next.get(cur);
      cur = l && l.length ? l[Math.floor(rand() * l.length)]! : (starts[Math.floor(rand() * starts.length)] ?? "The");
      if (/[.!?]["”]?$/.test(out[out.length - 1]!) && rand() < 0.25) out.push("\n");
    }
    return out.join(" ").replace(/ \n /g, "\n");
  };
  const len = Math.round(pool.reduce((n, r) => n + r.text.split(/\s+/).length, 0) / pool.length);
  const base = pool[Math.floor(rand() * pool.length)]!;
  let published = base.published;
  const day = base.published ? Date.parse(base.published.slice(0, 10)) : NaN;
  if (!Number.isNaN(day))
    published = new Date(day + Math.round(rand() * 6 - 3) * 86_400_000).toISOString().slice(0, 10);
  return {
    url: null,
    title: walk(
      pool.map((r) => r.title),
      8 + Math.floor(rand() * 6),
    ).replace(/\n/g, " "),
    text: walk(
      pool.map((r) => r.text),
      len,
    ),
    published,
  };
}

/**
 * The dev set as the app sees it: imported with the real pipeline (`cli import`'s code) into a throwaway
 * database, then ranked from the library's rows. The answer key (url → event) is kept apart from the import.
 */
async function measureThroughDatabase(dir: string, records: Record_[]): Promise<RelatedFigures> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "parallax-eval-related-"));
  const db = await prepareDatabase({ url: `file:${path.join(tmp, "eval.db")}`, seed: false });
  try {
    const summary = await importItems(db, await expandTargets([dir]));
    if (summary.failed.length)
      console.error(`related: ${summary.failed.length} dev article(s) failed to import: ${summary.failed[0]!.reason}`);
    const lib = await listArticlesForRelated(db);
    const eventOf = new Map(records.map((r) => [normalizeUrl(r.url ?? "") ?? r.url, r.event]));
    const idsByEvent = new Map<string, number[]>();
    for (const d of lib) {
      const ev = eventOf.get(d.url ?? "");
      if (ev) idsByEvent.set(ev, [...(idsByEvent.get(ev) ?? []), d.id]);
    }
    const queries = lib
      .filter((d) => eventOf.has(d.url ?? ""))
      .map((d) => ({
        id: d.id,
        sisters: new Set(idsByEvent.get(eventOf.get(d.url ?? "")!)!.filter((x) => x !== d.id)),
      }));
    return measure(lib, queries);
  } finally {
    db.$client.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Recall at 2 and MRR on BASIL dev, and on a library ten times larger; null when ../shared/data is absent. */
export async function evalRelated(dir = BASIL_IMPORT): Promise<RelatedEval | null> {
  if (!existsSync(dir)) {
    console.error(`related: ${dir} is absent; skipping the related-coverage evaluation`);
    return null;
  }
  const records = loadRecords(dir);
  const docs: RelatedDoc[] = records.map((r, i) => ({
    id: i + 1,
    url: r.url,
    title: r.title,
    text: r.text,
    published: r.published,
  }));
  const byEvent = new Map<string, number[]>();
  records.forEach((r, i) => byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), i + 1]));
  const queries = docs.map((d, i) => ({
    id: d.id,
    sisters: new Set(byEvent.get(records[i]!.event)!.filter((x) => x !== d.id)),
  }));
  const small = await measureThroughDatabase(dir, records);

  // The large library: events split in two halves; queries of one half are ranked in a library whose 1,350
  // distractors are made only from the other half's articles, so no distractor holds a query's own words.
  const events = [...byEvent.keys()].sort();
  const half = new Map(events.map((e, i) => [e, i % 2]));
  let recall = 0;
  let rr = 0;
  let ms = 0;
  let library = 0;
  for (const h of [0, 1]) {
    const rand = rng(20260225 + h);
    const byYear = new Map<string, Record_[]>();
    for (const r of records) {
      if (half.get(r.event) === h) continue;
      const y = (r.published ?? "").slice(0, 4);
      byYear.set(y, [...(byYear.get(y) ?? []), r]);
    }
    const years = [...byYear.keys()].sort();
    const extra: RelatedDoc[] = [];
    while (extra.length < docs.length * 9) {
      const list = byYear.get(years[extra.length % years.length]!)!;
      const pool: Record_[] = [];
      const seen = new Set<string>();
      for (let tries = 0; pool.length < 3 && tries < 50; tries++) {
        const r = list[Math.floor(rand() * list.length)]!;
        if (seen.has(r.event)) continue;
        seen.add(r.event);
        pool.push(r);
      }
      extra.push({ id: docs.length + extra.length + 1, ...makeDistractor(pool, rand) });
    }
    const qs = queries.filter((q, i) => half.get(records[i]!.event) === h);
    const f = measure([...docs, ...extra], qs);
    recall += f.recallAt2 * qs.length;
    rr += f.mrr * qs.length;
    ms += f.msPerQuery * qs.length;
    library = f.library;
  }
  const n = queries.length;
  return {
    ...small,
    large: {
      recallAt2: Math.round((recall / n) * 10000) / 10000,
      mrr: Math.round((rr / n) * 10000) / 10000,
      articles: n,
      library,
      msPerQuery: Math.round((ms / n) * 100) / 100,
      distractors: library - docs.length,
      note: "library ten times larger (150 real + 1,350 synthetic): each synthetic article is a word-bigram walk over three same-year articles of three different events; queries of one half of the events are ranked among distractors made from the other half",
    },
  };
}

// Run directly: npx tsx scripts/eval-related.ts
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname ?? "", "eval-related.ts")) {
  evalRelated().then((r) => console.log(JSON.stringify(r, null, 2)));
}
