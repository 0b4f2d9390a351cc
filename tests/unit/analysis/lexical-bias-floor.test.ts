// Word choice against BASIL's lexical-bias annotations (dev half, writer's voice), scored by the shared script.
// Floors only go up. Measured when written: span recall 0.421, sentence F1 0.265, loaded alone sentence P 0.240.
import { describe, expect, it } from "vitest";
import { evalLexicalBias, haveBasil } from "../../../scripts/lib/lexical-eval";

const present = haveBasil();
if (!present)
  console.warn(
    "lexical-bias-floor: ../shared/data/basil-dev or ../shared/eval/lexical-bias-eval.mjs is absent, so this check is skipped",
  );

describe.skipIf(!present)("BASIL dev lexical bias (writer's voice)", () => {
  it("finds at least 40% of the annotated spans, sentence F1 at least 0.25, loaded terms alone at sentence precision 0.20", () => {
    const f = evalLexicalBias();
    console.log(
      `lexical bias: span recall ${f.all.spanRecall}, sentence F1 ${f.all.sentence.f1}; loaded P ${f.loaded.sentence.precision}`,
    );
    expect(f.all.files).toBeGreaterThanOrEqual(100);
    expect(f.all.spanRecall).toBeGreaterThanOrEqual(0.4);
    expect(f.all.sentence.f1).toBeGreaterThanOrEqual(0.25);
    expect(f.loaded.sentence.precision).toBeGreaterThanOrEqual(0.2);
  }, 180_000);
});
