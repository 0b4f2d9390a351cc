// Rewrites tests/fixtures/golden/sourcing.json from the engine as it is (`--write`), or says whether it
// still matches. Rewrite only for a change meant to alter what the engine finds, and bump the revision.
import fs from "node:fs";
import { GOLDEN_FILE, buildGolden } from "#tests/utils/sourcing-golden";
import { ENGINE_REVISION } from "#app/analysis/attribution/version";

const now = { revision: ENGINE_REVISION, texts: buildGolden() };
if (process.argv.includes("--write")) {
  fs.writeFileSync(GOLDEN_FILE, JSON.stringify(now, null, 1) + "\n");
  console.log(`wrote ${GOLDEN_FILE} (revision ${ENGINE_REVISION})`);
} else {
  const old = JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) as typeof now;
  const same = JSON.stringify(old.texts) === JSON.stringify(now.texts);
  console.log(same ? "golden snapshot unchanged" : "golden snapshot differs");
  process.exitCode = same ? 0 : 1;
}
