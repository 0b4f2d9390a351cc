import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/**
 * Opens a database by URL: `file:…` (embedded, the default), or `http(s)://` / `libsql://` for a libSQL server.
 * Nothing else in the code knows which.
 */
export function openDb(url: string, authToken?: string): Db {
  const isFile = url.startsWith("file:");
  if (isFile) {
    // libSQL fails with "ConnectionFailed(14)" when the folder is missing.
    const file = url.slice("file:".length).replace(/\?.*$/, "");
    if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({ url, authToken: authToken || undefined });
  return drizzle(client, { schema, casing: "snake_case" }) as Db;
}

/** WAL and a busy timeout keep readers and one writer from tripping over each other on a file database. */
export async function tuneDb(db: Db, url: string): Promise<void> {
  if (!url.startsWith("file:")) return;
  await db.$client.execute("PRAGMA journal_mode = WAL");
  await db.$client.execute("PRAGMA busy_timeout = 5000");
  await db.$client.execute("PRAGMA foreign_keys = ON");
}
