// Names and speakers (issue 12, point 3): titles the tokeniser splits, speakers of "was quoted as saying", the
// head of a relative clause after a name and its descriptions, pronouns inside a relative clause, and the people
// who speak for someone ("an adviser to Vass"). Fictional texts.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { tokenize } from "#app/analysis/nlp";

function run(text: string) {
  const r = analyseSourcing(text);
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  return r.attributions.map((a) => ({
    rule: a.rule,
    source: a.source ? text.slice(a.source.start, a.source.end) : null,
    cue: a.cue ? text.slice(a.cue.start, a.cue.end) : null,
    name: a.sourceKey ? (byKey.get(a.sourceKey)?.name ?? null) : null,
    named: a.sourceKey ? (byKey.get(a.sourceKey)?.named ?? null) : null,
    kind: a.sourceKind,
  }));
}

describe("titles the tokeniser splits from their full stop", () => {
  it("'Rev.' or 'Maj.' before a name ends no sentence, and is not part of the name", () => {
    for (const title of ["Rev.", "Maj.", "Amb.", "Det."]) {
      const text = `“We did not know,” ${title} Ivo Marr told the Ledger.`;
      expect(tokenize(text).sentences).toHaveLength(1);
      expect(run(text)[0]).toMatchObject({ name: "Ivo Marr", named: true });
    }
  });
});

describe("speakers of a passive verb of quoting or hearing", () => {
  it("'X was quoted in the Ledger as saying': X is the speaker, with its appositive", () => {
    const [a] = run("Sen. Ada Vell, a Kestrel Democrat, was quoted in the Ledger as saying: “The bill is dead.”");
    expect(a).toMatchObject({ cue: "saying", name: "Ada Vell", kind: "politician" });
    expect(a!.source).toBe("Sen. Ada Vell, a Kestrel Democrat");
  });

  it("'was heard saying', 'was caught on camera saying', 'was quoted saying'", () => {
    for (const v of ["was heard saying", "was caught on camera saying", "was quoted saying"])
      expect(run(`Mayor Ivo Marr ${v} that the vote was rigged.`)[0]).toMatchObject({
        source: "Mayor Ivo Marr",
        name: "Ivo Marr",
      });
  });

  it("a participle after another passive keeps the sentence's subject rule ('was seen leaving, saying')", () => {
    const atts = run("Ada Vell was arrested on Monday after saying the vote was rigged.");
    expect(atts.every((a) => a.name === "Ada Vell")).toBe(true);
  });
});

describe("the head of a relative clause after a name and its descriptions", () => {
  it("'cited X, a professor … and director of …, who said': X is the speaker", () => {
    const atts = run(
      "The Kestrel Daily cited Ivo Marr, a law professor at Tarn University and director of the Tarn Center for Law, who said the clause was clear.",
    );
    expect(atts.find((a) => a.cue === "said")).toMatchObject({ name: "Ivo Marr", named: true });
  });

  it("'Tarn Watch, a conservative group that has vowed …': the named group, not its description", () => {
    const atts = run("Tarn Watch, a conservative group that has vowed to fight the plan, posted the video.");
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({ source: "Tarn Watch, a conservative group that", name: "Tarn Watch", named: true });
  });

  it("a lower-case phrase before the comma is not a name ('the mayor, a teacher who said')", () => {
    const atts = run("The council heard the mayor, a former teacher who said the school was failing.");
    expect(atts.find((a) => a.cue === "said")?.source).toBe("a former teacher who");
  });
});
