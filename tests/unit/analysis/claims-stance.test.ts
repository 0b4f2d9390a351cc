import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { claimTerms } from "#app/analysis/claims";
import type { SourceEntity } from "#app/analysis/types";
import { buildClaims as build } from "../../utils/claims-build";

function source(key: string, name: string, named = true): SourceEntity {
  return {
    key,
    name,
    description: null,
    kind: "official",
    affiliation: "Tolvaria",
    named,
    kindEvidence: [],
    mentions: [],
    attributionIds: [],
    wordsQuoted: 0,
  };
}

describe("claims and their stance", () => {
  it("takes the content of an attribution as a claim attributed to a named source (claim.attribution)", () => {
    const text = "Minister Ilse Varga said the dock would reopen on 12 May.";
    const [c] = build(
      text,
      [
        {
          source: "Minister Ilse Varga",
          cue: "said",
          content: "the dock would reopen on 12 May",
          sourceKey: "varga",
          sourceKind: "official",
        },
      ],
      [source("varga", "Ilse Varga")],
    );
    expect(c!.rule).toBe("claim.attribution");
    expect(c!.stance).toBe("attributed");
    expect(c!.sourceName).toBe("Ilse Varga");
    expect(text.slice(c!.span.start, c!.span.end)).toBe("the dock would reopen on 12 May");
    expect(c!.terms).toEqual(expect.arrayContaining(["dock", "reopen", "12"]));
  });

  it("marks a claim from an unnamed source as unnamed, a sourceless hedged one as hedged", () => {
    const text = "Officials said the dock was closed. The crane had reportedly collapsed.";
    const claims = build(
      text,
      [
        {
          source: "Officials",
          cue: "said",
          content: "the dock was closed",
          sourceKey: "officials",
          sourceKind: "unnamed",
        },
        { cue: "reportedly", content: "The crane had reportedly collapsed", kind: "unnamed" },
      ],
      [source("officials", "officials", false)],
    );
    expect(claims.map((c) => c.stance)).toEqual(["unnamed", "hedged"]);
  });

  it("keeps a source named at the head of its words named, though the source entity kept only a description (stance.named-in-source)", () => {
    const text =
      "Dorin Velasko, a lawyer for the dock workers, said the crane had been repaired twice. Tolvar officials said the dock was safe.";
    const claims = build(
      text,
      [
        {
          source: "Dorin Velasko, a lawyer for the dock workers",
          cue: "said",
          content: "the crane had been repaired twice",
          sourceKey: "s1",
          kind: "unnamed",
        },
        { source: "Tolvar officials", cue: "said", content: "the dock was safe", sourceKey: "s2", kind: "unnamed" },
      ],
      [source("s1", "Dorin Velasko a lawyer for the dock workers", false), source("s2", "Tolvar officials", false)],
    );
    expect(claims.map((c) => c.stance)).toEqual(["attributed", "unnamed"]);
    expect(claims[0]!.evidence).toContain("stance.named-in-source");
  });

  it("takes 'he' or 'she' right after a named person for a named source, 'they' not (stance.pronoun-source)", () => {
    const text =
      "Mayor Anika Sorel visited the harbour on Monday.\n\nShe said the dock would reopen in May. They said the crane was old.";
    const claims = build(
      text,
      [
        { source: "She", cue: "said", content: "the dock would reopen in May", sourceKey: "s1", kind: "unnamed" },
        { source: "They", cue: "said", content: "the crane was old", sourceKey: "s2", kind: "unnamed" },
      ],
      [source("s1", "She", false), source("s2", "They", false)],
    );
    const byText = new Map(claims.map((c) => [c.text, c.stance]));
    expect(byText.get("the dock would reopen in May")).toBe("attributed");
    expect(byText.get("the crane was old")).toBe("unnamed");
  });

  it("marks denials: a denial cue, or 'no evidence' in the content (stance.denied)", () => {
    const text = "The Korvath Front denied that it fired first. Inspectors said there was no evidence of sabotage.";
    const claims = build(
      text,
      [
        {
          source: "The Korvath Front",
          cue: "denied",
          content: "that it fired first",
          stance: "denial",
          sourceKey: "kf",
          sourceKind: "armed_group",
        },
        {
          source: "Inspectors",
          cue: "said",
          content: "there was no evidence of sabotage",
          sourceKey: "insp",
          sourceKind: "expert",
        },
      ],
      [source("kf", "Korvath Front"), source("insp", "inspectors", false)],
    );
    expect(claims.map((c) => c.stance)).toEqual(["denied", "denied"]);
    expect(claims[1]!.evidence).toContain("there was no evidence");
  });

  it("marks the claim a later denial points back at, not the denial of a thing (stance.denied-rebuttal)", () => {
    const text = "Tolvar accused the Korvath Front of shelling the depot. The Korvath Front denied the allegations.";
    const claims = build(
      text,
      [
        {
          source: "Tolvar",
          cue: "accused",
          content: "the Korvath Front of shelling the depot",
          stance: "accusation",
          sourceKey: "tolvar",
          sourceKind: "official",
        },
        {
          source: "The Korvath Front denied",
          cue: "denied",
          content: "the allegations",
          stance: "denial",
          sourceKey: "kf",
          sourceKind: "armed_group",
        },
      ],
      [source("tolvar", "Tolvar"), source("kf", "Korvath Front")],
    );
    // "the allegations" is a thing denied, not a proposition: that claim keeps its source's stance.
    expect(claims.map((c) => c.stance)).toEqual(["denied", "attributed"]);
    expect(claims[0]!.evidence).toEqual(["stance.denied", "stance.denied-rebuttal", "denied the allegations"]);
    expect(text.slice(claims[0]!.denial!.start, claims[0]!.denial!.end)).toBe("denied the allegations");
  });

  it("takes the author's own assertive sentences, hedged or not, but no questions, quotations or fragments (claim.author)", () => {
    const text =
      "The ferry sank near Tolvar harbour on Sunday evening. Would the crew have survived a second storm?\n" +
      '"We never saw the wave coming until it was on us."\n' +
      "The hull may have cracked during the earlier storm. Thanks to all. Nobody found any evidence that the hull was faulty.";
    const claims = build(text, []);
    expect(claims.map((c) => [c.stance, c.text])).toEqual([
      ["asserted", "The ferry sank near Tolvar harbour on Sunday evening."],
      ["hedged", "The hull may have cracked during the earlier storm."],
      ["asserted", "Nobody found any evidence that the hull was faulty."],
    ]);
    expect(claims.every((c) => c.rule === "claim.author" && c.attributionId === null)).toBe(true);
  });

  it("marks an author's sentence that denies as denied", () => {
    const [c] = build("The rumour that the mayor resigned is false and baseless.", []);
    expect(c!.stance).toBe("denied");
  });

  it("uses actor keys for names, keeps numbers and stems other content words (claim terms)", () => {
    const text = "ISIL fighters killed 12 guards. The Islamic State killing of guards continued.";
    const tok = tokenize(text);
    const words = toWords(tok);
    const { mentions } = detectActors(text, words);
    const a = claimTerms(words, [tok.sentences[0]!], mentions);
    const b = claimTerms(words, [tok.sentences[1]!], mentions);
    expect(a).toEqual(["@isis", "fighter", "kill", "12", "guard"]);
    expect(b).toEqual(expect.arrayContaining(["@isis", "kill", "guard"]));
  });

  it("does not take a refusal to comment, or a negative word inside a claim, for a denial", () => {
    const text =
      "The ministry declined to comment on the report. Ilse Varga pleaded guilty to giving false statements to inspectors.";
    const claims = build(
      text,
      [
        {
          source: "The ministry",
          cue: "declined",
          content: "to comment on the report",
          stance: "denial",
          sourceKey: "min",
          sourceKind: "official",
        },
      ],
      [source("min", "ministry")],
    );
    expect(claims.find((c) => c.text.includes("comment"))!.stance).not.toBe("denied");
    const plea = claims.find((c) => c.text.includes("false statements"))!;
    expect(plea.rule).toBe("claim.author");
    expect(plea.stance).toBe("asserted");
  });

  it("marks a claim the article calls false or unproven, and one a source rebuts (stance.denied)", () => {
    const claims = build(
      "Varga falsely claimed that the dock had been sold. There is no evidence that the crane was sabotaged.",
      [],
    );
    expect(claims.map((c) => c.stance)).toEqual(["denied", "denied"]);
    expect(claims[1]!.evidence).toContain("There is no evidence");
  });

  it("keeps the author's own claim when an attribution covers only part of the sentence (claim.author-remainder)", () => {
    const text = "The Tolvar ferry sank in the harbour on Sunday night after the storm, the coastguard said.";
    const claims = build(
      text,
      [{ source: "the coastguard", cue: "said", content: "after the storm", sourceKey: "cg", sourceKind: "official" }],
      [source("cg", "coastguard", false)],
    );
    const own = claims.find((c) => c.rule === "claim.author-remainder");
    expect(own?.text).toBe("The Tolvar ferry sank in the harbour on Sunday night");
    expect(own?.stance).toBe("asserted");
  });

  it("gives one claim per sentence of a quotation running over several sentences (claim.sentence-split)", () => {
    const text = '"The dock will reopen on Monday. The crane crews have been paid in full," Ilse Varga said.';
    const claims = build(
      text,
      [
        {
          source: "Ilse Varga",
          cue: "said",
          content: "The dock will reopen on Monday. The crane crews have been paid in full,",
          kind: "direct",
          sourceKey: "varga",
          sourceKind: "official",
        },
      ],
      [source("varga", "Ilse Varga")],
    );
    expect(claims.map((c) => c.text)).toEqual([
      "The dock will reopen on Monday.",
      "The crane crews have been paid in full,",
    ]);
    expect(claims.every((c) => c.rule === "claim.sentence-split" && c.stance === "attributed")).toBe(true);
  });

  it("does not split a claim inside a clock time such as 11.20pm", () => {
    const text = "The report says the outlet valve failed at 11.20pm on Tuesday and an alarm sounded within minutes.";
    const claims = build(
      text,
      [
        {
          source: "The report",
          cue: "says",
          content: "the outlet valve failed at 11",
          sourceKey: "rep",
          sourceKind: "document",
        },
      ],
      [source("rep", "report")],
    );
    expect(claims.map((c) => c.text)).toEqual([
      "the outlet valve failed at 11.20pm on Tuesday and an alarm sounded within minutes",
    ]);
  });
});

