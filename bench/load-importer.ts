// A bulk importer for the crash test (tests/integration/crash.test.ts kills it mid-import): imports generated
// fictional variants through the models until SIGTERM (or --max-seconds), then prints {attempted, created,
// duplicates, errors, ids} as JSON on stdout. bench:load drives a real import job instead.
import { prepareDatabase } from "#db/prepare";
import { importArticle } from "#app/models/articles.server";
import { loadFixtureTexts, makeVariant } from "./lib/variants";

const args = process.argv.slice(2);
const maxSeconds = Number(args[args.indexOf("--max-seconds") + 1] ?? 60) || 60;
const runTag = args[args.indexOf("--tag") + 1] ?? "load";
const db = await prepareDatabase({ seed: false });
const fixtures = loadFixtureTexts();
let stop = false;
process.on("SIGTERM", () => (stop = true));
const until = Date.now() + maxSeconds * 1000;
const stats = {
  attempted: 0,
  created: 0,
  duplicates: 0,
  errors: 0,
  errorSamples: [] as string[],
  ids: [] as number[],
  ms: 0,
};
const t0 = Date.now();
for (let n = 0; !stop && Date.now() < until; n++) {
  const v = makeVariant(fixtures, n, runTag);
  stats.attempted++;
  try {
    const r = await importArticle(db, { ...v, origin: "bulk", fictional: true, language: "en" });
    if (r.status === "created") {
      stats.created++;
      stats.ids.push(r.article.id);
    } else stats.duplicates++;
  } catch (e) {
    stats.errors++;
    if (stats.errorSamples.length < 5) stats.errorSamples.push(e instanceof Error ? e.message : String(e));
  }
  // Yield so a SIGTERM is seen between imports.
  await new Promise((r) => setImmediate(r));
}
stats.ms = Date.now() - t0;
db.$client.close();
process.stdout.write(JSON.stringify(stats) + "\n");
