// Coreference of sources (issue 12, point 3): pronouns go to the nearest compatible speaker (gender from titles, role
// words and common given names; unknown matches both), one subject of two cues is one source, and a role noun
// ("the mayor", "the group") goes to the name the text attaches it to. Fictional texts.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { tokenize } from "#app/analysis/nlp";
import { genderFromEvidence, roleHolder } from "#app/analysis/source-coreference";

function sourcesOf(text: string): { source: string | null; name: string | null; named: boolean | null }[] {
  const r = analyseSourcing(text);
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  return r.attributions.map((a) => ({
    source: a.source ? text.slice(a.source.start, a.source.end) : null,
    name: a.sourceKey ? (byKey.get(a.sourceKey)?.name ?? null) : null,
    named: a.sourceKey ? (byKey.get(a.sourceKey)?.named ?? null) : null,
  }));
}
const bySource = (text: string, source: string) => sourcesOf(text).filter((a) => a.source === source);

describe("gender of a source", () => {
  it("comes from a courtesy title or a gendered role word before the given name, and unknown matches both", () => {
    expect(genderFromEvidence("nadia", [])).toBe("f");
    expect(genderFromEvidence("tomas", [])).toBe("m");
    expect(genderFromEvidence("piet", [])).toBeNull();
    expect(genderFromEvidence("tomas", ["Ms. Vell"])).toBe("f");
    expect(genderFromEvidence(null, ["the ministry's spokeswoman"])).toBe("f");
    expect(genderFromEvidence(null, ["Mr. Vell", "the spokeswoman"])).toBeNull();
  });
});

describe("pronoun sources", () => {
  it("“she” skips a more recent source the text names with a man's given name", () => {
    const text =
      "Nadia Orsk said the count had been rigged. Tomas Vell, the returning officer, said the count was fair.\n\n" +
      "She said she would appeal to the electoral court.";
    expect(bySource(text, "She")[0]?.name).toBe("Nadia Orsk");
  });

  it("“he” goes to a speaker named in the paragraph before, not to the last male source further back", () => {
    const text =
      "Aldo Dunmore, who runs a bakery on the square, said he heard about the leak from a neighbour.\n\n" +
      "Ines Varga, the coalition's director, said the valve had been corroded for a year. Tomas Reddan, a ministry " +
      "spokesman, said the leak was contained.\n\n" +
      "For Dunmore, the week has been one of lost trust.\n\n" +
      '"Why would anyone believe them now?" he said.';
    expect(bySource(text, "he").at(-1)?.name).toBe("Aldo Dunmore");
  });

  it("one pronoun subject of two cues is one source", () => {
    const text =
      "Piet Larsen said the water was fine.\n\n" +
      "Dr Lena Ostrova, a hydrologist at Aldmere University, took samples on Monday. She warned that the solvent " +
      "could settle in the riverbed and said a full clean-up would take weeks.";
    const she = bySource(text, "She");
    expect(she.length).toBe(2);
    expect(she.every((a) => a.name === "Lena Ostrova")).toBe(true);
  });
});

describe("role nouns", () => {
  it("“the mayor” goes to the name the text gives that title, past a nearer name", () => {
    const text =
      "Activists accused Mayor Odile Fenn of hiding the report, citing the engineer Piet Amsel. " +
      "The mayor said the report would be published on Friday.";
    expect(bySource(text, "The mayor")[0]).toMatchObject({ name: "Odile Fenn", named: true });
  });

  it("“the group's leaders” go to the body the text calls a group, not to the last organisation quoted", () => {
    const text =
      "Halvard Mills said its tests were sound. Members of the Brenna Valley Alliance, a farmers' group, marched " +
      "on Friday. The group's leaders accused the company of hiding the results.";
    expect(bySource(text, "The group's leaders")[0]?.name).toBe("Brenna Valley Alliance");
  });

  it("“the movement” is never a police force quoted before", () => {
    const text = "Police estimated the crowd at 5,000. The opposition movement said that the count was far too low.";
    expect(bySource(text, "The opposition movement")[0]?.name).not.toBe("Police");
  });

  it("a role noun after a preposition, or a day of the week, is not a role holder", () => {
    const text = "The council meets on Thursday, a senior member of the mayor's party said.";
    const t = tokenize(text);
    const at = t.tokens.map((x, i) => [x.value, i] as const).filter(([v]) => v === "mayor");
    expect(roleHolder(t.tokens, [at[0]![1]], t.tokens.length)).toBeNull();
    const u = tokenize("Leaders of Vell County, a farming county, met on Tuesday, a rural county.");
    const counties = u.tokens.map((x, i) => [x.value, i] as const).filter(([v]) => v === "county");
    const r = roleHolder(u.tokens, [counties.at(-1)![1]], u.tokens.length);
    expect(r).toBeNull();
  });
});
