import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { findMarkers, findQuotes, markerDensities } from "#app/analysis/markers";
import type { Attribution } from "#app/analysis/types";

function markersOf(text: string, attributions: Attribution[] = []) {
  const tok = tokenize(text);
  return findMarkers(text, toWords(tok), tok.paragraphs, attributions).markers;
}

function attribution(text: string, content: string, kind: Attribution["kind"], cue: string): Attribution {
  const start = text.indexOf(content);
  const c = text.indexOf(cue);
  return {
    id: "a1",
    kind,
    source: null,
    cue: { start: c, end: c + cue.length },
    content: [{ start, end: start + content.length }],
    sourceKey: null,
    sourceKind: "other",
    affiliation: null,
    cueStance: "neutral",
    rule: "test",
    evidence: [],
  };
}

describe("distance markers", () => {
  it("finds hedges with their spans (hedge.lexicon)", () => {
    const text = "The convoy was reportedly stopped. It seems the guards apparently left, and more may follow.";
    const m = markersOf(text).filter((x) => x.type === "hedge");
    expect(m.map((x) => x.text)).toEqual(["reportedly", "It seems", "apparently", "may"]);
    for (const x of m) expect(text.slice(x.span.start, x.span.end)).toBe(x.text);
    expect(m.every((x) => x.rule === "hedge.lexicon")).toBe(true);
  });

  it("counts 'almost certainly' as one booster, not a hedge plus a booster", () => {
    const m = markersOf("The claim is almost certainly wrong, and clearly so.");
    expect(m.map((x) => [x.type, x.text])).toEqual([
      ["booster", "almost certainly"],
      ["booster", "clearly"],
    ]);
  });

  it("skips the month May and modal uses that are not auxiliaries", () => {
    const m = markersOf("In May the Tolvar council met. The port may reopen.");
    expect(m.map((x) => x.text)).toEqual(["may"]);
  });

  it("counts a modal as a hedge when it is epistemic (possibility), not ability", () => {
    const hedges = (t: string) =>
      markersOf(t)
        .filter((x) => x.type === "hedge")
        .map((x) => x.text);
    expect(hedges("The guards may have left before dawn.")).toEqual(["may"]);
    expect(hedges("The figure could well be higher.")).toEqual(["could"]);
    expect(hedges("The leak might not have been an accident.")).toEqual(["might"]);
    expect(hedges("The solvent could settle in the riverbed.")).toEqual(["could"]);
    expect(hedges("She could not attend the hearing, and he could see the smoke.")).toEqual([]);
  });

  it("keeps boosters to certainty and emphasis, not degree or frequency", () => {
    const boosters = (t: string) =>
      markersOf(t)
        .filter((x) => x.type === "booster")
        .map((x) => x.text);
    expect(boosters("The mill was completely flooded and crews frequently came.")).toEqual([]);
    expect(boosters("The mill was clearly flooded; in fact it was.")).toEqual(["clearly", "in fact"]);
  });

  it("marks a short quoted phrase nobody is quoted as saying (scare.short-quote)", () => {
    const text = 'The council passed the "reform" while the "independent" panel watched.';
    const m = markersOf(text).filter((x) => x.type === "scare_quote");
    expect(m.map((x) => [x.text, x.rule])).toEqual([
      ['"reform"', "scare.short-quote"],
      ['"independent"', "scare.short-quote"],
    ]);
  });

  it("treats a short quote next to a speech or naming verb as a partial quotation, not a scare quote", () => {
    for (const text of [
      'Varga called the plan a "reform" on Monday.',
      'Brennholt dismissed the offer as "insulting" and left.',
      'The offer was "insulting," Brennholt said.',
      'Varga called the plan "reckless" and "unworkable" on Monday.',
    ]) {
      expect(
        markersOf(text).filter((x) => x.type === "scare_quote"),
        text,
      ).toEqual([]);
    }
  });

  it("does not mark a quotation that an attribution carries", () => {
    const text = 'Mayor Ilse Varga said the strike was "largely peaceful" on Monday.';
    const m = markersOf(text, [attribution(text, 'the strike was "largely peaceful"', "mixed", "said")]);
    expect(m.filter((x) => x.type === "scare_quote")).toEqual([]);
    // The same words under a stance or action cue stay a scare quote.
    const t2 = 'They viewed the Korvath Front as a movement aimed at "liberation" of the valley.';
    const m2 = markersOf(t2, [attribution(t2, 'at "liberation" of the valley', "mixed", "aimed")]);
    expect(m2.filter((x) => x.type === "scare_quote").map((x) => x.text)).toEqual(['"liberation"']);
  });

  it("does not mark titles of works or programmes", () => {
    expect(
      markersOf('Varga appeared on "Face the Nation" and on "Harbour Hour".').filter((x) => x.type === "scare_quote"),
    ).toEqual([]);
  });

  it("does not mark an echo of a longer quotation, nor long quotations", () => {
    const text =
      '"The harbour is a poisonous swamp of debts and lies," Varga said.\nCritics mocked the "poisonous swamp" line.';
    const m = markersOf(text).filter((x) => x.type === "scare_quote");
    expect(m).toEqual([]);
  });

  it("marks so-called, with or without quotation marks (scare.so-called)", () => {
    const m = markersOf('The so-called "peace council" met. A so-called expert spoke.').filter(
      (x) => x.type === "scare_quote",
    );
    expect(m.map((x) => [x.text, x.rule])).toEqual([
      ['"peace council"', "scare.so-called"],
      ["so-called", "scare.so-called"],
    ]);
  });

  it("finds loaded terms with their lexicon category (loaded.lexicon)", () => {
    const m = markersOf("The morally bankrupt scheme ended in a rampage, and officials were lavishly paid.").filter(
      (x) => x.type === "loaded",
    );
    expect(m.map((x) => [x.text, x.category])).toEqual([
      ["morally bankrupt", "moral_judgement"],
      ["scheme", "evaluative_adjective_noun"],
      ["rampage", "violence_emotive"],
      ["lavishly", "evaluative_adjective_noun"],
    ]);
  });

  it("finds each class of word choice: reporting verbs, intensifiers, evaluative words, metaphors, euphemisms", () => {
    const text =
      "Senator Orla Venn blasted the plan and sharply rebuked the brash mayor. The vote set off a firestorm. " +
      "Two guards were neutralised. Venn doubled down.";
    const m = markersOf(text).filter((x) => x.type === "loaded");
    expect(m.map((x) => [x.text, x.category])).toEqual([
      ["blasted", "evaluative_reporting_verb"],
      ["sharply", "intensifier"],
      ["rebuked", "evaluative_reporting_verb"],
      ["brash", "evaluative_adjective_noun"],
      ["firestorm", "metaphor_conflict_scandal"],
      ["neutralised", "dysphemism_euphemism"],
      ["doubled down", "evaluative_reporting_verb"],
    ]);
    // A part of speech restriction: "blast" the noun is no reporting verb.
    expect(markersOf("A blast shook the depot.").filter((x) => x.type === "loaded")).toEqual([]);
  });

  it("marks every side's grave charges alike", () => {
    const a = markersOf("Brennholt is a terrorist group that uses human shields.").filter((x) => x.type === "loaded");
    const b = markersOf("Tarnland is an apartheid state that imposes collective punishment.").filter(
      (x) => x.type === "loaded",
    );
    expect(a.map((x) => x.category)).toEqual(["grave_charge", "grave_charge"]);
    expect(b.map((x) => x.category)).toEqual(["grave_charge", "grave_charge"]);
  });

  it("flags markers inside quotation marks as quoted", () => {
    const m = markersOf('"This is clearly a massacre," Varga said. The count was clearly low.');
    expect(m.map((x) => [x.text, x.inQuote, x.voice])).toEqual([
      ["clearly", true, "quoted"],
      ["massacre", true, "quoted"],
      ["clearly", false, "writer"],
    ]);
  });

  it("gives the voice of the speaker to the content of a mixed quotation, and the writer's to a scare quote", () => {
    const text =
      'Varga said the raid was a massacre "by any measure". The council passed the "reform" after a massacre.';
    const content = 'the raid was a massacre "by any measure"';
    const m = markersOf(text, [attribution(text, content, "mixed", "said")]);
    expect(m.map((x) => [x.text, x.voice])).toEqual([
      ["massacre", "quoted"],
      ['"reform"', "writer"],
      ["massacre", "writer"],
    ]);
  });

  it("pairs straight, curly and single quotation marks but not apostrophes", () => {
    const text = "Varga's aide said ‘never’ and “soon”, then \"later\"; the crew's boat left.";
    const q = findQuotes(text, [{ start: 0, end: text.length }]).map((x) => text.slice(x.inner.start, x.inner.end));
    expect(q).toEqual(["never", "soon", "later"]);
  });

  it("gives densities per 1,000 words", () => {
    const d = markerDensities([{ type: "hedge" }, { type: "hedge" }, { type: "loaded" }], 400);
    expect(d).toEqual({ hedge: 5, booster: 0, scare_quote: 0, loaded: 2.5 });
    expect(markerDensities([{ type: "hedge" }], 0).hedge).toBe(0);
  });
});
