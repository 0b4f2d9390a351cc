// `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line).
// Each prints its own figures beside a baseline measured in the same run; nothing here asserts.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

console.log(`Parallax benchmarks · node ${process.version} · ${new Date().toISOString()}`);
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { bench?: () => Promise<void> };
  if (typeof mod.bench !== "function") {
    console.log(`(no bench() exported)`);
    continue;
  }
  const t = performance.now();
  await mod.bench();
  console.log(`(${f} took ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
