// Names, speakers and kinds (issue 12, points 3 and 5): party-state tags, "X of Place", the fullest name, asides
// that are not descriptions, spokespeople, bodies named after a party, outlets and documents. Fictional texts.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { tokenize } from "#app/analysis/nlp";

function run(text: string) {
  const r = analyseSourcing(text);
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  return {
    sources: r.sources,
    atts: r.attributions.map((a) => ({
      rule: a.rule,
      source: a.source ? text.slice(a.source.start, a.source.end) : null,
      name: a.sourceKey ? (byKey.get(a.sourceKey)?.name ?? null) : null,
      named: a.sourceKey ? (byKey.get(a.sourceKey)?.named ?? null) : null,
      kind: a.sourceKind,
    })),
  };
}
const only = (text: string, name: string) => run(text).sources.filter((s) => s.name.includes(name));

describe("party-state tags and sentence breaks", () => {
  it("a tag between commas neither ends the sentence nor becomes the name", () => {
    const text = "The bill stalled. Sen. Ada Vell, R-S.C., announced she will introduce a new one.";
    expect(tokenize(text).sentences).toHaveLength(2);
    const { atts } = run(text);
    expect(atts[0]).toMatchObject({ name: "Ada Vell", named: true, kind: "politician" });
  });

  it("a name with its tag just before a participle is the participle's subject", () => {
    const { atts } = run("The bill passed on Friday, with Sen. Ada Vell, R-S.C., saying it was overdue.");
    expect(atts[0]).toMatchObject({ rule: "indirect.participle", source: "Sen. Ada Vell, R-S.C.", name: "Ada Vell" });
  });

  it("a tag in brackets before the verb", () => {
    const { atts } = run("Sen. Ivo Marr (I-Vt.) said the race was not over.");
    expect(atts[0]).toMatchObject({ name: "Ivo Marr", kind: "politician" });
  });
});

describe("names", () => {
  it("'Speaker Tom Roe of Kestrel': the person is the source, the place describes", () => {
    expect(only("Speaker Tom Roe of Kestrel said the bill was dead.", "Roe")[0]).toMatchObject({
      name: "Tom Roe",
      kind: "politician",
    });
    const marr = only("Capt. Ivo Marr of the Kestrel Highway Patrol said the march was calm.", "Marr")[0]!;
    expect(marr).toMatchObject({ name: "Ivo Marr", kind: "official" });
    expect(run("Capt. Ivo Marr of the Kestrel Highway Patrol said the march was calm.").sources).toHaveLength(1);
  });

  it("a body's name keeps its 'and' ('the Ministry of Water and Transport')", () => {
    expect(run("The Ministry of Water and Transport said the pipes were safe.").sources[0]!.name).toBe(
      "Ministry of Water and Transport",
    );
  });

  it("a surname takes the fullest form the text gives, suffix included, unless two people share it", () => {
    const one = run(
      "Attorney General Edwin R. Pallister Jr. arrived in Tarnby on Wednesday. Mr. Pallister said the inquiry would be fair.",
    );
    expect(one.sources.map((s) => s.name)).toEqual(["Edwin R. Pallister Jr."]);
    expect(one.sources[0]!.kind).toBe("official");
    const two = run("Ann Roe and Bo Roe met on Friday. Roe said it was over.");
    expect(two.sources.map((s) => s.name)).toEqual(["Roe"]);
  });
});

describe("more names and descriptions", () => {
  it("a body's name goes on over 'for' and 'of' after its head word", () => {
    const { sources } = run("According to a study by the Center for Harbour Studies, rents rose.");
    expect(sources[0]).toMatchObject({ name: "Center for Harbour Studies", kind: "expert" });
  });

  it("a copular relative clause after the name elsewhere in the text gives the kind", () => {
    const text =
      "Mr. Dorrel, who was president from 2006 until 2012, later wrote a book. “It will not work,” Dorrel told Kestrel TV.";
    expect(only(text, "Dorrel")[0]!.kind).toBe("politician");
  });

  it("a title before the surname alone counts ('Secretary Roe')", () => {
    const text = "Ann Roe toured the port. “We will act,” Roe said. Later, Secretary Roe met the unions.";
    expect(only(text, "Roe")[0]!.kind).toBe("official");
  });

  it("'a spokeswoman for Vell': the relation is not the principal's own title", () => {
    const text = "Rep. Tom Vell spoke on Monday. A spokeswoman for Vell said the claim was false.";
    expect(only(text, "Vell")[0]!.kind).toBe("politician");
  });
});

