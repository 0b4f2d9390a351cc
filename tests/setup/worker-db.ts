import fs from "node:fs";
import { afterAll, inject } from "vitest";

// Each test file gets its own copy of the migrated base database, named by worker and file.
const base = inject("baseDbPath");
const file = base.replace(
  /base-(\d+)\.db$/,
  `w${process.env.VITEST_POOL_ID ?? "0"}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}-$1.db`,
);
fs.copyFileSync(base, file);
process.env.DATABASE_URL = `file:${file}`;
globalThis.__parallaxDb = undefined;

afterAll(() => {
  globalThis.__parallaxDb?.db.$client.close();
  globalThis.__parallaxDb = undefined;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
});
