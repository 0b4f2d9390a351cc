import { sql } from "drizzle-orm";
import { articles } from "#db/schema";
import { buildRelatedIndex, type RelatedIndex } from "#app/compare/related";
import type { Db } from "#app/utils/db.server";
import { listArticlesForRelated } from "./articles.server";

let cached: { key: string; index: RelatedIndex } | null = null;
let building: Promise<RelatedIndex> | null = null;

/**
 * The related-coverage index over the whole library, kept in memory and rebuilt when articles are added or
 * removed (count and highest id change). Building takes ~0.3 s per 1,000 articles; lookups take milliseconds.
 */
export async function getRelatedIndex(db: Db): Promise<RelatedIndex> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`, max: sql<number>`coalesce(max(${articles.id}), 0)` })
    .from(articles);
  const key = `${row?.n ?? 0}:${row?.max ?? 0}`;
  if (cached?.key === key) return cached.index;
  building ??= listArticlesForRelated(db)
    .then((docs) => {
      const index = buildRelatedIndex(docs);
      cached = { key, index };
      return index;
    })
    .finally(() => {
      building = null;
    });
  return building;
}
