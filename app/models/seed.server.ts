// The demo and tutorial seed, written through the app's data layer: db/seed.ts holds the seed's data and
// steps and is handed these writers, so db/ never imports app/models (the flow runs app → db only).
import type { Db } from "#db/client";
import { seedDb, type SeedWriter } from "#db/seed";
import { importArticle } from "./articles.server";
import { createComparison, getComparisonBySlug } from "./comparisons.server";

export const SEED_WRITER: SeedWriter = { importArticle, createComparison, getComparisonBySlug };

/** Seeds the demo and the tutorial once per database (again with `force`). */
export function seedDatabase(db: Db, opts: { force?: boolean } = {}): Promise<boolean> {
  return seedDb(db, SEED_WRITER, opts);
}
