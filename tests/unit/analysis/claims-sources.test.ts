// Claim stances that depend on how the source is written (issue 13): unnamed agents, parties, bodies named by kind,
// nested speakers, the reporting frame's head, and allegations cut out as their own hedged or denied claim.
import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { findMarkers } from "#app/analysis/markers";
import { extractClaims } from "#app/analysis/claims";
import type { Attribution, SourceEntity } from "#app/analysis/types";

interface A {
  source?: string;
  cue: string;
  content: string;
  sourceKey?: string | null;
}

function build(text: string, specs: A[], sources: SourceEntity[] = []) {
  const span = (x: string) => {
    const at = text.indexOf(x);
    if (at < 0) throw new Error(`not in text: ${x}`);
    return { start: at, end: at + x.length };
  };
  const attributions: Attribution[] = specs.map((s, i) => ({
    id: `a${i + 1}`,
    kind: "indirect",
    source: s.source ? span(s.source) : null,
    cue: span(s.cue),
    content: [span(s.content)],
    sourceKey: s.sourceKey ?? null,
    sourceKind: "official",
    affiliation: null,
    cueStance: "neutral",
    rule: "test",
    evidence: [],
  }));
  const tok = tokenize(text);
  const words = toWords(tok);
  const { mentions } = detectActors(text, words);
  const { markers, quotes } = findMarkers(text, words, tok.paragraphs, attributions);
  return extractClaims({
    text,
    words,
    sentences: tok.sentences,
    attributions,
    sources,
    mentions,
    markers,
    quotes: quotes.map((q) => q.outer),
  });
}

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
