// Naming complete: descriptors in "X as a movement", "his regime", possessive, predicate and designation
// constructions, "and other", "the group" referring back, states named by adjective; and the seed comparison's
// naming matrix shows every actor that the article labels, even once.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { findDescriptors } from "#app/analysis/naming";
import { analyse } from "#app/analysis/index";
import { compareArticles } from "#app/compare/compare";
import { cleanText } from "#app/ingest/clean-text";
import { DEMO } from "#db/seed";

function describeText(text: string) {
  const words = toWords(tokenize(text));
  const { mentions } = detectActors(text, words);
  return findDescriptors(text, words, mentions).map((d) => [d.actorKey, d.text, d.labelClass, d.rule]);
}

describe("naming: the constructions a descriptor can take", () => {
  it("X as a movement (naming.as)", () => {
    expect(describeText("Critics view Korvath as a resistance movement, not a party.")).toEqual([
      ["korvath", "a resistance movement", "self_designation", "naming.as"],
    ]);
  });

  it("X is a terrorist group (naming.predicate)", () => {
    expect(describeText("Officials in Tolvar said Korvath is a terrorist group.")).toContainEqual([
      "korvath",
      "a terrorist group",
      "terror",
      "naming.predicate",
    ]);
  });

  it("X, which Y designates … (naming.designation), but not 'which sees Z as …'", () => {
    expect(
      describeText("Envoys met Korvath, which Marenland designates a terrorist organisation, on Monday."),
    ).toContainEqual(["korvath", "a terrorist organisation", "terror", "naming.designation"]);
    expect(
      describeText("Envoys met Korvath, which sees Marenland as a puppet regime, on Monday.").filter(
        (d) => d[0] === "korvath",
      ),
    ).toEqual([]);
  });

  it("his regime, its militia (naming.possessive) go to the nearest name of the right kind", () => {
    const d = describeText(
      "Tolvarian President Ilse Varga spoke in Saltmere. Critics said his regime jailed reporters, and the Korvath Front said its militia would not disarm.",
    );
    // "his" finds no man's name here: Ilse Varga is the only person, so the descriptor goes to her.
    expect(d).toContainEqual(["ilse-varga", "regime", "pejorative_governance", "naming.possessive"]);
    expect(d).toContainEqual(["korvath-front", "militia", "armed_actor", "naming.possessive"]);
  });

  it("X's regime, X fighters (naming.postmodifier, naming.compound)", () => {
    expect(describeText("Envoys said Korvath's military regime had fallen.")).toEqual([
      ["korvath", "military regime", "pejorative_governance", "naming.postmodifier"],
    ]);
    expect(describeText("Envoys said Korvath fighters had left the port.")).toEqual([
      ["korvath", "fighters", "armed_actor", "naming.compound"],
    ]);
    // A name before a title and a person's name describes the person, not itself.
    expect(describeText("Envoys met Korvath commander Anton Braem.").map((d) => d[0])).toEqual(["anton-braem"]);
  });

  it("X and other armed groups (naming.and-other)", () => {
    expect(describeText("Envoys said Korvath and other armed groups had left.")).toEqual([
      ["korvath", "armed groups", "armed_actor", "naming.and-other"],
    ]);
  });

  it("'The militia …' at a sentence start refers back to the organisation just named (naming.anaphor); a bare 'the group' does not", () => {
    const d = describeText(
      "Officials met the Korvath Front on Monday. The Islamist militia said it would disarm. The group left.",
    );
    expect(d).toEqual([["korvath-front", "The Islamist militia", "armed_actor", "naming.anaphor"]]);
  });

  it("a state named by its adjective before its institutions or forces (naming.demonym)", () => {
    expect(describeText("Witnesses said Israeli forces and the Egyptian military regime were blamed.")).toEqual([
      ["israel", "forces", "armed_actor", "naming.demonym"],
      ["egypt", "military regime", "pejorative_governance", "naming.demonym"],
    ]);
    // A demonym in a person's title is not a mention of the state.
    expect(
      describeText("Israeli Prime Minister Benjamin Netanyahu spoke, and an Egyptian prosecutor was killed.").map(
        (d) => d[0],
      ),
    ).toEqual(["netanyahu"]);
  });

  it("Secretary of State Hillary Clinton has a role, not a governance label", () => {
    expect(describeText("Secretary of State Hillary Clinton arrived in Cairo.")).toEqual([
      ["hillary-clinton", "Secretary of State", "role_title", "naming.premodifier"],
    ]);
  });
});

describe("the seed comparison's naming matrix", () => {
  const raw = readFileSync("app/demo/seed-article.txt", "utf8");
  const text = cleanText(raw, { title: DEMO.title, outlet: DEMO.outlet }).text;
  const analysis = analyse(text, { title: DEMO.title });
  const cmp = compareArticles(
    [{ id: 1, title: DEMO.title, outlet: DEMO.outlet, url: null, published: DEMO.published, analysis }],
    { focalId: 1 },
  );

  it("keeps ISIS, its Sinai province and Hamas as separate rows", () => {
    for (const k of ["isis", "sinai-province", "hamas"]) expect(cmp.naming.actors, k).toContain(k);
    expect(cmp.actors.find((a) => a.key === "sinai-province")!.name).toBe("Sinai Province");
    expect(cmp.actors.find((a) => a.key === "isis")!.variants).not.toContain("Sinai province");
  });

  it("shows al-Sisi (mentioned once, labelled) and Egypt's 'regime' label", () => {
    expect(cmp.naming.actors).toContain("sisi");
    const sisi = cmp.naming.cells.find((c) => c.actorKey === "sisi")!;
    expect(sisi.descriptors.map((d) => d.text)).toEqual(expect.arrayContaining(["Egyptian President", "regime"]));
    const egypt = cmp.naming.cells.find((c) => c.actorKey === "egypt")!;
    expect(egypt.descriptors.map((d) => [d.text, d.labelClass])).toContainEqual([
      "military regime",
      "pejorative_governance",
    ]);
  });

  it("names Israel, Egypt and Iran as rows, Egypt also where the text names it by adjective", () => {
    for (const k of ["israel", "egypt", "iran"]) expect(cmp.naming.actors, k).toContain(k);
    expect(analysis.mentions.filter((m) => m.actorKey === "egypt").map((m) => m.surface)).toContain("Egyptian");
  });
});