describe("denials that answer a claim from outside its words (claim-denials.ts)", () => {
  const varga = (content: string, cue = "said") => ({
    source: "Ilse Varga",
    cue,
    content,
    sourceKey: "varga",
    sourceKind: "official" as const,
  });

  it("takes the writer's 'falsely' before the cue, or 'making a false claim' after it (stance.denied-frame)", () => {
    const a = build(
      "Ilse Varga falsely said the dock had been sold.",
      [varga("the dock had been sold")],
      [source("varga", "Ilse Varga")],
    );
    expect(a[0]!.stance).toBe("denied");
    expect(a[0]!.evidence).toEqual(["stance.denied", "stance.denied-frame", "falsely said"]);
    const b = build(
      "Ilse Varga said the dock had been sold, making a false claim. The crane at the north dock is old.",
      [varga("the dock had been sold")],
      [source("varga", "Ilse Varga")],
    );
    expect(b.map((c) => c.stance)).toEqual(["denied", "asserted"]);
    const c = build(
      "Ilse Varga said the dock had been sold.",
      [varga("the dock had been sold")],
      [source("varga", "Ilse Varga")],
    );
    expect(c[0]!.stance).toBe("attributed");
  });

  it("links a rebuttal that points back to the claim before it, never a refused or negated one (stance.denied-rebuttal)", () => {
    const said = "Ilse Varga said the harbour master had taken bribes.";
    const rebut = (second: string) =>
      build(`${said} ${second}`, [varga("the harbour master had taken bribes")], [source("varga", "Ilse Varga")]);
    expect(rebut("The harbour master dismissed that criticism.")[0]!.stance).toBe("denied");
    expect(rebut("The harbour master called the claim false.")[0]!.stance).toBe("denied");
    expect(rebut("The harbour master did not dispute the allegation.")[0]!.stance).toBe("attributed");
    expect(rebut("The harbour master declined to dispute the report.")[0]!.stance).toBe("attributed");
    // Shared words alone are no link: a later sentence on the bribes that points back at nothing.
    expect(rebut("The harbour master dismissed the bribes inquiry as routine.")[0]!.stance).toBe("attributed");
  });

  it("prefers the claim whose sentence names the rebutter when the rebuttal opens a paragraph", () => {
    const text =
      "Ilse Varga said the harbour master had taken bribes. Dorin Velasko said the crane was old.\n\n" +
      "The harbour master denied the allegation.";
    const claims = build(
      text,
      [
        varga("the harbour master had taken bribes"),
        { source: "Dorin Velasko", cue: "said", content: "the crane was old", sourceKey: "dv", sourceKind: "expert" },
      ],
      [source("varga", "Ilse Varga"), source("dv", "Dorin Velasko")],
    );
    expect(claims.map((c) => [c.text, c.stance])).toEqual([
      ["the harbour master had taken bribes", "denied"],
      ["the crane was old", "attributed"],
      expect.anything(),
    ]);
  });

  it("takes a later negation of the claim's own words from someone else, not the speaker's own restatement (stance.denied-echo)", () => {
    const text =
      'Ilse Varga said the closure was "a total loss for the port." The pier reopened on Monday. ' +
      'Inspectors said the closure was not "a total loss for the port."';
    const claims = build(
      text,
      [
        varga('the closure was "a total loss for the port."'),
        {
          source: "Inspectors",
          cue: "said",
          content: 'the closure was not "a total loss for the port."',
          sourceKey: "insp",
          sourceKind: "expert",
        },
      ],
      [source("varga", "Ilse Varga"), source("insp", "inspectors", false)],
    );
    expect(claims[0]!.stance).toBe("denied");
    expect(claims[0]!.evidence[1]).toBe("stance.denied-echo");
    const own = build(
      "Ilse Varga said the pier was a total loss for the port. Ilse Varga said the crane was not a total loss for the port.",
      [varga("the pier was a total loss for the port"), varga("the crane was not a total loss for the port")],
      [source("varga", "Ilse Varga")],
    );
    expect(own.map((c) => c.stance)).toEqual(["attributed", "attributed"]);
    const notOnly = build(
      "The storm closed the northern pier for a week. It closed not only the northern pier but also the ferry.",
      [],
    );
    expect(notOnly.every((c) => c.stance !== "denied")).toBe(true);
  });

  it("does not take the denial of a thing for the denial of a claim", () => {
    const claims = build(
      "The council rejected the harbour plan on Monday evening.",
      [
        {
          source: "The council",
          cue: "rejected",
          content: "the harbour plan",
          stance: "denial",
          sourceKey: "c",
          sourceKind: "official",
        },
      ],
      [source("c", "council")],
    );
    expect(claims.find((c) => c.text === "the harbour plan")!.stance).not.toBe("denied");
  });
});

