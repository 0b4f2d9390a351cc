import { desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { articles, nearDuplicates, outlets } from "#db/schema";
import { decodeFingerprint, encodeFingerprint, fingerprint, type Fingerprint } from "#app/ingest/near-duplicate";
import { NearDuplicateIndex } from "#app/ingest/near-duplicate-index";
import type { Db } from "#app/utils/db.server";

type Tx = Pick<Db, "select" | "insert" | "update">;

/** How many of the most recent articles a new one is checked against (an inverted index of their shingles). */
export const NEAR_DUPLICATE_SCAN = 5000;
/**
 * How many matches a new article keeps (the closest): a story copied into thousands of stored articles would
 * otherwise write thousands of pairs on every import of one more copy, so each import grew with the library.
 */
export const NEAR_DUPLICATE_KEEP = 20;

export function fingerprintOf(text: string): string {
  return encodeFingerprint(fingerprint(text));
}

export interface NearMatch {
  id: number;
  containment: number;
  jaccard: number;
}

// The most recent articles' fingerprints as an inverted index, per database handle and window: loaded once, then
// only the rows added since (by any process) are read and added, instead of reading and decoding thousands on
// every import and comparing the new text with each in turn.
const recent = new WeakMap<object, Map<number, { maxId: number; index: NearDuplicateIndex }>>();

async function recentIndex(db: Tx, scan: number): Promise<NearDuplicateIndex> {
  let byScan = recent.get(db);
  if (!byScan) recent.set(db, (byScan = new Map()));
  let c = byScan.get(scan);
  const rows = await db
    .select({ id: articles.id, fp: articles.fingerprint })
    .from(articles)
    .where(
      c
        ? sql`${articles.id} > ${c.maxId} and ${articles.fingerprint} is not null`
        : sql`${articles.fingerprint} is not null`,
    )
    .orderBy(desc(articles.id))
    .limit(scan);
  if (!c) byScan.set(scan, (c = { maxId: 0, index: new NearDuplicateIndex(scan) }));
  c.index.add(
    rows.reverse().flatMap((r) => {
      const fp = decodeFingerprint(r.fp!);
      return fp ? [{ id: r.id, fp }] : [];
    }),
  );
  c.maxId = Math.max(c.maxId, rows.at(-1)?.id ?? 0);
  return c.index;
}

/** Articles among the most recent `scan` that share most of this text's wording: the closest, at most NEAR_DUPLICATE_KEEP. */
export async function matchNearDuplicates(
  db: Tx,
  fp: Fingerprint,
  opts: { exclude?: number; scan?: number } = {},
): Promise<NearMatch[]> {
  const index = await recentIndex(db, opts.scan ?? NEAR_DUPLICATE_SCAN);
  const out: NearMatch[] = index
    .match(fp, opts.exclude)
    .map((m) => ({ id: m.id, containment: m.containment, jaccard: m.jaccard }));
  if (out.length === 0) return out;
  out.sort((p, q) => q.containment - p.containment || q.jaccard - p.jaccard || q.id - p.id);
  const closest = out.slice(0, NEAR_DUPLICATE_KEEP * 2);
  // The memory may hold articles deleted since: keep only those still there.
  const alive = new Set(
    (
      await db
        .select({ id: articles.id })
        .from(articles)
        .where(
          inArray(
            articles.id,
            closest.map((m) => m.id),
          ),
        )
    ).map((r) => r.id),
  );
  return closest.filter((m) => alive.has(m.id)).slice(0, NEAR_DUPLICATE_KEEP);
}

/** Stores the pairs both ways, so either article lists the other. */
export async function recordNearDuplicates(db: Tx, articleId: number, matches: NearMatch[]): Promise<void> {
  if (matches.length === 0) return;
  await db
    .insert(nearDuplicates)
    .values(
      matches.flatMap((m) => [
        { articleId, otherId: m.id, containment: m.containment, jaccard: m.jaccard },
        { articleId: m.id, otherId: articleId, containment: m.containment, jaccard: m.jaccard },
      ]),
    )
    .onConflictDoNothing();
}

export interface NearDuplicate {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
  containment: number;
  jaccard: number;
}

/** The articles found at import to share this one's wording, closest first (one indexed query). */
export async function findNearDuplicatesOf(db: Db, articleId: number): Promise<NearDuplicate[]> {
  return db
    .select({
      id: articles.id,
      title: articles.title,
      outlet: outlets.name,
      published: articles.published,
      containment: nearDuplicates.containment,
      jaccard: nearDuplicates.jaccard,
    })
    .from(nearDuplicates)
    .innerJoin(articles, eq(nearDuplicates.otherId, articles.id))
    .leftJoin(outlets, eq(articles.outletId, outlets.id))
    .where(eq(nearDuplicates.articleId, articleId))
    .orderBy(desc(nearDuplicates.containment), articles.id);
}

/** Fingerprints (and their near-duplicate pairs) for articles stored before fingerprints existed. */
export async function backfillFingerprints(db: Db, batch = 100): Promise<number> {
  let n = 0;
  for (;;) {
    const rows = await db
      .select({ id: articles.id, text: articles.text })
      .from(articles)
      .where(isNull(articles.fingerprint))
      .orderBy(articles.id)
      .limit(batch);
    if (rows.length === 0) return n;
    for (const r of rows) {
      const fp = fingerprint(r.text);
      const matches = await matchNearDuplicates(db, fp, { exclude: r.id });
      await db.transaction(async (tx) => {
        await tx
          .update(articles)
          .set({ fingerprint: encodeFingerprint(fp) })
          .where(eq(articles.id, r.id));
        await recordNearDuplicates(tx, r.id, matches);
      });
      n++;
      await new Promise((res) => setImmediate(res));
    }
  }
}
