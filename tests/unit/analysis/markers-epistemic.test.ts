// Epistemic adverbs and adjectives added to the hedge and booster lists (hedges-boosters.json 2.1): hearsay and
// possibility hedges, certainty boosters; counted for the writer or for the speaker they quote. Fictional texts.
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import hb from "#app/analysis/lexicons/hedges-boosters.json";

function marks(text: string, type: "hedge" | "booster") {
  return analyse(text)
    .markers.filter((m) => m.type === type)
    .map((m) => [text.slice(m.span.start, m.span.end), m.voice]);
}

describe("epistemic hedges and boosters", () => {
  it("counts hearsay and possibility hedges in the writer's voice", () => {
    expect(
      marks("The reputedly wealthy trader, a purported witness to the fire, plausibly left Dunmore early.", "hedge"),
    ).toEqual([
      ["reputedly", "writer"],
      ["purported", "writer"],
      ["plausibly", "writer"],
    ]);
  });

  it("counts certainty boosters, and gives a quoted one to its speaker", () => {
    expect(
      marks("The ledger is patently forged and doubtless incomplete; the loss is demonstrably larger.", "booster"),
    ).toEqual([
      ["patently", "writer"],
      ["doubtless", "writer"],
      ["demonstrably", "writer"],
    ]);
    expect(marks('"The charge is manifestly false," Mayor Ilsa Brandt said on Monday.', "booster")).toEqual([
      ["manifestly", "quoted"],
    ]);
  });

  it("keeps the hearsay adverbs together", () => {
    const family = hb.mirrorFamilies.find((f) => f.family === "hearsay adverbs")!;
    expect(family.members).toContain("reputedly");
    const hedges = new Set(hb.entries.hedge.map((e) => e.term));
    for (const m of family.members) expect(hedges.has(m), m).toBe(true);
  });
});
