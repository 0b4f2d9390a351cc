// Kinds grounded in what the text says about a source (issue 12, point 5), and one source per person (point 3).
// Fictional names throughout; each case is a class of construction, not an article.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";

function sourceOf(text: string, name: string) {
  const r = analyseSourcing(text);
  const hits = r.sources.filter((s) => s.name.includes(name));
  return { hits, all: r.sources };
}

describe("source kinds from the text", () => {
  it("an appositive after the name is the description, not part of the name", () => {
    const { hits } = sourceOf(
      "Larry Venn, a former head of investigations for the Kestrel police, said the search was thorough.",
      "Venn",
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]!.name).toBe("Larry Venn");
    expect(hits[0]!.named).toBe(true);
    expect(hits[0]!.kind).toBe("expert");
    expect(hits[0]!.kindEvidence.join(" ")).toMatch(/former/);
  });

  it("a description before the name ('the mayor of Tarnby, Dawn Holl') names the source", () => {
    const { hits } = sourceOf("On Saturday, the mayor of Tarnby, Dawn Holl, said the bridge would reopen.", "Holl");
    expect(hits[0]!.name).toBe("Dawn Holl");
    expect(hits[0]!.kind).toBe("official");
  });

  it("'Mr. Roe' and 'Jane Roe' are one source, and the courtesy title is not part of the name", () => {
    const text =
      'Representative Jane Roe said the bill was flawed. Later, Mr. Roe said he would vote against it. "It is rushed," Mr. Roe said.';
    const { hits } = sourceOf(text, "Roe");
    expect(hits).toHaveLength(1);
    expect(hits[0]!.kind).toBe("politician");
  });

  it("a spokesman for a party speaks for a politician; a union secretary for civil society", () => {
    expect(
      sourceOf("Brad Ollen, a spokesman for the Kestrel Labour Party, said the vote was fair.", "Ollen").hits[0]!.kind,
    ).toBe("politician");
    expect(sourceOf('"We will strike," union secretary Ilse Varga told reporters.', "Varga").hits[0]!.kind).toBe(
      "civil_society",
    );
  });

  it("a lawyer for a client is other; a former mayor is a politician", () => {
    expect(
      sourceOf("Mark Tiller, the attorney representing the Holl campaign, said the claim was baseless.", "Tiller")
        .hits[0]!.kind,
    ).toBe("other");
    expect(sourceOf("Ada Pell, a former mayor of Tarnby, said the plan would fail.", "Pell").hits[0]!.kind).toBe(
      "politician",
    );
  });

  it("an age alone marks a private person; no description at all gives no guessed kind", () => {
    expect(sourceOf("Jon Sarrow, 45, said the water smelled of solvent.", "Sarrow").hits[0]!.kind).toBe(
      "ordinary_person",
    );
    const none = sourceOf("Jon Sarrow said the water smelled of solvent.", "Sarrow").hits[0]!;
    expect(none.kind).toBe("other");
    expect(none.kindEvidence.join(" ")).toMatch(/no title or gazetteer entry/);
  });

  it("a capitalised document word inside a name is a name ('Bill')", () => {
    const { hits } = sourceOf("Weekly Courier Editor Bill Marrow said the report was accurate.", "Marrow");
    expect(hits[0]!.name).toBe("Bill Marrow");
    expect(hits[0]!.kind).toBe("media");
  });

  it("the same construction gets the same kind whichever side the actor is on", () => {
    const a = sourceOf("Omar Dahl, a spokesman for the Israeli military, said the strike hit a depot.", "Dahl");
    const b = sourceOf("Omar Dahl, a spokesman for the Hamas armed wing, said the strike hit a depot.", "Dahl");
    expect(a.hits[0]!.kind).toBe("official");
    expect(b.hits[0]!.kind).not.toBe("other");
  });
});
