// The loose "does the focal article carry it in any form" check behind the list of claims the focal article lacks
// (app/compare/omissions.ts). Fictional texts.
import { describe, expect, it } from "vitest";
import { CARRY_FLOOR, carryIndex, carryTerms, nearestCarrier } from "#app/compare/omissions";

const sentence = (text: string, claimId: string | null = null) => ({
  spans: [{ start: 0, end: text.length }],
  text,
  claimId,
});

describe("carryTerms", () => {
  it("keeps stems, names and numbers; one predicate synonym set counts as one word", () => {
    const a = carryTerms("Councillor Vema Orrin resigned from the harbour board after a $12,500 payment.");
    expect(a).toContain("12500");
    expect(a).toContain("orrin");
    expect(a).not.toContain("the");
    const b = carryTerms("Orrin quit the harbour board.");
    expect(a.filter((t) => b.includes(t)).sort()).toEqual(
      ["board", "harbour", "orrin", carryTerms("resigned")[0]].sort(),
    );
  });

  it("leaves out reporting words and days, which carry no proposition", () => {
    expect(carryTerms("She said on Monday")).toEqual([]);
  });
});

describe("nearestCarrier", () => {
  const member = "Vema Orrin resigned from the harbour board on Monday; the ferry timetable was cut.";
  const focal = [
    sentence("The harbour board met on Tuesday to discuss dredging.", "c1"),
    sentence("Vema Orrin quit the harbour board, her office confirmed.", null),
    sentence("Ferry passengers complained about the queues.", "c3"),
  ];

  it("finds the sentence carrying one clause of a member in other words, even one that is not a claim", () => {
    const near = nearestCarrier([member], carryIndex(focal))!;
    expect(near.sentence.text).toBe("Vema Orrin quit the harbour board, her office confirmed.");
    expect(near.sentence.claimId).toBeNull();
    expect(near.clause).toMatch(/^Vema Orrin resigned from the harbour board on Monday\b/);
    expect(near.containment).toBeGreaterThanOrEqual(CARRY_FLOOR);
  });

  it("gives a low share when the focal sentence shares only the topic", () => {
    const near = nearestCarrier([member], carryIndex([focal[0]!, focal[2]!]))!;
    expect(near.containment).toBeLessThan(CARRY_FLOOR);
  });

  it("is null when no sentence shares a word", () => {
    expect(nearestCarrier([member], carryIndex([sentence("Rain is expected later.")]))).toBeNull();
  });

  it("reads the same whichever side's actor is named (swapped actors, same share)", () => {
    const a = nearestCarrier(
      ["The Northern League accused the Southern Front of shelling the depot."],
      carryIndex([sentence("The Southern Front was accused of shelling the depot by the Northern League.")]),
    )!;
    const b = nearestCarrier(
      ["The Southern Front accused the Northern League of shelling the depot."],
      carryIndex([sentence("The Northern League was accused of shelling the depot by the Southern Front.")]),
    )!;
    expect(a.containment).toBe(b.containment);
  });
});
