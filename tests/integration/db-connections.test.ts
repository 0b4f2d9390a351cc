import path from "node:path";
import { describe, expect, test } from "vitest";
import { openDb, tuneDb } from "#db/client";
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
});
