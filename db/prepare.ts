import { openDb, tuneDb, type Db } from "./client";
import { migrateDb } from "./migrate";
import { seedDb } from "./seed";

export interface PrepareOptions {
  url?: string;
  authToken?: string;
  seed?: boolean;
  log?: (msg: string) => void;
}

/** Opens the database named by DATABASE_URL (or `url`), applies the committed migrations and, once, the demo seed. */
export async function prepareDatabase(opts: PrepareOptions = {}): Promise<Db> {
  const url = opts.url ?? process.env.DATABASE_URL ?? "file:data/parallax.db";
  const db = openDb(url, opts.authToken ?? process.env.DATABASE_AUTH_TOKEN);
  await tuneDb(db, url);
  await migrateDb(db);
  if (opts.seed) {
    const seeded = await seedDb(db);
    if (seeded) opts.log?.("seeded the demo and tutorial comparisons");
  }
  return db;
}
