// Related coverage: rank library articles by how likely they report the same event as a given one.
// An inverted index over pruned TF-IDF vectors finds candidates fast; candidates are then re-scored with
// title and lead terms, shared names, shared quotations and closeness in date. Every score comes with reasons.
import { STOP_WORDS, stem } from "#app/analysis/stem";

export interface RelatedDoc {
  id: number;
  url: string | null;
  title: string;
  text: string;
  published: string | null;
}

export interface RelatedParts {
  text: number;
  titleLead: number;
  names: number;
  quotes: number;
  date: number;
}

export interface RelatedHit {
  id: number;
  url: string | null;
  score: number;
  reasons: string[];
  parts: RelatedParts;
}

export interface RelatedIndex {
  size: number;
  query(id: number, k?: number): RelatedHit[];
}

/**
 * Below this score a hit is not shown as related coverage: on BASIL dev every same-event pair scores 0.2 or
 * more while 99% of other pairs score under 0.11; a near-zero score is no evidence of anything.
 */
export const RELATED_MIN_SCORE = 0.15;

/** Dates within this many days are a reason to relate two reports; wider gaps are no reason at all. */
const DATE_REASON_DAYS = 31;

/** Capitalised calendar words are not names two reports can share meaningfully. */
const CALENDAR = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]);

/** Weights of the parts in the final score (they sum to 1). */
export const RELATED_WEIGHTS: RelatedParts = { text: 0.4, titleLead: 0.2, names: 0.25, quotes: 0.1, date: 0.05 };

const MAX_BODY_TERMS = 150;
const MAX_NAME_TERMS = 60;
const QUERY_TERMS = 60;
const CANDIDATES = 100;
const SHINGLE = 5;

interface Sparse {
  ids: Int32Array;
  w: Float32Array; // unit length
}

interface DocEntry {
  id: number;
  url: string | null;
  body: Sparse;
  titleLead: Sparse;
  names: Sparse;
  quotes: Int32Array; // sorted hashes of 5-word shingles inside quotation marks
  day: number | null;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

const stemCache = new Map<string, string>();

function cachedStem(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    if (stemCache.size > 500_000) stemCache.clear();
    s = /\d/.test(w) ? w : stem(w);
    stemCache.set(w, s);
  }
  return s;
}

/** True when the last non-space character before `at` ends a sentence (or there is none). */
function afterBoundary(text: string, at: number, floor: number): boolean {
  for (let i = at - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    const ch = text[i]!;
    return (
      ch === "." || ch === "!" || ch === "?" || ch === ":" || ch === '"' || ch === "“" || ch === "”" || ch === "\n"
    );
  }
  return floor === 0;
}

/** Content terms (stems) and names (capitalised words not at a sentence start) of a text. */
function terms(text: string, names: string[] | null): string[] {
  const out: string[] = [];
  const re = new RegExp(WORD.source, "gu");
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  let prevName: string | null = null;
  let prevNameEnd = -1;
  while ((m = re.exec(text))) {
    const w = m[0];
    const sentenceStart = afterBoundary(text, m.index, prevEnd);
    const gapOneSpace = m.index - prevEnd === 1 && text[prevEnd] === " ";
    prevEnd = m.index + w.length;
    let lower = w.toLowerCase();
    if (lower.endsWith("'s") || lower.endsWith("’s")) lower = lower.slice(0, -2);
    if (names) {
      const c = w.charCodeAt(0);
      const cap = (c >= 65 && c <= 90) || (c > 127 && w[0] !== lower[0]);
      if (cap && !sentenceStart && !STOP_WORDS.has(lower) && !CALENDAR.has(lower)) {
        const folded = lower.replace(/^(?:al|el)-/, "").replace(/[.'’]/g, "");
        names.push(folded);
        // Adjacent names also count as one (first + last name, "White House").
        if (prevName && prevNameEnd >= 0 && gapOneSpace) names.push(prevName + " " + folded);
        prevName = folded;
        prevNameEnd = prevEnd;
      } else prevName = null;
    }
    if (lower.length < 2 || STOP_WORDS.has(lower)) continue;
    out.push(cachedStem(lower));
  }
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h | 0;
}

/** Hashes of 5-word shingles of every quoted passage (straight or curly double quotes). */
function quoteShingles(text: string): Int32Array {
  const set = new Set<number>();
  const re = /["“]([^"“”\n]{10,2000})["”]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const ws = m[1]!.toLowerCase().match(WORD) ?? [];
    for (let i = 0; i + SHINGLE <= ws.length; i++) set.add(hash(ws.slice(i, i + SHINGLE).join(" ")));
    if (set.size > 400) break;
  }
  return Int32Array.from([...set].sort((a, b) => a - b));
}

function dayOf(s: string | null): number | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  return Math.floor(Date.UTC(+m[1]!, m[2] ? +m[2] - 1 : 5, m[3] ? +m[3] : 15) / 86_400_000);
}

function leadOf(text: string): string {
  const paras = text.split(/\n+/).filter((p) => p.trim());
  return paras.slice(0, 3).join("\n").slice(0, 1500);
}

