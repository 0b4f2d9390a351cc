// Cue and construction families added to raise PolNeAR train recall (issue 12), one fictional sentence per
// heuristic: each test fails when its heuristic alone is switched off (`npx tsx scripts/heuristic-mutations.ts`),
// and the sentence after it shows what the heuristic must leave alone.
import { describe, expect, it } from "vitest";
import { rows } from "../../utils/sourcing-rows";

describe("post-position speakers", () => {
  it("commonNounSpeaker: “…, the admiral said.” takes a common noun as the speaker", () => {
    expect(rows("The ferry had logged two thousand hours, the harbourmaster said.")).toEqual([
      {
        rule: "indirect.source-cue-after",
        source: "the harbourmaster",
        cue: "said",
        content: ["The ferry had logged two thousand hours"],
      },
    ]);
    expect(rows("The pier reopened last spring, donors said.")).toEqual([
      { rule: "indirect.source-cue-after", source: "donors", cue: "said", content: ["The pier reopened last spring"] },
    ]);
  });

  it("commonNounSpeaker: a time after the comma is no speaker", () => {
    expect(rows("The pier reopened, Tuesday said.")).toEqual([]);
  });
});

describe("speakers before the cue", () => {
  it("relativeNotClause: “The lawmaker, who represents …, said the remarks …” is no inverted “said X”", () => {
    expect(rows("The lawmaker, who represents a district in Orlen, said the remarks “have done real harm.”")).toEqual([
      {
        rule: "indirect.said-that",
        source: "The lawmaker, who represents a district in Orlen",
        cue: "said",
        content: ["the remarks “have done real harm.”"],
      },
    ]);
  });

  it("shareSubject: “two-thirds”, “one in four” and “about three-quarters” are whole speakers", () => {
    expect(rows("In the survey, two-thirds said they would vote.")).toEqual([
      { rule: "indirect.said-that", source: "two-thirds", cue: "said", content: ["they would vote"] },
    ]);
    expect(rows("One in four said the council was hostile to them.")).toEqual([
      { rule: "indirect.said-that", source: "One in four", cue: "said", content: ["the council was hostile to them"] },
    ]);
    expect(rows("About three-quarters support a ban on the imports.")).toEqual([
      { rule: "indirect.stance", source: "About three-quarters", cue: "support", content: ["a ban on the imports"] },
    ]);
  });

  it("gerundObject: a stance verb read as a noun before a gerund object (“two-thirds support reducing …”)", () => {
    expect(rows("In the survey, two-thirds support reducing the fares.")).toEqual([
      { rule: "indirect.stance", source: "two-thirds", cue: "support", content: ["reducing the fares"] },
    ]);
  });
});

describe("indirect.participle-subject", () => {
  it("ingAfterSubject: a participle right after a group takes it as the source", () => {
    expect(
      rows("Feelings of abandonment have left Varden followers accusing their Orlen rivals of selling the cause."),
    ).toEqual([
      {
        rule: "indirect.participle-subject",
        source: "Varden followers",
        cue: "accusing",
        content: ["their Orlen rivals of selling the cause"],
      },
    ]);
  });

  it("prepCut: the phrase after its last preposition is the source (“protests from residents denouncing …”)", () => {
    expect(rows("The vote drew protests from residents denouncing the new levy.")).toEqual([
      { rule: "indirect.participle-subject", source: "residents", cue: "denouncing", content: ["the new levy"] },
    ]);
  });

  it("verbAfter: the participle phrase ends before the sentence's own verb", () => {
    expect(rows("A group urging a recount spent two million on radio ads.")).toEqual([
      { rule: "indirect.participle-subject", source: "A group", cue: "urging", content: ["a recount"] },
    ]);
  });

  it("actParticiples: participles that mostly name an act report nothing after a group", () => {
    expect(rows("Members voting the party line left early.")).toEqual([]);
    expect(rows("A group seeking funds for the pier met on Tuesday.")).toEqual([]);
  });

  it("timeBefore: a month or day before the participle is no source", () => {
    expect(rows("The report was published in January criticising the council.")).toEqual([]);
  });

  it("noObject: a preposition after the participle leaves no reported object", () => {
    expect(rows("Residents protesting against the levy marched to the pier.")).toEqual([]);
  });

  it("frontedPp: inside a fronted prepositional phrase the participle is no report; the sentence's subject reports", () => {
    expect(rows("In a statement announcing the pick, the Varden Union called Pell a champion of workers.")).toEqual([
      { rule: "indirect.stance", source: "the Varden Union", cue: "called", content: ["Pell a champion of workers"] },
    ]);
  });

  it("commaEnd: the participle's content ends at the first comma", () => {
    expect(rows("Residents criticising the levy, a small group, met on Tuesday.")).toEqual([
      { rule: "indirect.participle-subject", source: "Residents", cue: "criticising", content: ["the levy"] },
    ]);
  });

  it("relThat: a relative “that” right before a verb is no reported clause", () => {
    expect(rows("Rows over a councillor challenging that may simmer down now.")).toEqual([]);
    expect(rows("The feud ended with a councillor challenging that may simmer down now.")).toEqual([]);
  });
});
