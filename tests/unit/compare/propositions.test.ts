import { describe, expect, it } from "vitest";
import { splitPropositions, termsByClause } from "#app/compare/propositions";
import { alignClaims } from "#app/compare/claims-align";
import { textRangeSpans } from "#app/compare/compare";

const clauses = (t: string) => splitPropositions(t).map((p) => p.map((x) => t.slice(x.start, x.end)).join(" | "));

describe("clause-level propositions", () => {
  it("splits coordinated predicates, 'and that', semicolons and relative clauses, and keeps short pieces whole", () => {
    expect(clauses("Mara Quell sued the port and was paid 40,000 crowns from a city fund.")).toEqual([
      "Mara Quell sued the port",
      "was paid 40,000 crowns from a city fund.",
    ]);
    expect(clauses("Dorin Velasko said the vote was fair and that the count had been checked twice.")).toEqual([
      "Dorin Velasko said the vote was fair",
      "that the count had been checked twice.",
    ]);
    expect(clauses("The ferry sailed at dawn; the strike ended at noon.")).toEqual([
      "The ferry sailed at dawn",
      "the strike ended at noon.",
    ]);
    // The relative clause is its own proposition; the main clause runs on after its closing comma.
    expect(
      clauses(
        "Senator Ilse Varn, the Tolvar lawmaker who settled a claim in 2014, resigned from the council on Friday.",
      ),
    ).toEqual([
      "settled a claim in 2014",
      "Senator Ilse Varn, the Tolvar lawmaker | resigned from the council on Friday.",
    ]);
    // Coordinated nouns are no second predicate.
    expect(clauses("Officers seized the wrist and the neck of the man.")).toEqual([
      "Officers seized the wrist and the neck of the man.",
    ]);
  });

  it("gives each clause the terms its words carry, and a term found in none to every clause", () => {
    const t = "Mara Quell sued the port and was paid 40,000 crowns.";
    const ps = splitPropositions(t);
    // The name of the first clause is a participant of the second too: she was paid.
    expect(termsByClause(t, ps, ["@mara-quell", "sue", "port", "pay", "40000", "crown"])).toEqual([
      ["@mara-quell", "sue", "port", "pay"],
      ["pay", "40000", "crown", "@mara-quell"],
    ]);
  });

  it("gives a relative clause the name it describes, and only the names of the clause that opens the claim", () => {
    const t = "Ansel Roke, who is running for the Senate against Ilse Varn, faced questions on Tuesday.";
    const ps = splitPropositions(t);
    const ts = termsByClause(t, ps, ["@ansel-roke", "run", "senat", "@ilse-varn", "face", "question", "tuesday"]);
    expect(ps.map((p) => p.map((x) => t.slice(x.start, x.end)).join(" | "))).toEqual([
      "is running for the Senate against Ilse Varn",
      "Ansel Roke | faced questions on Tuesday.",
    ]);
    expect(ts[0]).toEqual(["run", "senat", "@ilse-varn", "@ansel-roke"]);
    expect(ts[1]).toEqual(["@ansel-roke", "face", "question", "tuesday"]);
  });

  it("maps a clause of a claim's text back to the article's spans across ' … ' pieces", () => {
    // Pieces "abc def" at 10–17 and "ghi jkl" at 40–47 read "abc def … ghi jkl".
    expect(
      textRangeSpans(
        [
          { start: 10, end: 17 },
          { start: 40, end: 47 },
        ],
        { start: 4, end: 17 },
      ),
    ).toEqual([
      { start: 14, end: 17 },
      { start: 40, end: 47 },
    ]);
  });
});

describe("paraphrase and the closest clause", () => {
  const c = (articleId: number, claimId: string, text: string, terms: string) => ({
    articleId,
    claimId,
    text,
    terms: terms.split(" "),
  });

  it("groups claims whose predicates are synonyms (quit / resigned) and says which words they share", () => {
    const groups = alignClaims([
      // Without the synonym set they share two terms (the name and "council"), one short of a link.
      c(1, "c1", "Ilse Varn quit the council on Friday.", "@ilse-varn quit council friday"),
      c(2, "c1", "Ilse Varn resigned from the council.", "@ilse-varn resign council"),
      c(2, "c2", "The ferry sailed at dawn.", "ferry sail dawn"),
    ]);
    const g = groups.find((x) => x.members.length === 2)!;
    expect(g.members.map((m) => `${m.articleId}${m.claimId}`).sort()).toEqual(["1c1", "2c1"]);
    const other = g.members.find((m) => m !== g.central)!;
    expect(other.shared).toEqual(expect.arrayContaining(["@ilse-varn", "council"]));
    expect(other.shared.some((t) => t === "quit" || t === "resign")).toBe(true);
  });

  it("does not group claims with the same participants and different known predicates (praised / criticised)", () => {
    const groups = alignClaims([
      c(1, "c1", "Ilse Varn praised the Tolvar council plan.", "@ilse-varn praiz @tolvar council plan"),
      c(2, "c1", "Ilse Varn criticised the Tolvar council plan.", "@ilse-varn criticiz @tolvar council plan"),
    ]);
    expect(groups).toHaveLength(2);
  });

  it("names the clause of the nearest claim in an article that is not in a group", () => {
    const groups = alignClaims([
      c(1, "c1", "Ilse Varn resigned from the council on Friday.", "@ilse-varn resign council friday"),
      c(2, "c1", "Ilse Varn resigned from the council after a vote.", "@ilse-varn resign council vote"),
      c(
        3,
        "c1",
        "The ferry sailed at dawn; Ilse Varn left the council on Friday.",
        "ferry sail dawn @ilse-varn leave council friday",
      ),
    ]);
    const g = groups.find((x) => x.members.length === 2)!;
    const near = g.closest.find((x) => x.articleId === 3)!;
    const text = "The ferry sailed at dawn; Ilse Varn left the council on Friday.";
    expect(near.clause.map((x) => text.slice(x.start, x.end)).join(" ")).toBe("Ilse Varn left the council on Friday.");
  });

  it("links two short claims that share two terms making up most of both, but not two long ones sharing two", () => {
    const groups = alignClaims([
      c(1, "c1", "that she had been fired after she complained", "fire complain"),
      c(2, "c1", "she was fired after complaining", "fire complain"),
      c(1, "c2", "The ferry sailed at dawn.", "ferry sail dawn"),
      c(2, "c2", "The harbour closed at noon.", "harbour close noon"),
      c(1, "c3", "x", "dock crane wage union strike fire complain"),
      c(2, "c3", "y", "school board budget vote teacher fire complain"),
    ]);
    const ids = groups.map((g) =>
      g.members
        .map((m) => `${m.articleId}${m.claimId}`)
        .sort()
        .join(","),
    );
    expect(ids).toContain("1c1,2c1");
    expect(ids).not.toContain("1c3,2c3");
  });
});
