// Symmetric vocabulary: each lexicon this suite covers (labels, sentiment, gazetteer titles) carries a table of
// mirror families (each side's word for the same kind of thing). A family fails when one member is missing
// or when its members get different classes, valences or kinds. The checkers are run on the shipped lexicons
// and on copies with one member removed or moved, to show that they can fail.
import { describe, expect, it } from "vitest";
import labels from "#app/analysis/lexicons/labels.json";
import sentiment from "#app/analysis/lexicons/sentiment.json";
import gazetteer from "#app/analysis/lexicons/gazetteer.json";
import codebook from "#app/analysis/codebook.json";

type Families = { name: string; members: string[]; valence?: number }[];
type LabelsLike = { mirror: { families: Families }; entries: Record<string, string[]> };
type SentimentLike = { mirror: { families: Families }; entries: { valence: Record<string, number> } };
type GazetteerLike = { mirror: { families: Families }; entries: { titles: Record<string, string[]> } };

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Problems with the label families: a member in no class, or members in different classes. */
export function labelFamilyProblems(lex: LabelsLike): string[] {
  const classOf = new Map<string, string[]>();
  for (const [cls, list] of Object.entries(lex.entries))
    for (const t of list) classOf.set(t, [...(classOf.get(t) ?? []), cls]);
  const out: string[] = [];
  for (const f of lex.mirror.families) {
    const classes = new Set<string>();
    for (const m of f.members) {
      const c = classOf.get(m);
      if (!c) out.push(`${f.name}: "${m}" is missing`);
      else if (c.length > 1) out.push(`${f.name}: "${m}" is in ${c.join(" and ")}`);
      else classes.add(c[0]!);
    }
    if (classes.size > 1) out.push(`${f.name}: members in different classes (${[...classes].join(", ")})`);
  }
  return out;
}

/** Problems with the sentiment families: every member has the family's valence, or (valence 0) none has one. */
export function sentimentFamilyProblems(lex: SentimentLike): string[] {
  const out: string[] = [];
  for (const f of lex.mirror.families) {
    const want = f.valence ?? 0;
    for (const m of f.members) {
      const v = lex.entries.valence[m];
      if (want === 0 && v !== undefined) out.push(`${f.name}: "${m}" has valence ${v}, its family none`);
      if (want !== 0 && v === undefined) out.push(`${f.name}: "${m}" is missing`);
      if (want !== 0 && v !== undefined && v !== want)
        out.push(`${f.name}: "${m}" has valence ${v}, its family ${want}`);
    }
  }
  return out;
}

/** Problems with the gazetteer's title families: every member listed, all with one source kind. */
export function titleFamilyProblems(lex: GazetteerLike): string[] {
  const kindOf = new Map<string, string[]>();
  for (const [kind, list] of Object.entries(lex.entries.titles))
    for (const t of list) kindOf.set(t, [...(kindOf.get(t) ?? []), kind]);
  const out: string[] = [];
  for (const f of lex.mirror.families) {
    const kinds = new Set<string>();
    for (const m of f.members) {
      const k = kindOf.get(m);
      if (!k) out.push(`${f.name}: "${m}" is missing`);
      else k.forEach((x) => kinds.add(x));
    }
    if (kinds.size > 1) out.push(`${f.name}: members of different kinds (${[...kinds].join(", ")})`);
  }
  return out;
}

