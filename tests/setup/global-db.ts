import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDb, tuneDb } from "#db/client";
import { migrateDb } from "#db/migrate";

// One migrated base database; each worker copies it (the Epic Stack's idea): real files, never :memory:.
export const TMP_DIR = path.resolve("tests/.tmp");

export default async function setup(project: TestProject) {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const base = path.join(TMP_DIR, `base-${process.pid}.db`);
  for (const f of [base, `${base}-wal`, `${base}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(`file:${base}`);
  await tuneDb(db, `file:${base}`);
  await migrateDb(db);
  await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  db.$client.close();
  project.provide("baseDbPath", base);
  return () => {
    for (const f of fs.readdirSync(TMP_DIR))
      if (f.includes(`-${process.pid}`)) fs.rmSync(path.join(TMP_DIR, f), { force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDbPath: string;
  }
}
