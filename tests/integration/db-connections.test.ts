import path from "node:path";
import { describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { BUSY_TIMEOUT_MS, openDb, tuneDb } from "#db/client";
import { removeDb, ROOT } from "#tests/setup/server";

describe("database settings on every connection", () => {
  test("a connection opened while another is busy has the busy timeout and synchronous level too", async () => {
    const file = path.join(ROOT, `tests/.tmp/connections-${process.pid}.db`);
    removeDb(file);
    const db = openDb(`file:${file}`);
    try {
      await tuneDb(db, `file:${file}`);
      // A transaction holds the first connection, so these statements run on others, opened now.
      const tx = await db.$client.transaction("write");
      const [busy, sync, mode] = await Promise.all([
        db.$client.execute("PRAGMA busy_timeout"),
        db.$client.execute("PRAGMA synchronous"),
        db.$client.execute("PRAGMA journal_mode"),
      ]);
      const inTx = await tx.execute("PRAGMA busy_timeout");
      await tx.rollback();
      expect(Number(Object.values(busy.rows[0]!)[0])).toBeGreaterThanOrEqual(5000);
      expect(Number(Object.values(inTx.rows[0]!)[0])).toBeGreaterThanOrEqual(5000);
      expect(Number(Object.values(sync.rows[0]!)[0])).toBe(1); // NORMAL
      expect(Object.values(mode.rows[0]!)[0]).toBe("wal");
    } finally {
      db.$client.close();
      removeDb(file);
    }
  });

  test("in one process, a write waits for another request's open transaction instead of failing SQLITE_BUSY", async () => {
    const file = path.join(ROOT, `tests/.tmp/connections-tx-${process.pid}.db`);
    removeDb(file);
    const db = openDb(`file:${file}`);
    try {
      await tuneDb(db, `file:${file}`);
      await db.$client.execute("create table t (n integer)");
      const t0 = Date.now();
      // A transaction that yields between its statements, as a request's does while it awaits.
      const slow = db.transaction(async (tx) => {
        await tx.run(sql`insert into t values (1)`);
        await new Promise((r) => setTimeout(r, 200));
        await tx.run(sql`insert into t values (2)`);
      });
      await new Promise((r) => setTimeout(r, 50));
      // Meanwhile another request writes outside any transaction, and a third opens its own.
      const plain = db.$client.execute("insert into t values (3)");
      const other = db.transaction(async (tx) => void (await tx.run(sql`insert into t values (4)`)));
      await Promise.all([slow, plain, other]);
      expect(Date.now() - t0).toBeLessThan(BUSY_TIMEOUT_MS);
      const rows = await db.$client.execute("select n from t order by rowid");
      expect(rows.rows.map((r) => Number(r[0]))).toEqual([1, 2, 3, 4]);
    } finally {
      db.$client.close();
      removeDb(file);
    }
  });
});
