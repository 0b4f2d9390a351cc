import { desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { articles, nearDuplicates, outlets } from "#db/schema";
import {
  decodeFingerprint,
  encodeFingerprint,
  fingerprint,
  isNearDuplicate,
  similarity,
  type Fingerprint,
} from "#app/ingest/near-duplicate";
import type { Db } from "#app/utils/db.server";

type Tx = Pick<Db, "select" | "insert" | "update">;

/** How many of the most recent articles a new one is checked against (about 60 ms per 5,000). */
export const NEAR_DUPLICATE_SCAN = 5000;

export function fingerprintOf(text: string): string {
  return encodeFingerprint(fingerprint(text));
}

export interface NearMatch {
  id: number;
  containment: number;
  jaccard: number;
}

interface RecentFingerprints {
  maxId: number;
  /** Newest first. */
  items: { id: number; fp: Fingerprint }[];
}

// Decoded fingerprints of the most recent articles, per database handle: loaded once, then only the rows added
// since (by any process) are read, instead of reading and decoding thousands on every import.
const recent = new WeakMap<object, RecentFingerprints>();

async function recentFingerprints(db: Tx, scan: number): Promise<RecentFingerprints["items"]> {
  let c = recent.get(db);
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
  const fresh = rows.flatMap((r) => {
    const fp = decodeFingerprint(r.fp!);
    return fp ? [{ id: r.id, fp }] : [];
  });
  if (!c) {
    c = { maxId: 0, items: [] };
    recent.set(db, c);
  }
  c.items = [...fresh, ...c.items].slice(0, scan);
  c.maxId = Math.max(c.maxId, rows[0]?.id ?? 0);
  return c.items;
}

/** Articles among the most recent `scan` that share most of this text's wording. */
export async function matchNearDuplicates(
  db: Tx,
  fp: Fingerprint,
  opts: { exclude?: number; scan?: number } = {},
): Promise<NearMatch[]> {
  const items = await recentFingerprints(db, opts.scan ?? NEAR_DUPLICATE_SCAN);
  const out: NearMatch[] = [];
  for (const r of items) {
    if (r.id === opts.exclude) continue;
    const sim = similarity(fp, r.fp);
    if (isNearDuplicate(sim)) out.push({ id: r.id, containment: sim.containment, jaccard: sim.jaccard });
  }
  if (out.length === 0) return out;
  // The memory may hold articles deleted since: keep only those still there.
  const alive = new Set(
    (
      await db
        .select({ id: articles.id })
        .from(articles)
        .where(
          inArray(
            articles.id,
            out.map((m) => m.id),
          ),
        )
    ).map((r) => r.id),
  );
  return out.filter((m) => alive.has(m.id));
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
