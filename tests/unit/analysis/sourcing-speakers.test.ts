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

describe("a pronoun inside a relative clause is not the clause's head", () => {
  it("'attacked Tom Vass, who he said …': he is not Vass", () => {
    const atts = run(
      "Ivo Marr spoke on Monday. He also took aim at former council leader Tom Vass, who he said “was right in 1993, before he went soft.”",
    );
    const said = atts.find((a) => a.cue === "said")!;
    expect(said.source).toBe("he");
    expect(said.name).toBe("Ivo Marr");
  });

  it("with no other person, the pronoun stays unresolved rather than taking the head", () => {
    const atts = run("The mayor attacked Tom Vass, who he said “was right in 1993.”");
    expect(atts.find((a) => a.cue === "said")!.name).not.toBe("Tom Vass");
  });

  it("the mirror sentence, sides swapped, is analysed alike", () => {
    const a = run("Ann Roe spoke on Monday. She attacked Lina Dorn, who she said “was right in 1993.”");
    const b = run("Lina Dorn spoke on Monday. She attacked Ann Roe, who she said “was right in 1993.”");
    expect(a.find((x) => x.cue === "said")!.name).toBe("Ann Roe");
    expect(b.find((x) => x.cue === "said")!.name).toBe("Lina Dorn");
  });
});

describe("people who hold a role for a named person speak, not the person", () => {
  it("'An adviser to Vass said': an unnamed adviser, affiliated with Vass's side", () => {
    const text =
      "Sen. Tom Vass spoke on Monday. An adviser to Vass later said the plan was dead. Vass said it was alive.";
    const r = analyseSourcing(text);
    const atts = run(text);
    expect(atts[0]).toMatchObject({ source: "An adviser to Vass", named: false, kind: "politician" });
    expect(atts[1]).toMatchObject({ name: "Tom Vass", named: true });
    expect(r.sources.find((s) => !s.named)!.affiliation).toBe("Tom Vass");
  });

  it("aides, lawyers, spokespeople, friends, people close to a person; a title between the role and the name", () => {
    const cases: [string, string, string][] = [
      ["Advisers to Sen. Ivo Marr said", "Advisers to Sen. Ivo Marr", "politician"],
      ["A spokeswoman for Ivo Marr said", "A spokeswoman for Ivo Marr", "politician"],
      ["A lawyer for Ivo Marr said", "A lawyer for Ivo Marr", "other"],
      ["A friend of Ivo Marr said", "A friend of Ivo Marr", "unnamed"],
      ["People close to Ivo Marr said", "People close to Ivo Marr", "unnamed"],
    ];
    for (const [phrase, source, kind] of cases) {
      const atts = run(`Sen. Ivo Marr spoke on Monday. ${phrase} the plan was dead.`);
      expect(atts[0]).toMatchObject({ source, named: false, kind });
    }
  });

  it("'Spokesman Ivo Marr said', 'Ivo Marr, a spokesman for Vass, said': the named role holder speaks", () => {
    expect(run("Spokesman Ivo Marr said the plan was dead.")[0]).toMatchObject({ name: "Ivo Marr", named: true });
    expect(run("Ivo Marr, a spokesman for Tom Vass, said the plan was dead.")[0]).toMatchObject({
      name: "Ivo Marr",
      named: true,
    });
  });

  it("a spokesman for an organisation is still the organisation's voice", () => {
    expect(run("A spokesman for the Kestrel Party said the plan was dead.")[0]).toMatchObject({
      name: "Kestrel Party",
      named: true,
    });
  });
});

describe("more speakers found", () => {
  it("'according to excerpts provided by X': the issuer is the source", () => {
    const atts = run("“We need action,” he said, according to excerpts provided by the Kestrel Interior Ministry.");
    expect(atts.find((a) => a.cue === "according to")).toMatchObject({
      source: "excerpts provided by the Kestrel Interior Ministry",
      name: "Kestrel Interior Ministry",
      named: true,
    });
  });

  it("a pronoun takes a surname the text gave earlier with a given name, outside quotations", () => {
    const text =
      "Party Chairman Michael Marr will speak on Monday.\n\nThe Ledger confirmed Marr sent an e-mail on Saturday.\n\nIn the note, he asked members to join him.";
    expect(run(text).find((a) => a.cue === "asked")).toMatchObject({ name: "Michael Marr", named: true });
    const quoted =
      "Gov. Michael Marr spoke on Monday. Ivo Lind, a lawyer for the campaign, confirmed it.\n\n“The Marr campaign got the letter,” he said.";
    expect(run(quoted).find((a) => a.cue === "said")).toMatchObject({ name: "Ivo Lind" });
    const title = "Mayor Ivo Lind spoke on Monday.\n\n“So-called Harbour Fees will be ended,” he said.";
    expect(run(title).find((a) => a.cue === "said")).toMatchObject({ name: "Ivo Lind" });
  });
});
