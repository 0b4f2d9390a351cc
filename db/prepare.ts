import { openDb, tuneDb, type Db } from "./client";
import { migrateDb } from "./migrate";
import { seedDb, type SeedWriter } from "./seed";

export interface PrepareOptions {
  url?: string;
  authToken?: string;
  /** The app's data layer to seed the demo through (app/models/seed.server.ts), or false for no seed. */
  seed?: SeedWriter | false;
  log?: (msg: string) => void;
}

/** Opens the database named by DATABASE_URL (or `url`), applies the committed migrations and, once, the demo seed. */
export async function prepareDatabase(opts: PrepareOptions = {}): Promise<Db> {
  const url = opts.url ?? process.env.DATABASE_URL ?? "file:data/parallax.db";
  const db = openDb(url, opts.authToken ?? process.env.DATABASE_AUTH_TOKEN);
  try {
    await tuneDb(db, url);
    await migrateDb(db);
  } catch (e) {
    db.$client.close();
    throw explainOpenError(e, url);
  }
  if (opts.seed) {
    const seeded = await seedDb(db, opts.seed);
    if (seeded) opts.log?.("seeded the demo and tutorial comparisons");
  }
  return db;
}

/** drizzle reports "Failed query: CREATE TABLE…"; the reason (refused, 401, bad port) is deeper down: say it plainly. */
function explainOpenError(e: unknown, url: string): Error {
  const reasons: string[] = [];
  for (let c: unknown = e; c instanceof Error && reasons.length < 5; c = c.cause)
    reasons.push(c.message.split("\n")[0]!);
  const reason = reasons.filter((r) => !r.startsWith("Failed query")).pop() ?? reasons[0] ?? String(e);
  const where = url.replace(/\/\/[^@/]*@/, "//…@");
  const hint = /\b401\b|unauthori[sz]ed/i.test(reason)
    ? " The server wants a valid token: set DATABASE_AUTH_TOKEN."
    : /fetch failed|ECONNREFUSED|bad port|ENOTFOUND/i.test(reason) && !url.startsWith("file:")
      ? " Is the libSQL server running at that address?"
      : "";
  return new Error(`Cannot open the database at ${where}: ${reason}.${hint}`, { cause: e });
}
