// The heuristics inside the attribution engine's rules (the conditions its old TUNING switches guarded), one
// fictional sentence each that shows what the heuristic does: each test fails when its heuristic alone is
// switched off (`npx tsx scripts/heuristic-mutations.ts` shows it). Grouped by the file the heuristic is in.
import { describe, expect, it } from "vitest";
import { rows } from "../../utils/sourcing-rows";

describe("clauses.ts", () => {
  it("rel: “, which …” ends a content that is no clause of its own", () => {
    expect(rows("Ada Pell called for a new levy on ferries, which the council rejected.")).toEqual([
      { rule: "indirect.stance", source: "Ada Pell", cue: "called for", content: ["a new levy on ferries"] },
    ]);
  });

  it("clausalRel: a reported clause with its own subject keeps a relative clause that reports nothing", () => {
    expect(rows("Ada Pell said the council approved the levy, which rises in May.")).toEqual([
      {
        rule: "indirect.said-that",
        source: "Ada Pell",
        cue: "said",
        content: ["the council approved the levy, which rises in May"],
      },
    ]);
  });

  it("infNoClause: an infinitive is no finite clause, so “feel” with a noun object and an infinitive reports nothing", () => {
    // "feel" reports only a clause; "the need to leave" is a noun phrase with an infinitive, not one.
    expect(rows("Residents feel the need to leave.")).toEqual([]);
  });
});

describe("cue-content.ts", () => {
  it("dayAfterCue: a day right after a cue that is no speech verb is a time phrase, not content", () => {
    expect(rows("Ada Pell weighed in Friday on the levy.")).toEqual([
      { rule: "indirect.stance", source: "Ada Pell", cue: "weighed in", content: ["on the levy"] },
    ]);
  });
});

describe("noun-phrases.ts", () => {
  it("hyphenNp: a hyphenated compound stays inside a source phrase after the cue", () => {
    expect(rows("The plan was endorsed by Orlen-area pastors.")).toEqual([
      {
        rule: "indirect.passive-agent",
        source: "Orlen-area pastors",
        cue: "was endorsed by",
        content: ["The plan"],
      },
    ]);
  });
});

describe("rules/verb-cue.ts", () => {
  it("byIng: a participle after “after”, “while” or “by” takes the sentence's subject as its source", () => {
    expect(rows("The union ended the strike after saying its demands were met.")).toEqual([
      {
        rule: "indirect.participle",
        source: "The union",
        cue: "saying",
        content: ["its demands were met"],
      },
    ]);
  });

  it("inversionSayLike: “…, announced the closure” after a clause is no inversion (the object is no speaker)", () => {
    // "announce" is a speech verb but not say-like: the noun phrase after it is its object, not an inverted speaker.
    expect(rows("The council, which met on Friday, announced the closure.")).toEqual([
      {
        rule: "indirect.said-that",
        source: "The council, which met on Friday",
        cue: "announced",
        content: ["the closure"],
      },
    ]);
  });

  it("postEvidence: an evidence verb after its content (“…, the audit found”) reports it, like a speech verb", () => {
    expect(rows("Fares will rise by a fifth, the audit found.")).toEqual([
      {
        rule: "indirect.source-cue-after",
        source: "the audit",
        cue: "found",
        content: ["Fares will rise by a fifth"],
      },
    ]);
  });

  it("askedFront: a fronted “Asked …” is a participle, not a finite verb, so it is no reported clause", () => {
    expect(rows("Asked again on Friday, the mayor said, “The pier is safe.”")).toEqual([
      { rule: "quote.source-cue-before", source: "the mayor", cue: "said", content: ["“The pier is safe.”"] },
    ]);
  });

  it("postAgent: unquoted content before “, X said” needs a speaker-like X", () => {
    // A timetable is no speaker for "confirmed" ("…, the timetable said" is a document's report: commonNounSpeaker).
    expect(rows("The ferry left at noon, the timetable confirmed.")).toEqual([]);
  });

  it("askedFront: a fronted “Asked if …” with a verb of its own is the question, not the speaker's content", () => {
    expect(rows("Asked if the levy would rise, the mayor said, “Not this year.”")).toEqual([
      { rule: "unnamed.asked", source: null, cue: "Asked", content: ["if the levy would rise"] },
      {
        rule: "quote.source-cue-before",
        source: "the mayor",
        cue: "said",
        content: ["“Not this year.”"],
      },
    ]);
  });

  it("relGap: a cue in a relative clause with its object gapped is no attribution", () => {
    // "the plans she supported": "supported" has no object of its own; the words after it are no content.
    expect(rows("The council dropped the plans she supported last year.")).toEqual([]);
  });
});

