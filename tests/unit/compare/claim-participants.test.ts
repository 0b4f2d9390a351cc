// A writer's claim that names its person only by "he"/"she" takes the person named just before it as a participant
// for alignment (fictional texts; names swapped must give the same result).
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import { pronounParticipants } from "#app/compare/claim-participants";
import { compareArticles, type CompareInput } from "#app/compare/compare";

const ONE_PERSON = (p: string, place: string) =>
  `Senator ${p} of ${place} arrived in the capital on Monday. He resigned from the Senate on Friday after a long dispute over the budget.`;

describe("pronounParticipants", () => {
  it("resolves an opening 'He' to the one person named just before", () => {
    for (const [p, place] of [
      ["Kell Ardmore", "Varnia"],
      ["Odile Fenn", "Tolvaria"],
    ] as const) {
      const a = analyse(ONE_PERSON(p, place), { title: null });
      const got = pronounParticipants(a);
      const c = a.claims.find((x) => x.text.startsWith("He resigned"))!;
      expect(got.get(c.id)).toMatch(new RegExp(p.toLowerCase().replace(" ", "-")));
    }
  });

  it("takes no one when two persons are named just before, and never a body or a place", () => {
    const two = analyse(
      "Senator Kell Ardmore met Mayor Odile Fenn in the capital on Monday. He resigned from the Senate on Friday after a long dispute over the budget.",
      { title: null },
    );
    expect(pronounParticipants(two).size).toBe(0);
    const body = analyse(
      "The Varnian Senate met in the capital on Monday. He resigned from the chamber on Friday after a long dispute over the budget.",
      { title: null },
    );
    expect(pronounParticipants(body).size).toBe(0);
  });

  it("lets the pronoun claim share its participant with the named claim of another article", () => {
    const texts = [
      "Senator Kell Ardmore of Varnia arrived in the capital on Monday. He resigned from the Senate on Friday after a long dispute over the budget.",
      "Kell Ardmore resigned from the Senate on Friday, ending a long dispute over the budget of Varnia.",
    ];
    const inputs: CompareInput[] = texts.map((text, i) => ({
      id: i + 1,
      title: `t${i}`,
      outlet: null,
      url: null,
      published: null,
      analysis: analyse(text, { title: null }),
      text,
    }));
    const cmp = compareArticles(inputs, { focalId: 1 });
    const g = cmp.claimGroups.find((x) => x.cells.some((c) => c.text.startsWith("He resigned")))!;
    expect(g.articles).toEqual([1, 2]);
    expect(g.cells.flatMap((c) => c.sharedWithCentral).join(" ")).toMatch(/Ardmore/);
  });
});
