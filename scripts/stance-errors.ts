// Lists every stance error on the comparison gold's matched cells (gold stance, app stance, the app claim, its source
// and the gold evidence), matching cells to claims as ../shared/eval/comparison-eval.mjs does. For reading errors by
// class, not for tuning to single articles.   npx tsx scripts/stance-errors.ts [--all] [--json]
import fs from "node:fs";
import path from "node:path";
import { analyse } from "#app/analysis/index";
import { COMPARISON_GOLD_DIR, COMPARISON_IMPORT_DIR, evidenceOverlap } from "./lib/comparison-eval";

interface Cell {
  present: boolean;
  stance?: string;
  source?: string | null;
  evidence?: string;
}

if (!fs.existsSync(COMPARISON_GOLD_DIR) || !fs.existsSync(COMPARISON_IMPORT_DIR)) {
  console.log("comparison gold absent: nothing to list");
  process.exit(0);
}
const all = process.argv.includes("--all");
let cells = 0;
let matched = 0;
let ok = 0;
const confusion: Record<string, number> = {};
for (const f of fs
  .readdirSync(COMPARISON_GOLD_DIR)
  .filter((x) => x.endsWith(".gold.json"))
  .sort()) {
  const gold = JSON.parse(fs.readFileSync(path.join(COMPARISON_GOLD_DIR, f), "utf8")) as {
    articles: Record<string, unknown>;
    claims: { id: string; claim: string; cells: Record<string, Cell> }[];
  };
  for (const n of Object.keys(gold.articles)) {
    const imp = JSON.parse(fs.readFileSync(path.join(COMPARISON_IMPORT_DIR, n), "utf8")) as {
      title?: string;
      text: string;
    };
    const a = analyse(imp.text, { title: imp.title ?? null });
    for (const k of gold.claims) {
      const cell = k.cells[n];
      if (!cell?.present) continue;
      cells++;
      let best = null;
      let bestScore = 0;
      for (const c of a.claims) {
        const s = evidenceOverlap(cell.evidence ?? "", c.text);
        if (s > bestScore) [best, bestScore] = [c, s];
      }
      if (!best || bestScore < 0.5) continue;
      matched++;
      const key = `${cell.stance}->${best.stance}`;
      confusion[key] = (confusion[key] ?? 0) + 1;
      if (best.stance === cell.stance) ok++;
      if (best.stance !== cell.stance || all)
        console.log(
          [
            `## ${n.slice(0, 8)}${n.slice(-7, -5)} ${k.id}: gold ${cell.stance} (${cell.source ?? "-"}) app ${best.stance} (${best.sourceName ?? "-"}) rule ${best.rule} [${best.evidence.join(" | ")}]`,
            `   claim: ${k.claim}`,
            `   gold : ${cell.evidence}`,
            `   app  : ${best.text.replace(/\s+/g, " ")}`,
          ].join("\n"),
        );
    }
  }
}
console.log(
  `\ncells ${cells}, matched ${matched} (${(matched / cells).toFixed(3)}), stance ok ${ok} (${(ok / matched).toFixed(3)})`,
);
console.log(
  Object.entries(confusion)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", "),
);
