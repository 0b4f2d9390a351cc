import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { findDescriptors } from "#app/analysis/naming";
import labels from "#app/analysis/lexicons/labels.json";

function describeText(text: string) {
  const words = toWords(tokenize(text));
  const { mentions } = detectActors(text, words);
  return findDescriptors(text, words, mentions);
}

describe("naming: descriptors and label classes", () => {
  it("classifies premodifiers by the most marked label (naming.premodifier)", () => {
    const cases: [string, string, string][] = [
      ["Officials met the Palestinian terrorist movement Hamas on Monday.", "Palestinian terrorist movement", "terror"],
      ["Officials met the Palestinian militant group Hamas on Monday.", "Palestinian militant group", "armed_actor"],
      [
        "Officials met the Palestinian Islamist movement Hamas on Monday.",
        "Palestinian Islamist movement",
        "ideological_religious",
      ],
      ["Police raided offices of the outlawed Muslim Brotherhood on Monday.", "outlawed", "contested_legal_status"],
      ["Supporters praised the resistance movement Hamas on Monday.", "resistance movement", "self_designation"],
    ];
    for (const [text, words, cls] of cases) {
      const d = describeText(text);
      expect(d, text).toHaveLength(1);
      expect(d[0]!.text).toBe(words);
      expect(d[0]!.labelClass).toBe(cls);
      expect(text.slice(d[0]!.span.start, d[0]!.span.end)).toBe(words);
      expect(d[0]!.rule).toBe("naming.premodifier");
    }
  });

  it("finds a label noun after a name (naming.postmodifier): the Sisi regime, the Sisi government", () => {
    const a = describeText("Critics said the Sisi regime had jailed reporters.");
    expect(a.map((d) => [d.actorKey, d.text, d.labelClass])).toEqual([["sisi", "regime", "pejorative_governance"]]);
    const b = describeText("Diplomats said the Sisi government had freed reporters.");
    expect(b.map((d) => [d.actorKey, d.text, d.labelClass])).toEqual([["sisi", "government", "governance"]]);
  });

  it("finds an appositive after a comma (naming.appositive)", () => {
    const d = describeText("On Monday Korvath, the armed group that holds the pass, rejected the plan.");
    expect(d).toHaveLength(1);
    expect(d[0]!.rule).toBe("naming.appositive");
    expect(d[0]!.text).toBe("the armed group");
    expect(d[0]!.labelClass).toBe("armed_actor");
  });

  it("gives roles and titles their own class and ignores names that only modify a noun", () => {
    const d = describeText("Tolvarian Prime Minister Ilse Varga met former Korvath leader Anton Braem.");
    expect(d.map((x) => [x.actorKey, x.text, x.labelClass])).toEqual([
      ["ilse-varga", "Tolvarian Prime Minister", "role_title"],
      ["anton-braem", "former Korvath leader", "role_title"],
    ]);
  });

  it("emits nothing when no lexicon label stands before the name", () => {
    expect(describeText("Yesterday Korvath and Marenland signed the accord in Tolvar.")).toEqual([]);
  });

  it("lists vocabulary of every side of a conflict symmetrically in the label lexicon", () => {
    const all = Object.values(labels.entries).flat();
    for (const w of [
      "terrorist",
      "militant",
      "resistance",
      "occupation",
      "martyr",
      "regime",
      "authorities",
      "government",
      "freedom fighter",
      "zionist",
      "islamist",
    ]) {
      expect(all, w).toContain(w);
    }
    // The header says what a class describes, and every class has a codebook entry.
    expect(labels.built).toMatch(/never the actor/);
  });
});
