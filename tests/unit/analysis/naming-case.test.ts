// Label words whose capitalised form is a name of another sense (a party, a body, a product) match only in lower
// case, for every party alike: "Democratic senators" name a party, not a system of rule. Fictional people throughout.
import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { findDescriptors, labelsIn } from "#app/analysis/naming";
import labels from "#app/analysis/lexicons/labels.json";

function describeText(text: string) {
  const words = toWords(tokenize(text));
  const { mentions } = detectActors(text, words);
  return findDescriptors(text, words, mentions);
}

function labelWords(text: string): [string, string][] {
  const words = toWords(tokenize(text));
  return labelsIn(words, 0, words.length).map((h) => [text.slice(h.span.start, h.span.end), h.labelClass]);
}

describe("label words that differ in sense by case", () => {
  it("treats every party name alike: none of them is a governance or ideological label", () => {
    const parties = ["Democratic", "Republican", "Liberal", "Conservative", "Labour", "Nationalist"];
    for (const party of parties) {
      const text = `On Monday the ${party} senator Ilse Varga met reporters in Dunmore.`;
      const d = describeText(text);
      expect(
        d.map((x) => [x.actorKey, x.text, x.labelClass, x.labels.map((l) => l.entry)]),
        text,
      ).toEqual([["ilse-varga", `${party} senator`, "role_title", ["senator"]]]);
    }
    // First in its sentence, a party name is no label either.
    for (const party of parties) {
      const text = `${party} senator Ilse Varga met reporters in Dunmore.`;
      expect(
        describeText(text).flatMap((x) => x.labels.map((l) => l.labelClass)),
        text,
      ).toEqual(["role_title"]);
    }
  });

  it("still reads the lower-case words as labels, each side's alike", () => {
    const pairs: [string, string][] = [
      ["liberal", "conservative"],
      ["left-wing", "right-wing"],
    ];
    for (const [a, b] of pairs) {
      const one = describeText(`On Monday the ${a} senator Ilse Varga met the ${b} senator Anton Braem.`);
      expect(one.map((x) => [x.actorKey, x.labelClass, x.labels.map((l) => l.entry)])).toEqual([
        ["ilse-varga", "ideological_religious", [a, "senator"]],
        ["anton-braem", "ideological_religious", [b, "senator"]],
      ]);
    }
    expect(labelWords("Observers saw the democratic council and the authoritarian council on Monday.")).toEqual([
      ["democratic", "governance"],
      ["authoritarian", "governance"],
    ]);
    expect(labelWords("The nationalist mayor and the patriot spoke; the state was quiet.")).toEqual([
      ["nationalist", "ideological_religious"],
      ["mayor", "role_title"],
      ["patriot", "honorific"],
      ["state", "governance"],
    ]);
  });

  it("does not read names of bodies, places and products as labels", () => {
    expect(
      labelWords("A Patriot battery guarded the Nationalist office near the State Department and Democratic offices."),
    ).toEqual([]);
  });

  it("lists only lexicon entries, and each mirror family wholly or not at all", () => {
    const all = new Set(Object.values(labels.entries).flat());
    const lower = new Set(labels.lowercase.entries);
    expect([...lower].filter((t) => !all.has(t))).toEqual([]);
    for (const t of lower) expect(t, t).toBe(t.toLowerCase());
    const split = labels.mirror.families
      .map((f) => ({ name: f.name, inList: f.members.filter((m) => lower.has(m)).length, size: f.members.length }))
      .filter((f) => f.inList > 0 && f.inList < f.size);
    expect(split).toEqual([]);
    // The families this class touches are listed whole.
    for (const name of ["systems of government", "political leanings, either side"])
      expect(
        labels.mirror.families.find((f) => f.name === name)!.members.every((m) => lower.has(m)),
        name,
      ).toBe(true);
  });
});