describe("stance from the sentence around a claim", () => {
  it("takes a hedge adjective before a noun for the noun's, not the claim's ('likely pipe bombs')", () => {
    const [a] = build("Police seized two likely pipe bombs at the Tolvar depot on Monday.", []);
    expect(a!.stance).toBe("asserted");
    const [b] = build("The pipe bombs at the Tolvar depot may have been sent from the coast.", []);
    expect(b!.stance).toBe("hedged");
  });

  it("takes a refusal or a question for an act the writer reports, not its source's claim (stance.reported-act)", () => {
    const claims = build(
      "Ilse Varga declined to answer questions about whether she would resign. Dorin Velasko asked whether the pier was safe.",
      [
        {
          source: "Ilse Varga",
          cue: "declined",
          content: "to answer questions about whether she would resign",
          stance: "denial",
          sourceKey: "v",
          sourceKind: "official",
        },
        {
          source: "Dorin Velasko",
          cue: "asked",
          content: "whether the pier was safe",
          sourceKey: "d",
          sourceKind: "expert",
        },
      ],
      [source("v", "Ilse Varga"), source("d", "Dorin Velasko")],
    );
    expect(claims.map((c) => c.stance)).toEqual(["asserted", "asserted"]);
    expect(claims[0]!.evidence).toContain("stance.reported-act");
  });

  it("gives a subjectless rest of the sentence the stance of the attribution it continues (claim.continued)", () => {
    const text = "Ilse Varga said that she would appeal the ruling — and would ask the court for costs in the spring.";
    const claims = build(
      text,
      [
        {
          source: "Ilse Varga",
          cue: "said",
          content: "that she would appeal the ruling",
          sourceKey: "v",
          sourceKind: "official",
        },
      ],
      [source("v", "Ilse Varga")],
    );
    const rest = claims.find((c) => c.text.startsWith("would ask"))!;
    expect([rest.rule, rest.stance, rest.sourceName]).toEqual(["claim.continued", "attributed", "Ilse Varga"]);
    // A rest with its own subject stays the writer's.
    const own = build(
      "Ilse Varga said that she would appeal the ruling, and the court adjourned until the spring.",
      [
        {
          source: "Ilse Varga",
          cue: "said",
          content: "that she would appeal the ruling",
          sourceKey: "v",
          sourceKind: "official",
        },
      ],
      [source("v", "Ilse Varga")],
    );
    expect(own.find((c) => c.text.includes("adjourned"))!.stance).toBe("asserted");
  });

  it("reads who holds a claim no attribution covers from its own sentence (stance.reporting-frame)", () => {
    const claims = build(
      "But many historians counter that the pier was never closed before the war. " +
        "The ferry to Tolvar was late again on Monday, harbour officials said. " +
        "The council met on Monday, with several members arguing that the pier should be sold.",
      [],
    );
    expect(claims.map((c) => [c.stance, c.text.slice(0, 20)])).toEqual([
      ["unnamed", "But many historians "],
      ["unnamed", "The ferry to Tolvar "],
      ["asserted", "The council met on M"],
      ["unnamed", "with several members"],
    ]);
  });
});
