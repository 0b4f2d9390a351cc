// Where a content ends (issue 12, PolNeAR train near-misses: predicted contents that overlapped gold but ran on
// past it). One fictional sentence per heuristic; each test fails when its heuristic alone is switched off
// (`npx tsx scripts/heuristic-mutations.ts objAdjSub objAdjOpener …`).
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";

function contentOf(text: string, cue: string): string[] | undefined {
  const a = analyseSourcing(text).attributions.find((x) => x.cue && text.slice(x.cue.start, x.cue.end) === cue);
  return a?.content.map((c) => text.slice(c.start, c.end));
}

describe("cue-content.ts: the end of a noun-phrase object", () => {
  it("objAdjOpener: “after”, “before” with a clause or a gerund end the object", () => {
    expect(contentOf("Ada Pell praised the new ferry schedule after the council approved it.", "praised")).toEqual([
      "the new ferry schedule",
    ]);
    expect(contentOf("Ada Pell praised the new ferry schedule before leaving the hall.", "praised")).toEqual([
      "the new ferry schedule",
    ]);
  });

  it("objAdjOpener: “before” with a noun phrase stays inside the object", () => {
    expect(contentOf("Ada Pell praised the years before 1990 as a golden age.", "praised")).toEqual([
      "the years before 1990 as a golden age",
    ]);
  });

  it("objAdjSub: a subordinator (“although”, “until”) ends the object", () => {
    expect(contentOf("Ada Pell backed the levy until the vote.", "backed")).toEqual(["the levy"]);
  });

  it("a comma before a subordinator or “whose” ends the object", () => {
    expect(contentOf("Ada Pell praised the levy, although she voted against it.", "praised")).toEqual(["the levy"]);
    expect(contentOf("Ada Pell praised Tom Reyes, whose plan passed.", "praised")).toEqual(["Tom Reyes"]);
  });

  it("objAdjBy: “by” with an amount or a gerund ends the object", () => {
    expect(contentOf("Voters favored Ada Pell by 12 points.", "favored")).toEqual(["Ada Pell"]);
    expect(contentOf("Ada Pell condemned the ferry levy by calling it theft.", "condemned")).toEqual([
      "the ferry levy",
    ]);
  });

  it("objEndAdj: an adjective complement after the object stays in the content", () => {
    expect(contentOf("Ada Pell called him reckless after the vote failed.", "called")).toEqual(["him reckless"]);
  });

  it("sayClause: after a say-type verb the words are a clause, not a noun object cut at “at the hearing”", () => {
    expect(contentOf("Ada Pell said the turmoil at the hearing was staged.", "said")).toEqual([
      "the turmoil at the hearing was staged",
    ]);
  });
});

describe("clauses.ts: the end of a reported clause", () => {
  it("trailAdjunct: “, after …” and “, with X doing …” after a finished clause belong to the main clause", () => {
    expect(contentOf("Ada Pell said the ferry would run again, after the council approved the levy.", "said")).toEqual([
      "the ferry would run again",
    ]);
    expect(contentOf("Ada Pell said the levy had passed, with Tom Reyes voting against it.", "said")).toEqual([
      "the levy had passed",
    ]);
  });

  it("trailAdjunct: a fronted “that, if …” clause is kept whole", () => {
    expect(contentOf("Ada Pell said that, if elected, she would repair the pier.", "said")).toEqual([
      "that, if elected, she would repair the pier",
    ]);
  });
});