describe("rules/unnamed.ts", () => {
  it("seemNested: “seems” is a stance cue, so inside someone's reported speech it is part of that speech", () => {
    expect(rows("Ada Pell said the plan seems to be failing.")).toEqual([
      { rule: "indirect.said-that", source: "Ada Pell", cue: "said", content: ["the plan seems to be failing"] },
    ]);
  });
});

describe("rules/tagger-slips.ts", () => {
  it("pluralBare: a plural subject before a bare cue the tagger read as a noun makes it a verb", () => {
    expect(rows("Polls show a close race in Varden.")).toEqual([
      { rule: "indirect.evidence", source: "Polls", cue: "show", content: ["a close race in Varden"] },
    ]);
    expect(rows("Twelve percent support the levy.")).toEqual([
      { rule: "indirect.stance", source: "Twelve percent", cue: "support", content: ["the levy"] },
    ]);
  });
});

describe("rules/dash-credits.ts", () => {
  it("dashScan: a dash credit is found from the marks when the quotation's pairing fails", () => {
    // A reversed opening mark inside an open quotation: the pairing misses "”Soon.”", the scan of the marks finds it.
    expect(rows("“We will rebuild the bridge. ”Soon.” — Ilse Brandt")).toEqual([
      { rule: "quote.dash-credit", source: "Ilse Brandt", cue: "—", content: ["”Soon.”"] },
    ]);
  });
});

describe("passes.ts", () => {
  it("contParas: a quoted paragraph with no cue of its own continues the quotation just before it", () => {
    const text = "Ada Pell said, “The pier is safe.”\n\n“It will stand for years.”\n\nThe council meets on Monday.";
    expect(rows(text)).toEqual([
      {
        rule: "quote.source-cue-before",
        source: "Ada Pell",
        cue: "said",
        content: ["“The pier is safe.”", "“It will stand for years.”"],
      },
    ]);
  });

  it("coordSplit: “X said A, and Y noted that B”: the first content stops before the conjunction", () => {
    expect(rows("Ada Pell said the pier was safe, and Tam Orrin noted that the ferry was late.")).toEqual([
      { rule: "indirect.said-that", source: "Ada Pell", cue: "said", content: ["the pier was safe"] },
      { rule: "indirect.said-that", source: "Tam Orrin", cue: "noted", content: ["that the ferry was late"] },
    ]);
  });

  it("nounDup: a stance noun whose clause is already a speech verb's content adds no second attribution", () => {
    expect(rows("Ada Pell said the fear that the pier would fall was real.").map((r) => r.rule)).toEqual([
      "indirect.said-that",
    ]);
  });

  it("nestedEvidence: an evidence verb inside someone's reported speech is part of that speech", () => {
    expect(rows("Ada Pell said records show the pier is safe.").map((r) => r.cue)).toEqual(["said"]);
  });

  it("nestedSpeech: a “said that” inside someone's reported speech is part of that speech", () => {
    expect(rows("Ada Pell said the mayor said that the pier was safe.")).toEqual([
      {
        rule: "indirect.said-that",
        source: "Ada Pell",
        cue: "said",
        content: ["the mayor said that the pier was safe"],
      },
    ]);
  });

  it("relEnd: a report in a non-restrictive relative clause ends at the comma before the main verb", () => {
    expect(rows("Ola Brant, who said the levy was unfair, left early.")).toEqual([
      { rule: "indirect.said-that", source: "Ola Brant, who", cue: "said", content: ["the levy was unfair"] },
    ]);
    expect(rows("The union, which opposes the levy, met on Tuesday.")).toEqual([
      { rule: "indirect.stance", source: "The union, which", cue: "opposes", content: ["the levy"] },
    ]);
  });
});

describe("verb-cue-parts.ts: quantities and quantified groups as speakers", () => {
  it("quantAdverb: a clause-opening quantifier the tagger reads as an adverb is the speaker", () => {
    expect(rows("Most believe the ferry will fail.")).toEqual([
      { rule: "indirect.stance", source: "Most", cue: "believe", content: ["the ferry will fail"] },
    ]);
  });

  it("quantOf: “Many of them”, “Some 56 percent of voters”: the quantity before “of” belongs to the speaker", () => {
    expect(rows("Many of them think the council is wrong.").map((r) => r.source)).toEqual(["Many of them"]);
    expect(rows("All of the ferry captains oppose the levy.").map((r) => r.source)).toEqual([
      "All of the ferry captains",
    ]);
  });

  it("polled: a polling participle after a group (“voters polled”, “those surveyed”) ends the speaker", () => {
    expect(rows("Some 56 percent of voters polled said they would back the levy.")).toEqual([
      {
        rule: "indirect.said-that",
        source: "Some 56 percent of voters polled",
        cue: "said",
        content: ["they would back the levy"],
      },
    ]);
    expect(rows("Those surveyed said the mayor was honest.").map((r) => r.source)).toEqual(["Those surveyed"]);
  });
});
