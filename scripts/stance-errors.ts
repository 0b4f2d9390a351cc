// Lists every stance error on the comparison gold's matched cells (gold stance, app stance, the app claim, its source
// and the gold evidence), matching cells to claims as ../shared/eval/comparison-eval.mjs does. For reading errors by
// class, not for tuning to single articles.   npx tsx scripts/stance-errors.ts [--all]
import { stanceGoldPresent, stanceOnGold } from "./lib/stance-gold";

if (!stanceGoldPresent()) {
  console.log("comparison gold absent: nothing to list");
  process.exit(0);
}
const all = process.argv.includes("--all");
const f = stanceOnGold();
const confusion: Record<string, number> = {};
for (const { article: n, claimId, claim, cell, app: best } of f.matched) {
  const key = `${cell.stance}->${best.stance}`;
  confusion[key] = (confusion[key] ?? 0) + 1;
  if (best.stance !== cell.stance || all)
    console.log(
      [
        `## ${n.slice(0, 8)}${n.slice(-7, -5)} ${claimId}: gold ${cell.stance} (${cell.source ?? "-"}) app ${best.stance} (${best.sourceName ?? "-"}) rule ${best.rule} [${best.evidence.join(" | ")}]`,
        `   claim: ${claim}`,
        `   gold : ${cell.evidence}`,
        `   app  : ${best.text.replace(/\s+/g, " ")}`,
      ].join("\n"),
    );
}
const matched = f.matched.length;
console.log(
  `\ncells ${f.cells}, matched ${matched} (${(matched / f.cells).toFixed(3)}), stance ok ${f.right} (${(f.right / matched).toFixed(3)}), denied ${f.deniedRight} of ${f.deniedMarked} marked`,
);
console.log(
  Object.entries(confusion)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", "),
);
