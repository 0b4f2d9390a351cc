// Symmetric vocabulary: each framing lexicon carries a table of mirror families (words that name one kind of thing
// from different sides or traditions, or forms of one construction), and every member must be in the lexicon with
// the same class (loaded), dimensions (frames) or type (hedges and boosters).
import { describe, expect, it } from "vitest";
import loaded from "#app/analysis/lexicons/loaded.json";
import frames from "#app/analysis/lexicons/frames.json";
import hb from "#app/analysis/lexicons/hedges-boosters.json";

interface Family {
  family: string;
  members: string[];
}

type Index = Map<string, string[]>;

/** Problems of a family table against a word → classes index: missing members, members with different classes. */
export function familyProblems(families: Family[], index: Index): string[] {
  const out: string[] = [];
  for (const f of families) {
    if (f.members.length < 2) out.push(`${f.family}: a family needs two members or more`);
    const classes = f.members.map((m) => (index.get(m) ?? []).slice().sort().join("+"));
    f.members.forEach((m, i) => {
      if (!classes[i]) out.push(`${f.family}: "${m}" is missing from the lexicon`);
    });
    const distinct = [...new Set(classes.filter(Boolean))];
    if (distinct.length > 1)
      out.push(`${f.family}: members differ (${f.members.map((m, i) => `${m}=${classes[i] || "—"}`).join(", ")})`);
  }
  return out;
}

function indexOf(entries: Record<string, (string | { term: string })[]>): Index {
  const idx: Index = new Map();
  for (const [cls, list] of Object.entries(entries)) {
    for (const e of list) {
      const t = typeof e === "string" ? e : e.term;
      const l = idx.get(t) ?? [];
      if (!l.includes(cls)) l.push(cls);
      idx.set(t, l);
    }
  }
  return idx;
}

const lexicons = [
  {
    name: "loaded.json",
    families: loaded.mirrorFamilies,
    entries: loaded.entries as Record<string, (string | { term: string })[]>,
  },
  { name: "frames.json", families: frames.mirrorFamilies, entries: frames.entries as Record<string, string[]> },
  {
    name: "hedges-boosters.json",
    families: hb.mirrorFamilies,
    entries: hb.entries as Record<string, { term: string }[]>,
  },
];

describe("mirror families in the framing lexicons", () => {
  for (const lx of lexicons) {
    it(`${lx.name}: every family member is present, with one class`, () => {
      expect(lx.families.length).toBeGreaterThanOrEqual(4);
      expect(familyProblems(lx.families, indexOf(lx.entries))).toEqual([]);
    });

    it(`${lx.name}: the check fails when one member is removed or moved to another class`, () => {
      const fam = lx.families[0]!;
      const victim = fam.members[1]!;
      const removed = Object.fromEntries(
        Object.entries(lx.entries).map(([k, l]) => [
          k,
          l.filter((e) => (typeof e === "string" ? e : e.term) !== victim),
        ]),
      );
      expect(familyProblems(lx.families, indexOf(removed))).toEqual([
        `${fam.family}: "${victim}" is missing from the lexicon`,
      ]);
      const classes = Object.keys(lx.entries);
      const other = classes.find((c) => !(indexOf(lx.entries).get(victim) ?? []).includes(c))!;
      const moved = { ...removed, [other]: [...removed[other]!, victim] };
      expect(familyProblems(lx.families, indexOf(moved))[0]).toMatch(/members differ/);
    });
  }

  it("loaded.json: each side's grave charges are one class, and every class is documented", () => {
    const idx = indexOf(loaded.entries as Record<string, (string | { term: string })[]>);
    for (const w of ["terrorist", "human shields", "war crimes", "collective punishment", "apartheid", "genocide"])
      expect(idx.get(w), w).toEqual(["grave_charge"]);
    expect(Object.keys(loaded.classes).sort()).toEqual(Object.keys(loaded.entries).sort());
    for (const about of Object.values(loaded.classes)) expect(about.length).toBeGreaterThan(40);
    expect(loaded.origin).toMatch(/Martin & White/);
  });

  it("frames.json: religions are cultural identity alike, none is morality; occupation, blockade and siege are framed", () => {
    const idx = indexOf(frames.entries);
    for (const w of ["islam", "judaism", "christianity", "muslim", "jewish", "christian"])
      expect(idx.get(w), w).toEqual(["cultural_identity"]);
    expect(idx.get("occupation")).toEqual(["legality_jurisprudence"]);
    expect(idx.get("blockade")).toEqual(["security_defense"]);
    expect(idx.get("siege")).toEqual(["security_defense"]);
  });
});
