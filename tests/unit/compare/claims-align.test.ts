import { describe, expect, it } from "vitest";
import { alignClaims, clauseLabel } from "#app/compare/claims-align";

const c = (articleId: number, claimId: string, text: string, terms: string) => ({
  articleId,
  claimId,
  text,
  terms: terms.split(" "),
});

describe("claim alignment", () => {
  it("groups claims of different articles sharing names, numbers and stems, and leaves others alone", () => {
    const groups = alignClaims([
      c(
        1,
        "c1",
        "The Korvath Front trained the cell that killed prosecutor Anton Braem.",
        "@korvath-front train cell kill prosecutor @anton-braem",
      ),
      c(
        2,
        "c1",
        "Prosecutor Anton Braem was killed by a cell trained by the Korvath Front, Tolvar says.",
        "prosecutor @anton-braem kill cell train @korvath-front",
      ),
      c(
        3,
        "c1",
        "Anton Braem's killers were trained by the Korvath Front.",
        "@anton-braem killer train @korvath-front",
      ),
      c(1, "c2", "The port reopened on 12 May.", "port reopen 12 may"),
      c(2, "c2", "Fishing boats left Saltmere at dawn.", "fish boat leave @saltmere dawn"),
    ]);
    const sizes = groups.map((g) =>
      g.members
        .map((m) => `${m.articleId}${m.claimId}`)
        .sort()
        .join(","),
    );
    expect(sizes).toEqual(["1c1,2c1,3c1", "1c2", "2c2"]);
    expect(groups[0]!.central.centrality).toBeGreaterThan(0.3);
  });

  it("keeps one claim per article in a group unless a claim is left alone", () => {
    const groups = alignClaims([
      c(1, "c1", "a", "@tolvar close border crossing"),
      c(1, "c2", "b", "@tolvar close border crossing friday"),
      c(2, "c1", "c", "@tolvar close border crossing"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => `${m.articleId}${m.claimId}`).sort()).toEqual(["1c1", "1c2", "2c1"]);
  });

  it("labels a group with its most central text cut at a clause boundary", () => {
    expect(
      clauseLabel(
        "The Korvath Front trained the cell that killed the prosecutor, officials in Tolvar said on Monday after a long inquiry.",
      ),
    ).toBe("The Korvath Front trained the cell that killed the prosecutor…");
    expect(clauseLabel("The port reopened on Monday.")).toBe("The port reopened on Monday.");
    expect(
      clauseLabel(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
      ).split(" "),
    ).toHaveLength(14);
  });

  it("is linear enough: 2,000 claims in well under a second", () => {
    const claims = Array.from({ length: 2000 }, (_, i) =>
      c(i % 10, `c${i}`, "x", `t${i % 97} t${i % 89} t${i % 83} @a${i % 7} ${i % 50}`),
    );
    const t0 = performance.now();
    alignClaims(claims);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
