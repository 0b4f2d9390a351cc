import { describe, expect, test } from "vitest";
import { tokenize } from "#app/analysis/nlp";

const sig = (t: string) =>
  tokenize(t)
    .tokens.map((x) => `${x.start}-${x.end}:${x.value}:${x.pos}:${x.sentence}`)
    .join("|");

describe("tokenising is deterministic", () => {
  test("the same text gives the same tokens whatever the process read before", () => {
    const text =
      "Mayor Ilse Varga's office said on Monday that Varga's plan would go ahead.\n\nThe council's vote is next week.";
    const first = sig(text);
    // wink-nlp learns words as it reads: feed it possessives in other contexts first.
    tokenize(
      "Varga's aides met Varga's rivals; the council's clerk read the council's minutes. Varga's, council's, office's.",
    );
    expect(sig(text)).toBe(first);
    const poss = tokenize(text).tokens.filter((t) => t.value === "'s");
    expect(poss).toHaveLength(3);
    expect(poss.every((t) => t.pos === "PART")).toBe(true);
  });
});
