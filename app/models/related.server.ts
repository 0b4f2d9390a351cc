import { createHash } from "node:crypto";
import { inArray } from "drizzle-orm";
import { articles } from "#db/schema";
import { relatedFeatures, relatedIndexOf, type RelatedFeatures, type RelatedIndex } from "#app/compare/related";
import type { Db } from "#app/utils/db.server";

// The related-coverage index over the whole library, kept in memory for one library revision: the list of articles
// with the metadata the index reads (title, date, address), whoever changed them. A request reads that list (no
// texts), and the index is rebuilt only when it differs; tokenising an article, most of the cost, is kept per
// article and done again only for new or edited ones, so an import of a few articles costs a few articles' work
// and the library's statistics, not the whole library's texts (~6 s at 20,000 articles).

interface Held {
  /** The metadata the features were computed from: an edit of any of it computes them again. */
  sig: string;
  features: RelatedFeatures;
}

/** Features per article id: only the library's current articles are kept (bounded by its size). */
const held = new Map<number, Held>();
let cached: { key: string; index: RelatedIndex } | null = null;
let building: { key: string; index: Promise<RelatedIndex> } | null = null;
const stats = { builds: 0, tokenised: 0 };

type Meta = { id: number; url: string | null; title: string; published: string | null };
const sigOf = (m: Meta) => `${m.title}\u0000${m.published ?? ""}\u0000${m.url ?? ""}`;
const TEXT_BATCH = 500;

/** The index of the library as it is now (by any process): from memory when nothing it reads has changed. */
export async function getRelatedIndex(db: Db): Promise<RelatedIndex> {
  const metas: Meta[] = await db
    .select({ id: articles.id, url: articles.url, title: articles.title, published: articles.published })
    .from(articles)
    .orderBy(articles.id);
  const h = createHash("sha256");
  for (const m of metas) h.update(`${m.id}\u0000${sigOf(m)}\u0001`);
  const key = h.digest("base64url");
  if (cached?.key === key) return cached.index;
  if (building?.key === key) return building.index;
  const index = build(db, metas).then((index) => {
    cached = { key, index };
    return index;
  });
  building = { key, index };
  void index.then(
    () => {
      if (building?.index === index) building = null;
    },
    () => {
      if (building?.index === index) building = null;
    },
  );
  return index;
}

async function build(db: Db, metas: Meta[]): Promise<RelatedIndex> {
  const stale = metas.filter((m) => held.get(m.id)?.sig !== sigOf(m));
  for (let i = 0; i < stale.length; i += TEXT_BATCH) {
    const batch = stale.slice(i, i + TEXT_BATCH);
    const texts = await db
      .select({ id: articles.id, text: articles.text })
      .from(articles)
      .where(
        inArray(
          articles.id,
          batch.map((m) => m.id),
        ),
      );
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    for (const m of batch) {
      const text = textOf.get(m.id);
      // Deleted since the list was read: left out of this index (the next request's list no longer has it).
      if (text === undefined) continue;
      held.set(m.id, { sig: sigOf(m), features: relatedFeatures({ ...m, text }) });
      stats.tokenised++;
    }
  }
  const ids = new Set(metas.map((m) => m.id));
  for (const id of held.keys()) if (!ids.has(id)) held.delete(id);
  stats.builds++;
  return relatedIndexOf(metas.flatMap((m) => held.get(m.id)?.features ?? []));
}

/** For tests: how many indexes were built and articles tokenised since the last clear. */
export function relatedIndexStats(): { builds: number; tokenised: number; held: number } {
  return { ...stats, held: held.size };
}

/** For tests: forget the index and every article's features. */
export function clearRelatedIndex(): void {
  held.clear();
  cached = null;
  building = null;
  stats.builds = 0;
  stats.tokenised = 0;
}
