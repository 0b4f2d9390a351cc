// For speed work that must not change what the analysis says: writes the whole analyse() output of every text in
// ../shared/data/polnear-dev and basil-dev, the test fixtures and the demo, one JSON line per text. Run it before
// and after a change and compare the two files byte for byte (`cmp before.jsonl after.jsonl`). Measuring only:
// nothing from ../shared/data is kept in the repo.
import fs from "node:fs";
import path from "node:path";
import { analyse } from "#app/analysis/index";

const out = process.argv[2];
if (!out) {
  console.error("usage: npx tsx scripts/analysis-identity.ts OUT.jsonl");
  process.exit(2);
}
const texts: { name: string; text: string; title?: string }[] = [];
const polnear = "../shared/data/polnear-dev/text";
const basil = "../shared/data/basil-dev/import";
if (!fs.existsSync(polnear) || !fs.existsSync(basil))
  console.warn("../shared/data is absent: only the repo's own texts are analysed");
if (fs.existsSync(polnear))
  for (const f of fs.readdirSync(polnear).sort())
    texts.push({ name: f, text: fs.readFileSync(path.join(polnear, f), "utf8") });
if (fs.existsSync(basil))
  for (const f of fs.readdirSync(basil).sort()) {
    const j = JSON.parse(fs.readFileSync(path.join(basil, f), "utf8")) as { text: string; title?: string };
    texts.push({ name: f, text: j.text, title: j.title });
  }
for (const d of ["tests/fixtures/articles", "app/demo", "app/demo/tutorial"])
  for (const f of fs
    .readdirSync(d)
    .filter((x) => x.endsWith(".txt"))
    .sort())
    texts.push({ name: `${d}/${f}`, text: fs.readFileSync(path.join(d, f), "utf8"), title: f });
fs.writeFileSync(
  out,
  texts.map((t) => JSON.stringify({ name: t.name, analysis: analyse(t.text, { title: t.title }) })).join("\n") + "\n",
);
console.log(`${texts.length} analyses written to ${out}`);