describe("asides that do not describe the source", () => {
  it("a participle clause is what the source did, not what it is", () => {
    const s = only("Tam Ollo, speaking to a local radio station, said the vote was fair.", "Ollo")[0]!;
    expect(s.kind).toBe("other");
    expect(s.description).toBeNull();
  });

  it("a relative clause describes only when it says what the source is or was", () => {
    const led = only(
      "Editor Bill Sarn, who led the calls for Vell to resign, said the party had lost its way.",
      "Sarn",
    )[0]!;
    expect(led.description ?? "").not.toMatch(/Vell/);
    const was = only("Mr. Dorrel, who was president from 2006 until 2012, said the wall was useless.", "Dorrel")[0]!;
    expect(was.kind).toBe("politician");
  });
});

describe("spokespeople take the kind of the body or person they speak for", () => {
  it("a party's spokesperson is a politician, a governor's an official", () => {
    expect(only("A DNC spokesman said the vote was fair.", "DNC")[0]!.kind).toBe("politician");
    expect(only("Jon Tessel, a Republican spokesman, said the vote was fair.", "Tessel")[0]!.kind).toBe("politician");
    expect(only("Ella Marr, a spokeswoman for Speaker Tom Roe, said it.", "Marr")[0]!.kind).toBe("politician");
    expect(only("Ella Marr, a spokeswoman for Governor Tim Vell, said it.", "Marr")[0]!.kind).toBe("official");
  });

  it("a company spokesperson speaks for the business named before, never for a ministry", () => {
    const biz = run("Ovo Works denied the claim. “The tank was safe,” a company spokesperson said.");
    expect(biz.atts.at(-1)).toMatchObject({ name: "Ovo Works", kind: "other" });
    const state = run(
      "The Ministry of Water and Transport denied the claim. “The tank was safe,” a company spokesperson said.",
    );
    expect(state.atts.at(-1)!.name).not.toMatch(/Ministry/);
  });

  it("'the police' after a named officer is the body, not the officer", () => {
    const { atts } = run(
      "Inspector Ada Vell said the crowd was calm. According to the police, all four were released without charge.",
    );
    expect(atts.at(-1)!.name).toBe("police");
  });
});

describe("bodies, outlets and documents", () => {
  it("a body named after a party is a politician; a campaign called after its principal is named", () => {
    expect(run("The Democratic Mayors Committee said the vote was fair.").sources[0]!.kind).toBe("politician");
    expect(run("The Vell campaign said the vote was fair.").sources[0]).toMatchObject({
      name: "Vell campaign",
      named: true,
      kind: "politician",
    });
  });

  it("an outlet is media with no affiliation", () => {
    const s = run("The Lanthorn Daily reported that the vote was fair.").sources[0]!;
    expect(s).toMatchObject({ kind: "media", affiliation: null });
  });

  it("a document as the grammatical source: kind document, its author the source", () => {
    const { atts } = run(
      "The council’s incident report says the valve failed at 11pm. According to the report, the night shift called at midnight.",
    );
    expect(atts).toHaveLength(2);
    for (const a of atts) expect(a).toMatchObject({ name: "council", named: true, kind: "document" });
  });

  it("'a study by X': the author is the source", () => {
    const { atts, sources } = run("According to a study by the Kestrel Institute, a nonpartisan group, rents rose.");
    expect(atts[0]).toMatchObject({ name: "Kestrel Institute", kind: "document" });
    expect(sources[0]!.kind).toBe("expert");
  });
});

describe("a colon after the cue's object", () => {
  it("'X told a press conference on Wednesday:' and a quoted paragraph", () => {
    const { atts } = run("Mayor Ada Vell told a press conference on Wednesday:\n\n“We are ready for the floods.”");
    expect(atts[0]).toMatchObject({ rule: "quote.colon-intro", name: "Ada Vell", kind: "official" });
  });
});

describe("people near a person speak, not the person", () => {
  const pre = "Party chairman Tom Vass met donors on Monday. ";
  it("'some close to the chairman say': an unnamed source, never the chairman", () => {
    for (const phrase of ["But some close to the party chairman", "People close to the chairman"]) {
      const { atts } = run(`${pre}${phrase} say he wants to run for another term.`);
      expect(atts).toHaveLength(1);
      expect(atts[0]!.source).toBe(phrase.replace(/^But /, ""));
      expect(atts[0]!.named).toBe(false);
    }
  });

  it("'aides to the chairman say': the aides are the source", () => {
    const { atts } = run(`${pre}Aides to the chairman say he wants to run for another term.`);
    expect(atts[0]).toMatchObject({ source: "Aides to the chairman", named: false });
  });
});
