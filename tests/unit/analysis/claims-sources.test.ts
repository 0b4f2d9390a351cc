// Claim stances that depend on how the source is written (issue 13): unnamed agents, parties, bodies named by kind,
// nested speakers, the reporting frame's head, and allegations cut out as their own hedged or denied claim.
import { describe, expect, it } from "vitest";
import type { SourceEntity } from "#app/analysis/types";
import { buildClaims, type ClaimSpec } from "../../utils/claims-build";

// Every attribution of these tests comes from an official unless it says otherwise.
const build = (text: string, specs: ClaimSpec[], sources: SourceEntity[] = []) =>
  buildClaims(text, specs, sources, "official");

function source(key: string, name: string, named: boolean, kind: SourceEntity["kind"] = "politician"): SourceEntity {
  return {
    key,
    name,
    description: null,
    kind,
    affiliation: null,
    named,
    kindEvidence: [],
    mentions: [],
    attributionIds: [],
    wordsQuoted: 0,
  };
}

const claimWith = (cs: ReturnType<typeof build>, words: string) => cs.find((c) => c.text.includes(words));

describe("who holds a claim, as the source is written", () => {
  it("keeps a spokesperson for a named person unnamed (stance.unnamed-agent)", () => {
    const text = "A spokesperson for Senator Orla Brandt said the harbour levy would stay in place.";
    const cs = build(
      text,
      [
        {
          source: "A spokesperson for Senator Orla Brandt",
          cue: "said",
          content: "the harbour levy would stay in place",
          sourceKey: "s1",
        },
      ],
      [source("s1", "Orla Brandt", true)],
    );
    const c = claimWith(cs, "harbour levy")!;
    expect(c.stance).toBe("unnamed");
    expect(c.evidence).toContain("stance.unnamed-agent");
  });

  it("names a spokesperson who is named, and a person speaking for herself", () => {
    const text = "Senator Orla Brandt said the harbour levy would stay in place.";
    const cs = build(
      text,
      [
        {
          source: "Senator Orla Brandt",
          cue: "said",
          content: "the harbour levy would stay in place",
          sourceKey: "s1",
        },
      ],
      [source("s1", "Orla Brandt", true)],
    );
    expect(claimWith(cs, "harbour levy")!.stance).toBe("attributed");
  });

  it("takes a party named by its members as named, but not a quantified part of it (stance.named-party)", () => {
    const text =
      "Valdists criticised the harbour levy for months. Some Valdists said the harbour levy had failed the coast.";
    const cs = build(
      text,
      [
        { source: "Valdists", cue: "criticised", content: "the harbour levy for months", sourceKey: "s1" },
        { source: "Some Valdists", cue: "said", content: "the harbour levy had failed the coast", sourceKey: "s2" },
      ],
      [source("s1", "valdists", false), source("s2", "some valdists", false)],
    );
    expect(claimWith(cs, "for months")!.stance).toBe("attributed");
    expect(claimWith(cs, "failed the coast")!.stance).toBe("unnamed");
  });

  it("names a body given by its kind right after the organisation is named (stance.definite-source)", () => {
    const named =
      "The Tolvar Broadcasting Corporation aired the debate. The crew left early, according to the network.";
    const cs = build(
      named,
      [{ source: "the network", cue: "according to", content: "The crew left early", sourceKey: "s1" }],
      [source("s1", "network", false, "media")],
    );
    expect(claimWith(cs, "crew left")!.stance).toBe("attributed");
    const bare = "The crew of the ferry left the island early, according to the network.";
    const cs2 = build(
      bare,
      [
        {
          source: "the network",
          cue: "according to",
          content: "The crew of the ferry left the island early",
          sourceKey: "s1",
        },
      ],
      [source("s1", "network", false, "media")],
    );
    expect(claimWith(cs2, "crew of the ferry")!.stance).toBe("unnamed");
  });

  it("gives a statement's words to the speaker named inside them (stance.nested-speaker)", () => {
    const text =
      "In a statement issued Monday, Ada Lindqvist, a partner at Orm & Vell, said her firm had been hired by the port.";
    const cs = build(
      text,
      [
        {
          source: "a statement",
          cue: "issued",
          content: "Ada Lindqvist, a partner at Orm & Vell, said her firm had been hired by the port",
          sourceKey: "s1",
        },
        {
          source: "Ada Lindqvist, a partner at Orm & Vell",
          cue: "said",
          content: "her firm had been hired by the port",
          sourceKey: "s2",
        },
      ],
      [source("s1", "statement", false, "document"), source("s2", "Ada Lindqvist", true, "other")],
    );
    const outer = cs.find((c) => c.text.startsWith("Ada Lindqvist"))!;
    expect(outer.stance).toBe("attributed");
    expect(outer.sourceName).toBe("Ada Lindqvist");
    expect(outer.evidence).toContain("stance.nested-speaker");
  });

  it("gives a sentence where the outlet 'is told' something to an unnamed source, but not 'was told to …'", () => {
    const [c] = build("The two ministers met for over an hour, and this newspaper is told no aides were present.", []);
    expect(c!.stance).toBe("unnamed");
    expect(c!.evidence).toContain("stance.reporting-frame");
    const [d] = build("The ferry captain was told to leave the harbour before the storm reached the coast.", []);
    expect(d!.stance).toBe("asserted");
  });

  it("names a document given by its issuer at the head of a reporting frame, after a year", () => {
    const text = "A 1921 Tolvar High Court ruling held that the island's fishers could keep their nets.";
    const [c] = build(text, []);
    expect(c!.stance).toBe("attributed");
    expect(c!.evidence).toContain("stance.reporting-frame");
  });
});

