import { openDb, tuneDb, type Db } from "#db/client";
import { getEnv } from "./env.server";

export type { Db };

declare global {
  var __parallaxDb: { db: Db; ready: Promise<void> } | undefined;
}

/** The process-wide database, opened from DATABASE_URL (kept across dev-server reloads). */
export function getDb(): Db {
  return ensureDb().db;
}

export function ensureDb(): { db: Db; ready: Promise<void> } {
  if (!globalThis.__parallaxDb) {
    const env = getEnv();
    const db = openDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
    globalThis.__parallaxDb = { db, ready: tuneDb(db, env.DATABASE_URL) };
  }
  return globalThis.__parallaxDb;
}
