import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { ConnectionPool } from "@libsql/client/sqlite3";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** How long a connection waits for another process's write to finish before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Settings that SQLite keeps per connection, not per file. The client opens connections as it needs them
 * (one per concurrent statement or open transaction), so they are applied to each as it is first lent out,
 * not once to whichever connection happened to run the first statement.
 */
const CONNECTION_PRAGMAS = [
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
  // With WAL, NORMAL loses no committed data on a crash of the process, only possibly the last commits on power loss.
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  // A long import must not grow the write-ahead log without bound: truncate it back to 64 MB after checkpoints.
  "PRAGMA journal_size_limit = 67108864",
];

type RawConnection = { exec(sql: string): unknown; memory?: boolean };
const tuned = new WeakSet<object>();
let patched = false;

function tuneEveryConnection(): void {
  if (patched) return;
  patched = true;
  const proto = ConnectionPool.prototype as unknown as { acquireSync: (this: unknown, forTransaction?: boolean) => RawConnection };
  const original = proto.acquireSync;
  if (typeof original !== "function") return;
  proto.acquireSync = function (this: unknown, forTransaction?: boolean) {
    const conn = original.call(this, forTransaction);
    if (!tuned.has(conn)) {
      tuned.add(conn);
      conn.exec(CONNECTION_PRAGMAS.join(";\n"));
    }
    return conn;
  };
}

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
    tuneEveryConnection();
  }
  // `timeout` is the busy timeout of every connection the client opens (the pragmas above say it again).
  const client = createClient({ url, authToken: authToken || undefined, ...(isFile ? { timeout: BUSY_TIMEOUT_MS } : {}) });
  return drizzle(client, { schema, casing: "snake_case" }) as Db;
}

/** WAL (kept in the file itself) lets readers and one writer work at once; the per-connection settings are above. */
export async function tuneDb(db: Db, url: string): Promise<void> {
  if (!url.startsWith("file:")) return;
  await db.$client.execute("PRAGMA journal_mode = WAL");
}

/**
 * A passive checkpoint: copies what it can of the write-ahead log into the database without waiting for anyone.
 * Once readers have moved past it, the next write restarts the log from its beginning (truncated to
 * `journal_size_limit`). A no-op for a libSQL server, which manages its own log.
 */
export async function checkpointWal(db: Db): Promise<void> {
  try {
    await db.$client.execute("PRAGMA wal_checkpoint(PASSIVE)");
  } catch {
    /* not a local file, or busy: the next one will do */
  }
}