/** One field's terms in an index: ids in the order the index first meets them, from the shared table's ids. */
class Vocab {
  private local = new Int32Array(termOf.length).fill(-1);
  surface: string[] = [];
  df: number[] = [];
  id(shared: number): number {
    let i = this.local[shared]!;
    if (i < 0) {
      i = this.surface.length;
      this.local[shared] = i;
      this.surface.push(termOf[shared]!);
      this.df.push(0);
    }
    return i;
  }
}

function weigh(c: Map<number, number>, vocab: Vocab, n: number, keep: number): Sparse {
  let ids = new Int32Array(c.size);
  let w = new Float32Array(c.size);
  let m = 0;
  for (const [i, tf] of c) {
    const idf = Math.log((n + 1) / (vocab.df[i]! + 0.5));
    if (idf <= 0) continue;
    ids[m] = i;
    w[m++] = (1 + Math.log(tf)) * idf;
  }
  if (m > keep) {
    // Keep the `keep` heaviest terms: the weight of the keep-th heaviest is the cut.
    const cut = Float32Array.from(w.subarray(0, m)).sort().reverse()[keep - 1]!;
    let k = 0;
    for (let j = 0; j < m && k < keep; j++)
      if (w[j]! >= cut) {
        ids[k] = ids[j]!;
        w[k++] = w[j]!;
      }
    m = k;
  }
  ids = ids.slice(0, m);
  w = w.slice(0, m);
  // Sort by term id (merge-style dot products), normalise to unit length.
  const order = Array.from({ length: m }, (_, j) => j).sort((x, y) => ids[x]! - ids[y]!);
  const outIds = new Int32Array(m);
  const outW = new Float32Array(m);
  let norm = 0;
  for (let j = 0; j < m; j++) norm += w[j]! * w[j]!;
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < m; j++) {
    outIds[j] = ids[order[j]!]!;
    outW[j] = w[order[j]!]! / norm;
  }
  return { ids: outIds, w: outW };
}

