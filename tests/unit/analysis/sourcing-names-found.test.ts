// Named sources the engine used to miss (issue 12's names target): a name whose description holds a relative clause
// naming someone else, a capitalised possessive inside a name, a cue the tagger reads as a noun after ", which", a
// possessive pronoun with its person, a participle after "with", a campaign called after its principal, a speaker set
// member named after “with some – including”, and the kinds these sources get. Fictional texts.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";

function run(text: string) {
  const r = analyseSourcing(text);
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  return r.attributions.map((a) => {
    const s = a.sourceKey ? byKey.get(a.sourceKey) : undefined;
    return {
      rule: a.rule,
      source: a.source ? text.slice(a.source.start, a.source.end) : null,
      content: a.content.map((c) => text.slice(c.start, c.end)).join(" … "),
      name: s?.name ?? null,
      named: s?.named ?? null,
      kind: s?.kind ?? null,
    };
  });
}

describe("the speaker of a long description", () => {
  it("a name inside the description's relative clause is not the speaker; the name the clause describes is", () => {
    const atts = run(
      'Ann Roe, a retired FBI profiler who, in 1996, helped catch "Tarnbomber" Ivo Marr -- who injured 23 people ' +
        "between 1978 and 1995 -- told the Ledger on Wednesday that the letter reminded her of his.",
    );
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({ name: "Ann Roe", named: true, content: "that the letter reminded her of his" });
  });

  it("a retired member of a state body, presented for what they know, is an expert", () => {
    const atts = run("Ann Roe, a retired FBI profiler, said the letter looked staged.");
    expect(atts[0]).toMatchObject({ name: "Ann Roe", kind: "expert" });
    expect(run("Ann Roe, an FBI profiler, said the letter looked staged.")[0]).toMatchObject({ kind: "official" });
  });
});

describe("names the tagger breaks", () => {
  it("a capitalised possessive and a surname read as a verb stay inside the name", () => {
    const atts = run("“We did not know,” Rev. Ann Hopping of Our Lady of Tarn, told the Ledger.");
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({ name: "Ann Hopping", named: true, kind: "civil_society" });
  });

  it("a lower-case possessive still ends the phrase", () => {
    const atts = run("“We did not know,” her sister told the Ledger.");
    expect(atts[0]?.source).toBe("her sister");
  });
});

describe("a legal text after “, which”", () => {
  it("“which states” read as a determiner and a noun is still a cue, and the legal text is a named document", () => {
    const atts = run(
      "To win, Mr. Vass would have to get around the Tarn Charter, which states, “All persons born here are citizens.”",
    );
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({
      source: "the Tarn Charter",
      content: "“All persons born here are citizens.”",
      named: true,
      kind: "document",
    });
  });

  it("a noun after “, which” with no clause after it is no cue", () => {
    expect(run("The board kept the plan, which plans it chose.")).toEqual([]);
  });
});

describe("a possessive pronoun finds its person", () => {
  it("“voiced her support” in the sentence that names her", () => {
    const atts = run("Vice President Ann Roe voiced her support of the plan on Thursday at a convention.");
    expect(atts[0]).toMatchObject({ source: "her", name: "Ann Roe", named: true, kind: "official" });
  });

  it("“his” takes a man, not the woman named nearer", () => {
    const atts = run("Ivo Marr met Ann Roe on Friday. Later he voiced his support of the plan.");
    expect(atts.find((a) => a.source === "his")).toMatchObject({ name: "Ivo Marr" });
  });
});

describe("a participle after “with” and a campaign named after its principal", () => {
  it("the phrase after “with” is the participle's subject", () => {
    const atts = run("The two have been at odds for months, with critics saying that the plan fails.");
    expect(atts[0]).toMatchObject({ rule: "indirect.participle", source: "critics", content: "that the plan fails" });
  });

  it("“Marr’s team” is named, and political when Marr is", () => {
    const atts = run(
      "Sen. Ivo Marr said he would run. Roe and Marr have been at odds, with Marr’s team long accusing her of lying.",
    );
    expect(atts[1]).toMatchObject({ source: "Marr’s team", name: "Marr’s team", named: true, kind: "politician" });
  });

  it("a team called after a private person keeps its own kind", () => {
    const atts = run("Ann Roe, 45, bakes bread. The shop stayed open, with Roe’s team saying that demand was high.");
    expect(atts.find((a) => a.source === "Roe’s team")).toMatchObject({ named: true, kind: "other" });
  });
});

describe("a named member of a group", () => {
  it("a named member set off by dashes after “with some” is the participle's source", () => {
    const atts = run(
      "That split the party, with some – including conservatives such as Sen. Ivo Marr, a lawmaker from Tarnshire – " +
        "arguing that deporting everyone was not realistic.",
    );
    expect(atts[0]).toMatchObject({ name: "Ivo Marr", content: "that deporting everyone was not realistic" });
    const group = run("That split the party, with some – mostly older members – arguing that the plan fails.");
    expect(group[0]).toMatchObject({ source: "some", named: false });
  });
});

describe("documents and given names", () => {
  it("a document whose issuer the text names is named", () => {
    const atts = run("A 1902 Tarn Supreme Court decision said that the law was void.");
    expect(atts[0]).toMatchObject({ named: true, kind: "document" });
    expect(run("A new report said that the river is dirty.")[0]).toMatchObject({ named: false, kind: "document" });
  });

  it("a document word as a given name (“Bill”) does not make a person a document", () => {
    const atts = run("Roe left the party, with Bill Marr writing that she was wrong.");
    expect(atts[0]).toMatchObject({ name: "Bill Marr", kind: "other" });
  });
});

describe("what a pronoun does not take", () => {
  it("a party-state tag after a name is no person: “she” and “his” take the name", () => {
    const a = run("Democratic Sen. Ann Roe (D-Mo.) scolded him: “The science is against you,” she said.");
    expect(a[0]).toMatchObject({ source: "she", name: "Ann Roe" });
    const b = run(
      "Speaker Ivo Marr, R-Wis., despite admitting that he did have his concerns about the bill, said the votes are there.",
    );
    expect(b.find((x) => x.source === "his")).toMatchObject({ name: "Ivo Marr" });
  });
});

describe("unspecified members of a named body", () => {
  it("“some Republicans”, “several leading Democrats” are not named; the party's name alone is", () => {
    expect(run("Some Republicans said that the levy should go.")[0]).toMatchObject({ named: false });
    expect(run("The vote stalled, with several leading Democrats saying that it was rushed.")[0]).toMatchObject({
      named: false,
    });
    expect(run("Republicans said that the levy should go.")[0]).toMatchObject({ kind: "politician" });
  });
});
