// Focused tests for multi-word cues listed as data (cues.json: a particle of several words after the verb):
// idioms of saying ("made it clear", "went on to say") and of stance ("cast doubt on", "took issue with").
// Fictional texts; each pair of sides is treated alike.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { lookupCueAt } from "#app/analysis/cues";

function run(text: string) {
  const r = analyseSourcing(text);
  const s = (sp: { start: number; end: number } | null) => (sp ? text.slice(sp.start, sp.end) : null);
  return r.attributions.map((a) => ({
    rule: a.rule,
    source: s(a.source),
    cue: s(a.cue),
    content: a.content.map((c) => text.slice(c.start, c.end)),
  }));
}

describe("multi-word cue look-up", () => {
  it("takes the longest listed phrase after the verb, then the verb alone", () => {
    const words = ["it", "clear", "that", "the", "port"];
    expect(lookupCueAt("make", words, 0, 4)).toMatchObject({ extra: 2, phrase: "make it clear" });
    expect(lookupCueAt("make", ["clear", "that"], 0, 1)).toMatchObject({ extra: 1, phrase: "make clear" });
    // "made a cake" is no cue: "make" is listed only with its fixed words.
    expect(lookupCueAt("make", ["a", "cake"], 0, 1)).toBeUndefined();
    // the phrase must fit before the window's end
    expect(lookupCueAt("make", words, 0, 0)).toBeUndefined();
    expect(lookupCueAt("say", ["that"], 0, 0)).toMatchObject({ extra: 0, phrase: "say" });
  });
});

describe("idioms of saying", () => {
  it("“made it clear that …” and “made clear that …”", () => {
    expect(run("Mayor Ilsa Brandt made it clear that the ferry would run all winter.")[0]).toMatchObject({
      source: "Mayor Ilsa Brandt",
      cue: "made it clear",
      content: ["that the ferry would run all winter"],
    });
    expect(run("The harbour board made clear that no berth would be sold.")[0]).toMatchObject({
      source: "The harbour board",
      cue: "made clear",
    });
  });

  it("“went on to say …” takes the clause after the phrase", () => {
    const rows = run("Councillor Dev Arkwright praised the volunteers and went on to say the budget was empty.");
    expect(rows.find((r) => r.cue === "went on to say")).toMatchObject({
      source: "Councillor Dev Arkwright",
      content: ["the budget was empty"],
    });
  });
});

describe("idioms of stance", () => {
  it("“cast doubt on”, “took issue with” and “raised concerns about” take their object, for either side alike", () => {
    for (const [a, b] of [
      ["the northern alliance", "the southern council"],
      ["the southern council", "the northern alliance"],
    ]) {
      const doubt = run(`A spokesman for ${a} cast doubt on the census figures of ${b}.`);
      expect(doubt[0]).toMatchObject({ cue: "cast doubt on", content: [`the census figures of ${b}`] });
      const issue = run(`Leaders of ${a} took issue with the ceasefire terms.`);
      expect(issue[0]).toMatchObject({ source: `Leaders of ${a}`, cue: "took issue with" });
      expect(issue[0]!.content).toEqual(["the ceasefire terms"]);
    }
    expect(run("Nurse Pell Oduya raised concerns about the night shifts.")[0]).toMatchObject({
      cue: "raised concerns about",
      content: ["the night shifts"],
    });
  });

  it("verbs with a preposition of stance: “objected to”, “warned of”, “reflected on”", () => {
    expect(run("The Harbour Guild objected to the new quota.")[0]).toMatchObject({
      source: "The Harbour Guild",
      cue: "objected to",
      content: ["the new quota"],
    });
    expect(run("Dr. Amal Rusk warned of a second flood in the spring.")[0]).toMatchObject({
      cue: "warned of",
      content: ["a second flood in the spring"],
    });
    expect(run("Judge Hana Poole reflected on her years at the district court.")[0]).toMatchObject({
      cue: "reflected on",
    });
  });

  it("a verb that is a cue only with its fixed words reports nothing without them", () => {
    expect(run("The baker made a cake for the harbour fair.")).toHaveLength(0);
    expect(run("The crew cast the nets at dawn.")).toHaveLength(0);
    expect(run("The tenants raised the rent money by themselves.")).toHaveLength(0);
  });
});

describe("a quotation's speaker with a relative clause", () => {
  it("“…,” said a data expert who … gives the expert the quotation", () => {
    const rows = run(
      "“It is going to be hard to finish in time,” said a harbour engineer who has worked on both piers.",
    );
    expect(rows[0]).toMatchObject({
      rule: "quote.cue-source-after",
      source: "a harbour engineer",
      content: ["“It is going to be hard to finish in time,”"],
    });
  });

  it("without a closed quotation before it, the relative clause still stops an unquoted inversion", () => {
    expect(run("The harbour is old, said a man who works there.")).toHaveLength(0);
  });
});