describe("mirror vocabulary: labels", () => {
  it("lists every member of every family, each family in one class", () => {
    expect(labels.mirror.families.length).toBeGreaterThanOrEqual(15);
    expect(labelFamilyProblems(labels)).toEqual([]);
  });

  it("fails when one member is removed or moved to another class", () => {
    const removed = clone(labels) as LabelsLike;
    removed.entries.honorific = removed.entries.honorific!.filter((t) => t !== "fallen");
    expect(labelFamilyProblems(removed)).toEqual([`honorifics for the dead and for fighters: "fallen" is missing`]);
    const moved = clone(labels) as LabelsLike;
    moved.entries.contested_legal_status = moved.entries.contested_legal_status!.filter((t) => t !== "occupied");
    moved.entries.legitimacy_denying!.push("occupied");
    expect(labelFamilyProblems(moved).join("\n")).toMatch(/territory's status: members in different classes/);
  });

  it("holds the families the standards review named", () => {
    const all = labels.mirror.families.map((f) => f.members);
    const together = (...ws: string[]) => all.some((m) => ws.every((w) => m.includes(w)));
    expect(together("martyr", "fallen", "hero")).toBe(true);
    expect(together("settlers", "residents")).toBe(true);
    expect(together("occupied", "liberated", "annexed", "disputed")).toBe(true);
    expect(together("iran-backed", "us-backed")).toBe(true);
    expect(together("democratic", "authoritarian")).toBe(true);
    expect(together("ultra-orthodox", "salafi", "shiite")).toBe(true);
    expect(together("government", "authorities", "officials")).toBe(true);
  });

  it("has a codebook entry for every class, defined by the word with examples, and no class the codebook lacks", () => {
    const ids = codebook.labelClasses.map((c) => c.id).sort();
    expect(Object.keys(labels.entries).sort()).toEqual(ids);
    for (const c of codebook.labelClasses) {
      // A definition names the type of word and lists examples; it never states an effect on the actor.
      expect(c.definition, c.id).toMatch(/:/);
      expect(c.definition, c.id).not.toMatch(/denies the actor|legitimacy of the actor|delegitimi|valoris|legitimis/i);
    }
  });
});

describe("mirror vocabulary: sentiment", () => {
  it("gives every member of a family the same valence, and label words none", () => {
    expect(sentimentFamilyProblems(sentiment)).toEqual([]);
    // Label and armed-actor words carry no valence of their own: the label class reports them.
    const marked = [
      "terror",
      "armed_actor",
      "extremism",
      "pejorative_governance",
      "legitimacy_asserting",
      "legitimacy_denying",
      "contested_legal_status",
      "substitute_name",
      "self_designation",
      "honorific",
      "sponsorship_qualifier",
    ] as const;
    const withValence = marked.flatMap((c) =>
      labels.entries[c].filter((t) => !t.includes(" ") && t in sentiment.entries.valence),
    );
    expect(withValence).toEqual([]);
  });

  it("fails when one member is removed, or given another valence", () => {
    const removed = clone(sentiment) as SentimentLike;
    delete removed.entries.valence.detainee;
    expect(sentimentFamilyProblems(removed)).toEqual([`people held: "detainee" is missing`]);
    const changed = clone(sentiment) as SentimentLike;
    changed.entries.valence.martyred = 2;
    expect(sentimentFamilyProblems(changed)).toEqual([
      `killing and dying, agentive or agentless: "martyred" has valence 2, its family -3`,
    ]);
    const given = clone(sentiment) as SentimentLike;
    given.entries.valence.regime = -2;
    expect(sentimentFamilyProblems(given)).toEqual([`governance words: "regime" has valence -2, its family none`]);
  });
});

describe("mirror vocabulary: gazetteer titles", () => {
  it("gives every member of a family one source kind", () => {
    expect(titleFamilyProblems(gazetteer)).toEqual([]);
  });

  it("fails when one member is removed", () => {
    const removed = clone(gazetteer) as GazetteerLike;
    removed.entries.titles.civil_society = removed.entries.titles.civil_society!.filter((t) => t !== "mufti");
    expect(titleFamilyProblems(removed)).toEqual([`religious titles: "mufti" is missing`]);
  });

  it("lists the demo's actors at equal depth, outlets without affiliation", () => {
    const orgs = gazetteer.entries.organisations as { names: string[]; kind: string; affiliation: string | null }[];
    const officialOf = (aff: string) => orgs.filter((o) => o.kind === "official" && o.affiliation === aff).length;
    for (const aff of ["Egypt", "Iran", "Israel", "Palestinian"])
      expect(officialOf(aff), aff).toBeGreaterThanOrEqual(4);
    const names = new Set(orgs.flatMap((o) => o.names));
    for (const n of [
      "Al-Ahram",
      "WAFA",
      "Ma'an",
      "IRNA",
      "Press TV",
      "Amaq",
      "Arutz Sheva",
      "Jerusalem Post",
      "Al Arabiya",
      "Emirates News Agency",
    ]) {
      expect(orgs.find((o) => o.names.includes(n))?.kind, n).toBe("media");
    }
    for (const n of ["B'Tselem", "Al-Haq", "NGO Monitor", "Peace Now"])
      expect(orgs.find((o) => o.names.includes(n))?.kind, n).toBe("civil_society");
    for (const n of ["INSS", "MEMRI", "Washington Institute"])
      expect(orgs.find((o) => o.names.includes(n))?.kind, n).toBe("expert");
    expect(names.has("Sinai Province")).toBe(true);
    expect(orgs.find((o) => o.names.includes("ISIS"))!.names).not.toContain("Sinai Province");
    expect(orgs.filter((o) => o.kind === "media").every((o) => o.affiliation === null)).toBe(true);
    expect(gazetteer.built).toMatch(/contested entries were decided/);
  });
});
