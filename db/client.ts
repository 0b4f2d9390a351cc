import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client, type Transaction, type TransactionMode } from "@libsql/client";
import { ConnectionPool } from "@libsql/client/sqlite3";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { SQLitePreparedQuery } from "drizzle-orm/sqlite-core/session";
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
  const proto = ConnectionPool.prototype as unknown as {
    acquireSync: (this: unknown, forTransaction?: boolean) => RawConnection;
  };
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
  const raw = createClient({ url, authToken: authToken || undefined, ...(isFile ? { timeout: BUSY_TIMEOUT_MS } : {}) });
  const client = reportStorageFailures(isFile ? serialiseWritesInProcess(raw) : raw);
  return drizzle(client, { schema, casing: "snake_case" }) as Db;
}

const WRITE_SQL = /^\s*(insert|update|delete|replace|create|drop|alter|with|vacuum|reindex|analyze)\b/i;

function sqlOf(stmt: unknown): string {
  return typeof stmt === "string"
    ? stmt
    : typeof (stmt as { sql?: unknown })?.sql === "string"
      ? (stmt as { sql: string }).sql
      : "";
}

/**
 * One writer at a time within this process. A local libSQL file is driven by synchronous calls: a write that meets
 * the lock of a transaction another request of this same process holds open (between two awaits) would block the
 * event loop that transaction needs to finish, for the whole busy timeout, then fail SQLITE_BUSY. So write
 * transactions hold an in-process lock until they end, and writes outside them take it for their one call; reads
 * (WAL) never wait. Other processes are still kept apart by SQLite's own lock and busy timeout.
 */
function serialiseWritesInProcess(client: Client): Client {
  let tail: Promise<void> = Promise.resolve();
  const lock = async (): Promise<() => void> => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((r) => (release = r));
    // Never wait forever (a write through the client from inside a transaction would): after the busy timeout the
    // write goes ahead and SQLite decides, as it would without this lock.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([previous, new Promise<void>((r) => (timer = setTimeout(r, BUSY_TIMEOUT_MS)))]);
    clearTimeout(timer);
    return release;
  };
  const locked = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, isWrite: (...args: A) => boolean) => {
    return async (...args: A): Promise<R> => {
      if (!isWrite(...args)) return fn(...args);
      const release = await lock();
      try {
        return await fn(...args);
      } finally {
        release();
      }
    };
  };
  const execute = client.execute.bind(client) as (...a: unknown[]) => Promise<unknown>;
  const batch = client.batch.bind(client) as (...a: unknown[]) => Promise<unknown>;
  const executeMultiple = client.executeMultiple.bind(client);
  const migrate = client.migrate.bind(client);
  const transaction = client.transaction.bind(client);
  const c = client as unknown as Record<string, unknown>;
  c.execute = locked(execute, (stmt: unknown) => WRITE_SQL.test(sqlOf(stmt)));
  c.batch = locked(batch, (_stmts: unknown, mode?: unknown) => mode !== "read");
  c.executeMultiple = locked(executeMultiple, () => true);
  c.migrate = locked(migrate, () => true);
  client.transaction = async (mode?: TransactionMode) => {
    if (mode === "read") return transaction(mode);
    const release = await lock();
    let tx: Transaction;
    try {
      tx = await transaction(mode);
    } catch (e) {
      release();
      throw e;
    }
    const t = tx as unknown as Record<string, unknown>;
    const end = (m: "commit" | "rollback" | "close", releaseOnError: boolean) => {
      const original = (t[m] as (...a: unknown[]) => unknown).bind(tx);
      t[m] = (...a: unknown[]) => {
        let out: unknown;
        try {
          out = original(...a);
        } catch (e) {
          if (releaseOnError) release();
          throw e;
        }
        if (out instanceof Promise)
          return out.then(
            (v: unknown) => (release(), v),
            (e: unknown) => {
              if (releaseOnError) release();
              throw e;
            },
          );
        release();
        return out;
      };
    };
    // A failed commit is followed by a rollback, which ends the transaction.
    end("commit", false);
    end("rollback", true);
    end("close", true);
    return tx;
  };
  return client;
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

export type StorageFailure = "full" | "readonly" | "io";

