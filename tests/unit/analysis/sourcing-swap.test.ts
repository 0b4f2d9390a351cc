// The same treatment for every side: parallel sentences of our own, with the actor of one side swapped for
// the other's, must be analysed alike: the same attributions (rule, kind, cue, content) and sources that
// differ only in the names (named or not, kind, affiliation read with the actor's name as a placeholder).
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";

const TEMPLATES = [
  "{X}'s health ministry said on Tuesday that 40 people had been killed in the strikes.",
  "The {X} military said on Tuesday that it had struck a weapons depot.",
  "The military of {X} said the convoy had been hit by mistake.",
  "{X}'s armed wing said it had fired at the convoy.",
  "“We did not fire first,” a spokesman for {X}'s army said.",
  "According to {X}'s interior ministry, the crossing will stay closed.",
  "{X}'s government declined to comment.",
  "A spokesman for {X}'s foreign ministry did not respond to a request for comment.",
  "Officials said the talks with {X} had stalled.",
  "The court of {X} ruled that the detentions were unlawful.",
  "{X}'s police said on Friday that the march had been peaceful. The police added that two people were held.",
  "In a statement, {X}'s defence ministry denied that its forces had shelled the town.",
];

/** Actor pairs from opposing sides; "The {X} military" reads an adjective-like first word, so each actor is a single proper name. */
const PAIRS: [string, string][] = [
  ["Israel", "Hamas"],
  ["Russia", "Ukraine"],
  ["Veltria", "Dunmore"], // a government and its opposition, fictional
  ["Marrow", "Kestrel"], // police and protesters' city councils, fictional
];

function reading(template: string, actor: string) {
  const text = template.replace(/\{X\}/g, actor);
  const r = analyseSourcing(text);
  const mask = (s: string | null) => (s === null ? null : s.split(actor).join("@"));
  const slice = (sp: { start: number; end: number } | null) => (sp ? mask(text.slice(sp.start, sp.end)) : null);
  return {
    attributions: r.attributions.map((a) => ({
      rule: a.rule,
      kind: a.kind,
      cue: slice(a.cue),
      source: slice(a.source),
      content: a.content.map(slice),
    })),
    sources: r.sources.map((s) => ({
      name: mask(s.name),
      named: s.named,
      kind: s.kind,
      affiliation: mask(s.affiliation),
    })),
    asides: r.asides.map((x) => ({ type: x.type, rule: x.rule, who: slice(x.who), whoName: mask(x.whoName) })),
  };
}

describe("swapping one side's actor for the other's changes nothing but the names", () => {
  for (const [a, b] of PAIRS)
    for (const t of TEMPLATES)
      it(`${a} / ${b}: ${t}`, () => {
        expect(reading(t, b)).toEqual(reading(t, a));
      });
});

describe("institutions are named sources with their state or organisation as affiliation", () => {
  it.each([
    ["The Israeli military said on Tuesday that it had struck a weapons depot.", "Israel", "official"],
    ["Hamas's armed wing said on Tuesday that it had struck a weapons depot.", "Hamas", "armed_group"],
    ["Egypt's interior ministry said the crossing would stay closed.", "Egypt", "official"],
    ["A spokesman for the Ukrainian army said the town had been retaken.", "Ukraine", "official"],
    ["The Russian defence ministry said the town had been retaken.", "Russia", "official"],
  ])("%s", (text, affiliation, kind) => {
    const r = analyseSourcing(text);
    expect(r.attributions).toHaveLength(1);
    expect(r.attributions[0]!.kind).toBe("indirect");
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]).toMatchObject({ named: true, kind, affiliation });
  });
  it("the bare institution is named, with no affiliation", () => {
    const r = analyseSourcing("The police said the protesters had thrown stones.");
    expect(r.sources[0]).toMatchObject({ named: true, kind: "official", affiliation: null });
  });
  it("unnamed only where no institution is named", () => {
    for (const t of [
      "Officials said the border was calm.",
      "A source said the border was calm.",
      "The protesters said the police had fired first.",
    ]) {
      const r = analyseSourcing(t);
      expect(r.sources[0]).toMatchObject({ named: false });
    }
  });
  it("an unknown name with the cue “reported” is a medium", () => {
    const r = analyseSourcing("The Kestrel Courier reported that the border was calm.");
    expect(r.sources[0]).toMatchObject({ named: true, kind: "media" });
  });
});
