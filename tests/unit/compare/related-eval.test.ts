// BASIL dev (../shared/data): recall at 2 and MRR of related coverage, floored slightly below what was measured.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BASIL_IMPORT, evalRelated } from "../../../scripts/eval-related";

const present = existsSync(BASIL_IMPORT);
if (!present) console.warn(`related-eval: ${BASIL_IMPORT} is absent, so the BASIL related-coverage floors are skipped`);

describe.skipIf(!present)("related coverage on BASIL dev", () => {
  it("finds each article's two sister reports (measured: recall@2 1.00, MRR 1.00; ten times larger library: 1.00 / 1.00)", async () => {
    const r = (await evalRelated())!;
    console.log(
      `related: recall@2 ${r.recallAt2}, MRR ${r.mrr} on ${r.articles}; large library (${r.large.library}): recall@2 ${r.large.recallAt2}, MRR ${r.large.mrr}`,
    );
    expect(r.articles).toBe(150);
    expect(r.recallAt2).toBeGreaterThanOrEqual(0.99);
    expect(r.mrr).toBeGreaterThanOrEqual(0.99);
    expect(r.large.library).toBe(1500);
    expect(r.large.recallAt2).toBeGreaterThanOrEqual(0.98);
    expect(r.large.mrr).toBeGreaterThanOrEqual(0.98);
  }, 120_000);
});