describe("allegations inside a claim (claim.allegation)", () => {
  it("cuts the allegation out as a hedged claim and keeps the writer's words asserted", () => {
    const text =
      "Prosecutors in Brenmoor widened their inquiry on Monday into allegations that two port managers sold fuel permits for cash.";
    const cs = build(text, []);
    const p = claimWith(cs, "sold fuel permits")!;
    expect(p.stance).toBe("hedged");
    expect(p.rule).toBe("claim.allegation");
    expect(p.text).toBe("two port managers sold fuel permits for cash");
    const main = claimWith(cs, "widened their inquiry")!;
    expect(main.stance).toBe("asserted");
    expect(main.text).not.toContain("permits");
  });

  it("marks the allegation denied when the sentence denies it", () => {
    const text = "The harbour board flatly denied allegations that its members sold fuel permits for cash.";
    const p = claimWith(build(text, []), "sold fuel permits")!;
    expect(p.stance).toBe("denied");
  });

  it("leaves a sentence alone that has no allegation clause", () => {
    const text = "Prosecutors in Brenmoor widened their inquiry on Monday into the sale of fuel permits for cash.";
    const cs = build(text, []);
    expect(cs).toHaveLength(1);
    expect(cs[0]!.stance).toBe("asserted");
  });
});

describe("where an attribution's words end (claim.content-cut)", () => {
  it("ends a quotation's words at its closing mark before the writer's 'before …'", () => {
    const text =
      "Marsh frowned and asked, “who sent you?” before pushing the reporter's microphone away from the gate.";
    const cs = build(text, [
      {
        source: "Marsh",
        cue: "asked",
        content: "“who sent you?” before pushing the reporter's microphone away from the gate",
      },
    ]);
    const q = cs.find((c) => c.attributionId === "a1")!;
    expect(q.text).toBe("“who sent you?”");
    expect(q.evidence).toContain("claim.content-cut");
    expect(cs.some((c) => c.attributionId === null && c.text.includes("pushing the reporter"))).toBe(true);
  });

  it("ends a cue's words in a relative clause at the comma before the main verb", () => {
    const text =
      "Mayor Ilse Varga, who has been criticised for closing the night ferry to save money, asked the harbour board to reopen it.";
    const cs = build(text, [
      {
        cue: "has been criticised for",
        content: "closing the night ferry to save money, asked the harbour board to reopen it",
      },
    ]);
    const c = cs.find((x) => x.attributionId === "a1")!;
    expect(c.text).toBe("closing the night ferry to save money");
  });

  it("ends a cue's words in a fronted subordinate clause at the main clause", () => {
    const text =
      "Although she has voiced support for the levy before, her remarks on Monday could signal a change in the port's plans.";
    const cs = build(text, [
      {
        source: "she",
        cue: "voiced",
        content: "support for the levy before, her remarks on Monday could signal a change in the port's plans",
      },
    ]);
    expect(cs.find((x) => x.attributionId === "a1")!.text).toBe("support for the levy before");
    expect(cs.some((x) => x.attributionId === null && x.text.includes("could signal a change"))).toBe(true);
  });

  it("leaves 'as he toured …' after a past cue to the writer (the time of the saying)", () => {
    const text =
      "Minister Ilse Varga said on Monday that she understood the fishers' anger as she toured the flooded harbour of Brenmoor.";
    const cs = build(text, [
      {
        source: "Minister Ilse Varga",
        cue: "said",
        content: "that she understood the fishers' anger as she toured the flooded harbour of Brenmoor",
      },
    ]);
    expect(cs.find((x) => x.attributionId === "a1")!.text).toBe("that she understood the fishers' anger");
    expect(cs.find((x) => x.attributionId === null)!.text).toMatch(/she toured the flooded harbour of Brenmoor/);
  });

  it("keeps a list inside the content: a comma before a plain noun is no clause boundary", () => {
    const text = "Although the ministry said that ferries, trams and buses were late, the port stayed open all week.";
    const cs = build(text, [
      {
        source: "the ministry",
        cue: "said",
        content: "that ferries, trams and buses were late, the port stayed open all week",
      },
    ]);
    expect(cs.find((x) => x.attributionId === "a1")!.text).toBe("that ferries, trams and buses were late");
  });
});

describe("hedges and speakers inside a sentence", () => {
  it("keeps a claim asserted when the hedge stands in a trailing subordinate clause", () => {
    const text =
      "Investigators widened their search along the coast, as some of the parcels may have passed through Brenmoor.";
    const [c] = build(text, []);
    expect(c!.stance).toBe("asserted");
    const hedged = build("Investigators may have widened their search along the coast of Brenmoor.", []);
    expect(hedged[0]!.stance).toBe("hedged");
  });

  it("gives content after 'his claim that' to the man named before, not to the cue's subject (stance.possessive-speaker)", () => {
    const text =
      "Harbour chief Tomas Ruud spoke on Friday. Unnamed board members urged him to retract his claim that the quay was unsafe in winter.";
    const cs = build(
      text,
      [
        {
          source: "Unnamed board members",
          cue: "retract",
          content: "that the quay was unsafe in winter",
          sourceKey: "s1",
        },
      ],
      [source("s1", "board members", false)],
    );
    const c = cs.find((x) => x.attributionId === "a1")!;
    expect(c.stance).toBe("attributed");
    expect(c.sourceName).toBe("Tomas Ruud");
    expect(c.evidence).toContain("stance.possessive-speaker");
  });
});