function dot(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.w[i++]! * b.w[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * What the index needs of one article, computed from it alone (no library statistics): its terms with their counts,
 * in the order they first occur (which fixes the index's term ids, so a library indexed from these gives the same
 * scores as one indexed from the texts), its quoted 5-word runs and its day. A server keeps these per article and
 * re-reads only new or edited ones when the library changes (models/related.server.ts).
 */
export interface RelatedFeatures {
  id: number;
  url: string | null;
  body: TermCounts;
  titleLead: TermCounts;
  names: TermCounts;
  quotes: Int32Array;
  day: number | null;
}

/** Terms as ids into one shared table of terms (see termId), with their counts, in order of first occurrence. */
export interface TermCounts {
  ids: Int32Array;
  counts: Int32Array;
}

// One table of every term seen, shared by all articles' features, so each holds numbers rather than strings.
const termIds = new Map<string, number>();
const termOf: string[] = [];
function termId(t: string): number {
  let i = termIds.get(t);
  if (i === undefined) {
    i = termOf.length;
    termIds.set(t, i);
    termOf.push(t);
  }
  return i;
}

function termCounts(ts: string[]): TermCounts {
  const c = new Map<number, number>();
  for (const t of ts) {
    const i = termId(t);
    c.set(i, (c.get(i) ?? 0) + 1);
  }
  return { ids: Int32Array.from(c.keys()), counts: Int32Array.from(c.values()) };
}

/** The features of one article (see RelatedFeatures): the costly part of indexing, tokenising and stemming. */
export function relatedFeatures(d: RelatedDoc): RelatedFeatures {
  const names: string[] = [];
  const body = termCounts(terms(d.title + "\n" + d.text, names));
  const titleLead = termCounts(terms(d.title + "\n" + leadOf(d.text), null));
  return {
    id: d.id,
    url: d.url,
    body,
    titleLead,
    names: termCounts(names),
    quotes: quoteShingles(d.text),
    day: dayOf(d.published),
  };
}

/** The counts of one field in a vocabulary of the index, which takes term ids in the order it first meets them. */
function countsIn(vocab: Vocab, tc: TermCounts): Map<number, number> {
  const c = new Map<number, number>();
  for (let j = 0; j < tc.ids.length; j++) {
    const i = vocab.id(tc.ids[j]!);
    c.set(i, tc.counts[j]!);
    vocab.df[i]!++;
  }
  return c;
}

/** Builds the index once (two passes: document frequencies, then pruned unit vectors and postings). */
export function buildRelatedIndex(docs: RelatedDoc[]): RelatedIndex {
  return relatedIndexOf(docs.map(relatedFeatures));
}

/** The index over articles' features (the library's statistics, pruned unit vectors, postings). */
export function relatedIndexOf(features: RelatedFeatures[]): RelatedIndex {
  const n = features.length;
  const bodyV = new Vocab();
  const tlV = new Vocab();
  const nameV = new Vocab();
  const raw = features.map((f) => ({
    body: countsIn(bodyV, f.body),
    tl: countsIn(tlV, f.titleLead),
    nm: countsIn(nameV, f.names),
  }));
  const entries: DocEntry[] = features.map((f, i) => ({
    id: f.id,
    url: f.url,
    body: weigh(raw[i]!.body, bodyV, n, MAX_BODY_TERMS),
    titleLead: weigh(raw[i]!.tl, tlV, n, 1000),
    names: weigh(raw[i]!.nm, nameV, n, MAX_NAME_TERMS),
    quotes: f.quotes,
    day: f.day,
  }));
  raw.length = 0;
  // Postings: term → (doc, weight) over the pruned body vectors.
  const postDocs: number[][] = Array.from({ length: bodyV.surface.length }, () => []);
  const postW: number[][] = Array.from({ length: bodyV.surface.length }, () => []);
  entries.forEach((e, di) => {
    for (let k = 0; k < e.body.ids.length; k++) {
      postDocs[e.body.ids[k]!]!.push(di);
      postW[e.body.ids[k]!]!.push(e.body.w[k]!);
    }
  });
  const packed = postDocs.map((p) => Int32Array.from(p));
  const packedW = postW.map((p) => Float32Array.from(p));
  postDocs.length = 0;
  postW.length = 0;
  const byId = new Map<number, number>();
  entries.forEach((e, i) => byId.set(e.id, i));

  function parts(
    q: DocEntry,
    c: DocEntry,
    textSim: number,
  ): { score: number; parts: RelatedParts; shared: number; gap: number | null } {
    const titleLead = dot(q.titleLead, c.titleLead);
    const names = dot(q.names, c.names);
    const shared = sharedCount(q.quotes, c.quotes);
    const quotes = Math.min(1, shared / 4);
    const gap = q.day !== null && c.day !== null ? Math.abs(q.day - c.day) : null;
    const date = gap === null ? 0.5 : Math.exp(-gap / 10);
    const p: RelatedParts = { text: textSim, titleLead, names, quotes, date };
    let sc = 0;
    for (const k of Object.keys(RELATED_WEIGHTS) as (keyof RelatedParts)[]) sc += RELATED_WEIGHTS[k] * p[k];
    return { score: Math.round(sc * 10000) / 10000, parts: p, shared, gap };
  }

  function reasonsFor(q: DocEntry, c: DocEntry, r: ReturnType<typeof parts>): string[] {
    // Reasons a reader can check: only what supports the match (a wide date gap is no reason, so it is not one).
    const reasons: string[] = [`similar wording overall (${r.parts.text.toFixed(2)})`];
    if (r.parts.titleLead > 0.1) reasons.push(`title and lead share terms (${r.parts.titleLead.toFixed(2)})`);
    const common = topShared(q.names, c.names, nameV, 5);
    if (common.length) reasons.push(`shared names: ${common.join(", ")}`);
    if (r.shared) reasons.push(`${r.shared} shared quoted passage${r.shared > 1 ? "s" : ""} (5-word runs)`);
    if (r.gap !== null && r.gap <= DATE_REASON_DAYS)
      reasons.push(r.gap === 0 ? "published the same day" : `published ${r.gap} day${r.gap > 1 ? "s" : ""} apart`);
    return reasons;
  }

  const acc = new Float64Array(n);
  const touched: number[] = [];
  const maxPosting = Math.max(1000, Math.ceil(n / 20));

  return {
    size: n,
    query(id, k = 5) {
      const qi = byId.get(id);
      if (qi === undefined) return [];
      const q = entries[qi]!;
      // Candidates: dot products over the query's strongest terms only (bounded work per query).
      const order = Array.from(q.body.ids.keys())
        .sort((a, b) => q.body.w[b]! - q.body.w[a]!)
        .slice(0, QUERY_TERMS);
      for (const k2 of order) {
        const t = q.body.ids[k2]!;
        const wq = q.body.w[k2]!;
        const docsOf = packed[t]!;
        // A term in more than one article in twenty says little about the event and costs the most: skip it.
        if (docsOf.length > maxPosting) continue;
        const ws = packedW[t]!;
        for (let p = 0; p < docsOf.length; p++) {
          const d = docsOf[p]!;
          if (acc[d] === 0) touched.push(d);
          acc[d]! += wq * ws[p]!;
        }
      }
      const cands: [number, number][] = [];
      for (const d of touched) {
        if (d !== qi) cands.push([d, acc[d]!]);
        acc[d] = 0;
      }
      touched.length = 0;
      cands.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const scored = cands
        .slice(0, CANDIDATES)
        .map(([d]) => ({ d, r: parts(q, entries[d]!, dot(q.body, entries[d]!.body)) }));
      scored.sort((a, b) => b.r.score - a.r.score || entries[a.d]!.id - entries[b.d]!.id);
      return scored.slice(0, k).map(({ d, r }) => {
        const c = entries[d]!;
        return { id: c.id, url: c.url, score: r.score, reasons: reasonsFor(q, c, r), parts: r.parts };
      });
    },
  };
}

function topShared(a: Sparse, b: Sparse, v: Vocab, k: number): string[] {
  const out: [string, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      out.push([v.surface[x]!, a.w[i]! * b.w[j]!]);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out
    .sort((p, q) => q[1] - p[1])
    .slice(0, k)
    .map((p) => p[0]);
}
