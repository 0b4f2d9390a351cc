import { describe, expect, it } from "vitest";
import { buildClaims as build } from "../../utils/claims-build";

// One claim per proposition: the writer's sentence that joins two main clauses, each with a subject and a finite verb,
// gives two claims (claim.proposition); everything else stays one claim. Fictional outlets, places and people.
describe("claims split into propositions", () => {
  it("leaves a denial with the clause that holds it, the other clause asserted", () => {
    for (const [text, deniedText, assertedText] of [
      [
        "There is no evidence that the Tolvar pier was sold, and the harbour council met on Tuesday.",
        "There is no evidence that the Tolvar pier was sold",
        "the harbour council met on Tuesday.",
      ],
      [
        "The harbour council met on Tuesday, but there is no evidence that the Tolvar pier was sold.",
        "there is no evidence that the Tolvar pier was sold.",
        "The harbour council met on Tuesday",
      ],
    ]) {
      const claims = build(text!, []);
      expect(claims.map((c) => [c.text, c.stance])).toEqual(
        expect.arrayContaining([
          [deniedText, "denied"],
          [assertedText, "asserted"],
        ]),
      );
      expect(claims).toHaveLength(2);
      const asserted = claims.find((c) => c.stance === "asserted")!;
      expect(asserted.denial).toBeUndefined();
    }
  });

  it("splits main clauses joined by ', and' each with its own subject and verb, each with its own span", () => {
    const text =
      "Harbour master Elin Dravik resigned from the port board on Friday, and the council named Oskar Brenn as her successor.";
    const claims = build(text, []);
    expect(claims.map((c) => c.text)).toEqual([
      "Harbour master Elin Dravik resigned from the port board on Friday",
      "the council named Oskar Brenn as her successor.",
    ]);
    for (const c of claims) {
      expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
      expect(c.stance).toBe("asserted");
      expect(c.evidence).toContain("claim.proposition");
    }
    expect(claims[0]!.terms).toContain("resign");
    expect(claims[0]!.terms).not.toContain("successor");
    expect(claims[1]!.terms).toContain("successor");
  });

  it("splits at a semicolon and at ', but' and ', while' before a clause of its own ('while' stays with its clause)", () => {
    const semi = build("The ferry to Lanmere resumed service on Monday; the bridge stays closed until spring.", []);
    expect(semi.map((c) => c.text)).toEqual([
      "The ferry to Lanmere resumed service on Monday",
      "the bridge stays closed until spring.",
    ]);
    const but = build(
      "The Tolvar council approved the budget in March, but pressure has been mounting on its chair.",
      [],
    );
    expect(but.map((c) => c.text)).toEqual([
      "The Tolvar council approved the budget in March",
      "pressure has been mounting on its chair.",
    ]);
    const whilst = build(
      "The Korvel party gained four seats in the north, while the Marden party held the capital.",
      [],
    );
    expect(whilst.map((c) => c.text)).toEqual([
      "The Korvel party gained four seats in the north",
      "while the Marden party held the capital.",
    ]);
  });

  it("keeps one claim for a second predicate of the same subject, a list, and a relative clause", () => {
    for (const text of [
      "The Tolvar council picked up four seats in the north, and lost two in the capital last spring.",
      "Mayor Ansel Roke thanked his staff, his family, and the voters who elected him in the spring.",
      "Ansel Roke, the mayor who settled a harbour dispute last year, resigned from office on Friday.",
    ])
      expect(build(text, []).map((c) => c.text)).toEqual([text]);
  });

  it("leaves a speaker's words whole: the attribution's content is one claim", () => {
    const text = "Ilse Varga said the dock would reopen in May, and the ferries would run again by June.";
    const claims = build(text, [
      {
        source: "Ilse Varga",
        cue: "said",
        content: "the dock would reopen in May, and the ferries would run again by June",
        sourceKind: "official",
      },
    ]);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.rule).toBe("claim.attribution");
  });

  it("keeps a hedge with the clause that holds it: the other clause is asserted", () => {
    const claims = build(
      "The Lanmere pier reportedly lost its licence in March, and the harbour board met on Tuesday to discuss the pier.",
      [],
    );
    expect(claims.map((c) => [c.text, c.stance])).toEqual([
      ["The Lanmere pier reportedly lost its licence in March", "hedged"],
      ["the harbour board met on Tuesday to discuss the pier.", "asserted"],
    ]);
  });
});
