// `npm run eval`: scores the sourcing engine on PolNeAR dev and train (shared script), with each rule's count
// and precision on train, the seed article's gold and the tutorial gold, runs the related-coverage evaluation
// when present, and writes app/analysis/eval-results.json for the methods page and the issues that follow.
import fs from "node:fs";
import path from "node:path";
import {
  EVAL_SCRIPT,
  POLNEAR_DIR,
  POLNEAR_TRAIN_DIR,
  SHARED,
  evalPolnear,
  perRulePolnear,
  scoreGoldArticle,
  type GoldAttribution,
  type PolnearFigures,
} from "./lib/sourcing-eval";
import { runLexicalEval } from "./lib/lexical-eval";

const pct = (x: number) => (100 * x).toFixed(1);

function printFigures(name: string, f: PolnearFigures): void {
  console.log(`${name} (${f.articles} articles, gold ${f.gold}, predicted ${f.predicted})`);
  console.log(
    `  content F1 @0.3 ${pct(f.contentF1At03)}  (P ${pct(f.precisionAt03)} R ${pct(f.recallAt03)})   @0.8 ${pct(f.contentF1At08)}`,
  );
  console.log(`  end-to-end F1 @0.3 ${pct(f.endToEndF1At03)}   @0.8 ${pct(f.endToEndF1At08)}`);
  console.log(`  source right on matched ${pct(f.sourceAccuracy)}%, cue right on matched ${pct(f.cueAccuracy)}%`);
  console.log(`  speed ${f.wordsPerSecond.toLocaleString("en")} words/s (tokenising included)`);
}

async function main(): Promise<number> {
  const results: Record<string, unknown> = { date: new Date().toISOString() };

  if (fs.existsSync(POLNEAR_DIR) && fs.existsSync(EVAL_SCRIPT)) {
    console.error("PolNeAR dev: analysing…");
    const f = evalPolnear();
    printFigures("PolNeAR dev", f);
    results.polnearDev = f;
  } else {
    console.log("PolNeAR dev: skipped (../shared/data/polnear-dev or the shared eval script is absent)");
  }

  if (fs.existsSync(POLNEAR_TRAIN_DIR) && fs.existsSync(EVAL_SCRIPT)) {
    console.error("PolNeAR train: analysing…");
    const f = evalPolnear(POLNEAR_TRAIN_DIR);
    printFigures("PolNeAR train", f);
    results.polnearTrain = f;
    // Each rule's attributions scored alone: how many it makes and how many of them are right (overlap 0.3).
    console.error("PolNeAR train: scoring each rule…");
    const rules = perRulePolnear(POLNEAR_TRAIN_DIR);
    console.log("  per rule on PolNeAR train (count, precision at content overlap 0.3):");
    for (const r of rules)
      console.log(
        `    ${r.rule.padEnd(30)} ${String(r.count).padStart(6)}  ${r.precisionAt03 === null ? "   –" : pct(r.precisionAt03).padStart(5)}`,
      );
    results.perRuleTrain = rules;
  } else {
    console.log("PolNeAR train: skipped (../shared/data/polnear-train or the shared eval script is absent)");
  }

  const seedText = path.join(SHARED, "corpus/seed-article.txt");
  const seedGold = path.join(SHARED, "gold/seed-article.gold.json");
  if (fs.existsSync(seedText) && fs.existsSync(seedGold)) {
    const gold = JSON.parse(fs.readFileSync(seedGold, "utf8")) as { attributions: GoldAttribution[] };
    const s = scoreGoldArticle(fs.readFileSync(seedText, "utf8"), gold.attributions);
    console.log(`seed: ${s.foundWithSource} of ${s.total} found with right source (${s.found} found)`);
    for (const m of s.misses) console.log(`  ${m}`);
    results.seed = { total: s.total, found: s.found, foundWithSource: s.foundWithSource };
  } else {
    console.log("seed: skipped (../shared/corpus or ../shared/gold is absent)");
  }

  const tutorialGold = path.resolve("tests/fixtures/tutorial.gold.json");
  if (fs.existsSync(tutorialGold)) {
    const g = JSON.parse(fs.readFileSync(tutorialGold, "utf8")) as {
      articles?: { article: string; attributions: GoldAttribution[] }[];
      attributions?: GoldAttribution[];
      article?: string;
    };
    const arts = g.articles ?? (g.attributions ? [{ article: g.article ?? "", attributions: g.attributions }] : []);
    let total = 0;
    let found = 0;
    let withSource = 0;
    for (const a of arts) {
      const file = [path.resolve("app/demo/tutorial", a.article), path.resolve("tests/fixtures", a.article)].find((p) =>
        fs.existsSync(p),
      );
      if (!file) {
        console.log(`tutorial: ${a.article} not found, skipped`);
        continue;
      }
      const s = scoreGoldArticle(fs.readFileSync(file, "utf8"), a.attributions);
      total += s.total;
      found += s.found;
      withSource += s.foundWithSource;
      for (const m of s.misses) console.log(`  ${a.article} ${m}`);
    }
    console.log(`tutorial: ${withSource} of ${total} found with right source (${found} found)`);
    results.tutorial = { total, found, foundWithSource: withSource };
  }

  results.lexicalBias = runLexicalEval();

  const related = path.resolve("scripts/eval-related.ts");
  if (fs.existsSync(related)) {
    try {
      const mod = (await import(related)) as { evalRelated?: () => Promise<unknown> | unknown };
      if (typeof mod.evalRelated === "function") {
        const r = await mod.evalRelated();
        console.log("related coverage:", typeof r === "string" ? r : JSON.stringify(r, null, 1));
        results.related = r;
      }
    } catch (e) {
      console.log(`related coverage: failed (${(e as Error).message})`);
    }
  }

  results.comparison = await (await import("./lib/comparison-eval")).runComparisonEval();
  fs.writeFileSync(path.resolve("app/analysis/eval-results.json"), JSON.stringify(results, null, 1) + "\n");
  console.error("wrote app/analysis/eval-results.json");
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