export const STORAGE_MESSAGES: Record<StorageFailure, string> = {
  full: "The database disk is full: nothing was saved. Free space and try again.",
  readonly:
    "The database cannot be written (its file or folder is read-only): nothing was saved. Ask whoever runs Parallax to make it writable, then try again.",
  io: "The database disk could not be written or read: nothing was saved. Check the disk (and its free space) and try again.",
};

/** Which storage failure an error from the database is (by SQLite's code, or the system's ENOSPC), if any. */
export function storageFailure(e: unknown): StorageFailure | null {
  for (let x = e, depth = 0; x && typeof x === "object" && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const { code, message } = x as { code?: unknown; message?: unknown };
    const text = `${typeof code === "string" ? code : ""} ${typeof message === "string" ? message : ""}`;
    if (/\bSQLITE_FULL\b|\bENOSPC\b|database or disk is full/.test(text)) return "full";
    if (/\bSQLITE_READONLY|\bEROFS\b|attempt to write a readonly database/.test(text)) return "readonly";
    if (/\bSQLITE_IOERR|disk I\/O error/.test(text)) return "io";
  }
  return null;
}

/** A write the storage refused (disk full, read-only, I/O error): its message says so plainly; shown with status 507. */
export class StorageError extends Error {
  readonly status = 507;
  constructor(
    readonly kind: StorageFailure,
    options?: { cause?: unknown },
  ) {
    super(STORAGE_MESSAGES[kind], options);
    this.name = "StorageError";
  }
}

// Shared through globalThis: the server script and the app's build each load their own copy of this module.
const scopeKey = Symbol.for("parallax.http-request-scope");
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<true> | undefined>;
const requestScope: AsyncLocalStorage<true> = (g[scopeKey] ??= new AsyncLocalStorage<true>());

/**
 * Runs `fn` as the handling of one web request: a storage failure inside it is thrown as a 507 Response, which
 * the app's routes show as the page's error (with its message), whatever route was writing. Elsewhere (CLI,
 * job worker) it is a StorageError.
 */
export function inHttpRequest<T>(fn: () => T): T {
  return requestScope.run(true, fn);
}

/** A translated refusal (by its brand: the server script and the app's build each have their own StorageError class). */
function isRefusal(e: unknown): boolean {
  return (
    (e instanceof Response && e.status === 507) ||
    (e instanceof Error && e.name === "StorageError" && (e as { status?: unknown }).status === 507)
  );
}

function translate(e: unknown): unknown {
  const kind = storageFailure(e);
  if (!kind || isRefusal(e)) return e;
  if (requestScope.getStore())
    return new Response(STORAGE_MESSAGES[kind], {
      status: 507,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new StorageError(kind, { cause: e });
}

function guard<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (e) {
      throw translate(e);
    }
  };
}

/**
 * drizzle wraps every failed query in an error carrying the whole statement and its parameters (an article's text):
 * a storage refusal is passed on as itself instead, to reach the page (or the CLI) as the plain message it is.
 */
function unwrapRefusalsFromDrizzle(): void {
  const flag = Symbol.for("parallax.drizzle-refusals");
  const proto = SQLitePreparedQuery.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[flag]) return;
  proto[flag] = true;
  const original = proto.queryWithCache as (...args: unknown[]) => Promise<unknown>;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (e) {
      const cause = (e as { cause?: unknown } | null)?.cause;
      throw isRefusal(cause) ? cause : e;
    }
  };
}

/** Every statement, batch and transaction step of the client reports storage failures as such (see `translate`). */
function reportStorageFailures(client: Client): Client {
  unwrapRefusalsFromDrizzle();
  const c = client as unknown as Record<string, unknown>;
  for (const m of ["execute", "batch", "executeMultiple", "migrate"] as const) {
    const original = c[m];
    if (typeof original === "function") c[m] = guard((original as (...a: unknown[]) => Promise<unknown>).bind(client));
  }
  const transaction = client.transaction.bind(client);
  client.transaction = guard(async (...args: Parameters<Client["transaction"]>) => {
    const tx = await transaction(...args);
    const t = tx as unknown as Record<string, unknown>;
    for (const m of ["execute", "batch", "executeMultiple", "commit"] as const) {
      const original = t[m];
      if (typeof original === "function") t[m] = guard((original as (...a: unknown[]) => Promise<unknown>).bind(tx));
    }
    return tx;
  });
  return client;
}
