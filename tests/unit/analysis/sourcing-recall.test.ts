// Focused tests for the stance, boundary and source-marking rules added to raise recall: one short fictional
// text each, checking the rule fires and where the content and source land.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { CUE_LEXICON_VERSION, lookupCue } from "#app/analysis/cues";

function run(text: string) {
  const r = analyseSourcing(text);
  const s = (sp: { start: number; end: number } | null) => (sp ? text.slice(sp.start, sp.end) : null);
  return r.attributions.map((a) => ({
    rule: a.rule,
    kind: a.kind,
    source: s(a.source),
    cue: s(a.cue),
    content: a.content.map((c) => text.slice(c.start, c.end)),
    canonical: a.sourceKey ? r.sources.find((x) => x.key === a.sourceKey)!.name : null,
  }));
}

describe("cue lexicon additions", () => {
  it("has a bumped version and knows stance verbs and particle cues", () => {
    expect(CUE_LEXICON_VERSION).not.toBe("1.0.0");
    expect(lookupCue("put", "it")?.withParticle).toBe(true);
    for (const v of ["express", "downplay", "unleash", "vote", "learn"]) expect(lookupCue(v), v).toBeDefined();
    expect(lookupCue("speak", "of")?.withParticle).toBe(true);
    expect(lookupCue("rail", "against")?.entry.stance).toBe("accusation");
  });

  it("a particle cue takes the words after the particle as content", () => {
    const rows = run("Governor Tess Okafor spoke of the flood that destroyed the old mill.");
    expect(rows[0]).toMatchObject({
      cue: "spoke of",
      source: "Governor Tess Okafor",
      content: ["the flood that destroyed the old mill"],
    });
  });
});

describe("quotation boundaries", () => {
  it("after a quotation and its speaker, a narrative clause is not part of the quote", () => {
    const rows = run("“We will rebuild the pier,” Mayor Ilsa Brandt said, and the crowd cheered loudly for an hour.");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rule: "quote.source-cue-after", content: ["“We will rebuild the pier,”"] });
  });

  it("a quotation resumed after an inserted participle or appositive continues the speaker's words", () => {
    expect(
      run('"I trust the judge," Tam Orrin said, looking at the crowd, "but the jury worries me."')[0]!.content,
    ).toEqual(['"I trust the judge,"', '"but the jury worries me."']);
    const rows = run(
      '"These are odd days," said Pia Norr, a lawyer for the river trust, who has fought the dam. "I doubt the plan will hold."',
    );
    expect(rows[0]!.content).toEqual(['"These are odd days,"', '"I doubt the plan will hold."']);
  });

  it("“continued” reports speech only when a quotation follows", () => {
    const rows = run("Councillor Dev Arkwright spoke. He continued, “The budget is empty and the auditors know it.”");
    expect(rows[0]).toMatchObject({ cue: "continued", kind: "direct", canonical: "Dev Arkwright" });
    expect(run("The councillor continued his tour of the eastern docks.")).toHaveLength(0);
  });

  it("a time phrase after “said” is not the speaker", () => {
    const rows = run("“The port is closed,” Harbourmaster Ines Falk said Tuesday.");
    expect(rows[0]).toMatchObject({ source: "Harbourmaster Ines Falk", content: ["“The port is closed,”"] });
  });
});

describe("content boundaries", () => {
  it("a noun-phrase object (with its “as” complement) stops before an occasion phrase", () => {
    const rows = run("Senator Orla Vance criticized the harbour plan as reckless during a town hall in Pellmouth.");
    expect(rows[0]).toMatchObject({ cue: "criticized", content: ["the harbour plan as reckless"] });
  });

  it("a reported clause keeps its coordinated verbs", () => {
    const rows = run("Analysts said the mayor hid the losses and moved the money abroad.");
    expect(rows[0]!.content).toEqual(["the mayor hid the losses and moved the money abroad"]);
  });

  it("a new main clause after a comma ends the reported one", () => {
    const rows = run("Professor Ada Quell argued that the tax would fail, the committee approved it anyway.");
    expect(rows[0]).toMatchObject({ cue: "argued", content: ["that the tax would fail"] });
  });

  it("a fronted subordinate clause inside the content does not end it", () => {
    const rows = run("Professor Ada Quell argued that, if the tax passed, the harbour would close within a year.");
    expect(rows[0]!.content).toEqual(["that, if the tax passed, the harbour would close within a year"]);
  });

  it("“know” takes a finite clause without “that”, not a plain object", () => {
    expect(run("Inspector Maro Lindqvist knows the witnesses were paid.")[0]).toMatchObject({
      cue: "knows",
      content: ["the witnesses were paid"],
    });
    expect(run("Inspector Maro Lindqvist knows the area well.")).toHaveLength(0);
  });
});

describe("attributions with no source", () => {
  it("“seems to”: the writer's own hedge, set apart, with the subject and the complement as its content", () => {
    const text = "The new bridge seems to be years behind schedule.";
    expect(run(text)).toHaveLength(0);
    const [h] = analyseSourcing(text).asides;
    expect(h).toMatchObject({ type: "hedge", rule: "unnamed.seem", who: null, whoName: null });
    expect(h!.content.map((c) => text.slice(c.start, c.end))).toEqual([
      "The new bridge",
      "to be years behind schedule",
    ]);
  });

  it("“appear” counts only with “to” or “that”", () => {
    expect(run("The old ferry appeared on the horizon at dawn.")).toHaveLength(0);
  });

  it("“are expected to” with the subject in the content", () => {
    const rows = run("About forty families are expected to leave the valley this winter.");
    expect(rows[0]).toMatchObject({ rule: "unnamed.passive", source: null });
    expect(rows[0]!.content[0]).toContain("families are expected to leave the valley");
  });
});

describe("relative-clause sources", () => {
  it("the marked source runs to the relative pronoun; the canonical source is the antecedent", () => {
    const rows = run("The plan was drafted by Judge Hal Brenner, who said the fines were too low.");
    expect(rows[0]).toMatchObject({
      cue: "said",
      source: "Judge Hal Brenner, who",
      canonical: "Hal Brenner",
      content: ["the fines were too low"],
    });
  });
});

describe("more stance constructions", () => {
  it("a passive cue with its agent: the agent is the source, the subject the content", () => {
    const rows = run("The harbour plan was endorsed by Senator Mira Kell.");
    expect(rows[0]).toMatchObject({
      rule: "indirect.passive-agent",
      source: "Senator Mira Kell",
      cue: "was endorsed by",
      content: ["The harbour plan"],
      canonical: "Mira Kell",
    });
  });

  it("a bare verb the tagger reads as a noun, after coordinated names", () => {
    const rows = run("Velland and Ostrava support the ceasefire.");
    expect(rows[0]).toMatchObject({ cue: "support", source: "Velland and Ostrava", content: ["the ceasefire"] });
  });

  it("a title ending in an adjective heads the source (“attorney general”)", () => {
    const rows = run("The state attorney general is insisting that the ballots were lost.");
    expect(rows[0]).toMatchObject({ source: "The state attorney general", content: ["that the ballots were lost"] });
  });

  it("an object followed by its infinitive keeps the whole complement", () => {
    const rows = run("Mayor Ines Falk encouraged residents at a meeting on Monday to report leaks.");
    expect(rows[0]!.content).toEqual(["residents at a meeting on Monday to report leaks"]);
  });
});

describe("control, agentless passives and clause joins", () => {
  it("“forced X to admit”: the object is the source of the infinitive cue", () => {
    const rows = run("The storm forced Governor Lena Voss to admit that the levees had failed.");
    expect(rows[0]).toMatchObject({
      source: "Governor Lena Voss",
      cue: "to admit",
      content: ["that the levees had failed"],
    });
  });

  it("an evaluative passive without agent is an attribution with no source", () => {
    const rows = run("The inspectors have been accused of hiding the reports.");
    expect(rows[0]).toMatchObject({
      rule: "unnamed.passive-stance",
      source: null,
      cue: "have been accused of",
      content: ["The inspectors", "hiding the reports"],
    });
  });

  it("“, but” with a new subject ends the reported clause", () => {
    const rows = run("Councillor Bram Holt said the levy would pass, but the treasurer doubted the figures.");
    expect(rows[0]!.content).toEqual(["the levy would pass"]);
  });

  it("a verb joined inside a relative clause stays in the content", () => {
    const rows = run(
      "Councillor Bram Holt described the ferry service, in which crews worked double shifts and earned little.",
    );
    expect(rows[0]!.content).toEqual(["the ferry service, in which crews worked double shifts and earned little"]);
  });
});

describe("according to", () => {
  it("a noun the tagger reads as a verb, or a possessive, can open the source phrase", () => {
    const a = run("According to exit polls, Mayor Ilsa Brandt had a ten-point lead in the harbour wards.");
    expect(a[0]).toMatchObject({
      rule: "according-to.pre",
      source: "exit polls",
      content: ["Mayor Ilsa Brandt had a ten-point lead in the harbour wards"],
    });
    const b = run("The family watched the videos on Thursday, according to their attorneys.");
    expect(b[0]).toMatchObject({
      rule: "according-to.post",
      source: "their attorneys",
      content: ["The family watched the videos on Thursday"],
    });
  });
});

describe("inverted speaker", () => {
  it("“…, said X” needs a clause before it; a name with an appositive is the subject", () => {
    expect(run("The pier will close, said the harbourmaster.")[0]).toMatchObject({
      rule: "indirect.cue-source-after",
      source: "the harbourmaster",
      content: ["The pier will close"],
    });
    expect(run("Lina Roe, a former aide to the mayor, noted the rule in an interview.")[0]).toMatchObject({
      source: "Lina Roe, a former aide to the mayor",
      cue: "noted",
      content: ["the rule"],
    });
    expect(run("The harbour board, an old body, derided the deal as toothless.")[0]).toMatchObject({
      cue: "derided",
      content: ["the deal as toothless"],
    });
  });
});

describe("speaker labels", () => {
  it("an editorial label before a colon is not a speaker", () => {
    expect(
      run("Correction: An earlier version of this story misspelled the name of the ferry.\n\nThe ferry sails at noon."),
    ).toHaveLength(0);
    expect(run("MARLOWE: We will not sell the harbour to anyone.\n\nThe hearing ended at noon.")[0]).toMatchObject({
      rule: "quote.speaker-label",
      source: "MARLOWE",
    });
  });

  it("“maintain” and “consider” report only with a clause", () => {
    expect(run("The county maintained the coastal roads for a decade.")).toHaveLength(0);
    expect(run("Commissioner Rhea Tull maintained that the coastal roads were safe.")[0]).toMatchObject({
      cue: "maintained",
      content: ["that the coastal roads were safe"],
    });
  });
});

describe("noun cues with a possessor", () => {
  it("stance nouns take a “to”, “for” or “about” complement", () => {
    expect(run("There was anger at Senator Orla Vance's reluctance to back the levy.")[0]).toMatchObject({
      rule: "noun.possessive",
      source: "Senator Orla Vance's",
      cue: "reluctance",
      content: ["to back the levy"],
    });
    const r = analyseSourcing("There was anger at his disdain for the harbour plan.");
    expect(r.attributions[0]).toMatchObject({ rule: "noun.possessive", cueStance: "accusation" });
  });
});

describe("stance adjectives and plural subjects", () => {
  it("a form of be and a stance adjective with its complement: the subject is the source", () => {
    const a = run("Councillor Mira Tallis was critical of the new parking rules in the harbour district.");
    expect(a[0]).toMatchObject({
      rule: "indirect.stance-adjective",
      source: "Councillor Mira Tallis",
      cue: "was critical of",
      content: ["the new parking rules in the harbour district"],
    });
    const b = run("The ferry operators are confident that the service will resume by June.");
    expect(b[0]).toMatchObject({
      rule: "indirect.stance-adjective",
      source: "The ferry operators",
      content: ["that the service will resume by June"],
    });
  });

  it("an adjective that reports no stance, or one without a complement, is not an attribution", () => {
    expect(run("The tower is tall and the weather was sure to turn.")).toHaveLength(0);
    expect(run("The harbour master was critical.")).toHaveLength(0);
  });

  it("people named by their ending (historians, physicians) can hold a stance", () => {
    const a = run("Historians argue the bridge was never meant to carry trucks.");
    expect(a[0]).toMatchObject({
      source: "Historians",
      cue: "argue",
      content: ["the bridge was never meant to carry trucks"],
    });
  });
});

describe("subjects separated from the cue", () => {
  it("a time phrase or a comma-enclosed adverb between the subject and the cue is skipped", () => {
    expect(run("The Marlow Ledger on Saturday wrote that the mayor had sold the pier.")[0]).toMatchObject({
      source: "The Marlow Ledger",
      cue: "wrote",
      content: ["that the mayor had sold the pier"],
    });
    expect(run("The harbour board this month rejected a request to extend the pier.")[0]).toMatchObject({
      source: "The harbour board",
      cue: "rejected",
      content: ["a request to extend the pier"],
    });
    expect(run("Some officials, however, oppose the cost of the new pier.")[0]).toMatchObject({
      source: "Some officials",
      cue: "oppose",
      content: ["the cost of the new pier"],
    });
  });

  it("a contracted “is” or “has” after a pronoun stands between the subject and the cue", () => {
    expect(run("He’s claiming that the ferry vote was rigged.")[0]).toMatchObject({
      source: "He",
      cue: "claiming",
      content: ["that the ferry vote was rigged"],
    });
  });

  it("a poll or report with a participle phrase after its head is the source", () => {
    expect(run("The latest Ostend poll released Friday shows that Vane leads by four points.")[0]).toMatchObject({
      rule: "indirect.evidence",
      source: "The latest Ostend poll released Friday",
      cue: "shows",
      content: ["that Vane leads by four points"],
    });
  });

  it("a predicate joined by “yet” shares the subject and ends the first content", () => {
    const rows = run("Pell demands answers yet refuses to release the harbour files.");
    expect(rows.map((r) => [r.source, r.cue, r.content[0]])).toEqual([
      ["Pell", "demands", "answers"],
      ["Pell", "refuses", "to release the harbour files"],
    ]);
  });
});

describe("cues the tagger reads as nouns", () => {
  it("“plans to” after a subject and a bare “show that” after data are cues", () => {
    expect(run("The Tallis campaign plans to send the mayor to Ostend.")[0]).toMatchObject({
      source: "The Tallis campaign",
      cue: "plans",
      content: ["to send the mayor to Ostend"],
    });
    expect(run("Data from the 2019 Harbor Survey show that renters pay more.")[0]).toMatchObject({
      rule: "indirect.evidence",
      source: "Data from the 2019 Harbor Survey",
      content: ["that renters pay more"],
    });
    expect(run("Its tax plans to lower the levy were dropped.")).toHaveLength(0);
  });
});

describe("adverbials are not content", () => {
  it("a speech verb followed only by a time or place phrase reports nothing", () => {
    expect(run("Ilsa Brandt said at a forum in Ostend.")).toHaveLength(0);
    expect(run("Ilsa Brandt said before she left.")).toHaveLength(0);
    expect(run("“The pier is safe,” Mayor Ilsa Brandt said at a forum in Ostend.")[0]).toMatchObject({
      rule: "quote.source-cue-after",
      content: ["“The pier is safe,”"],
    });
  });
});

describe("fronted phrases", () => {
  it("a fronted phrase with no verb before “X noted …” is not the content; a split subject is", () => {
    expect(run("In her 2004 memoir, Ada Pell noted the collapse of the pier.")[0]).toMatchObject({
      rule: "indirect.said-that",
      source: "Ada Pell",
      content: ["the collapse of the pier"],
    });
    expect(run("The pier, Ada Pell said, is safe for now.")[0]).toMatchObject({
      rule: "indirect.split",
      content: ["The pier", "is safe for now"],
    });
  });

  it("a participle opening the sentence takes the subject after its comma as source", () => {
    const rows = run("Citing a harbour report, Mayor Ilsa Brandt said the pier would close.");
    expect(rows[0]).toMatchObject({
      rule: "indirect.participle-fronted",
      source: "Mayor Ilsa Brandt",
      cue: "Citing",
      content: ["a harbour report"],
    });
    expect(rows[1]).toMatchObject({
      rule: "indirect.said-that",
      source: "Mayor Ilsa Brandt",
      content: ["the pier would close"],
    });
    expect(run("After saying the levy was fair, Ada Pell left the hall.")[0]).toMatchObject({
      rule: "indirect.participle-fronted",
      source: "Ada Pell",
      cue: "saying",
      content: ["the levy was fair"],
    });
  });
});

describe("stance nouns with a clause", () => {
  it("a stance noun with a “that” clause: the subject of the governing verb, or no source", () => {
    expect(run("Officials voiced concerns that the pier would close.")[0]).toMatchObject({
      rule: "noun.complement",
      source: "Officials",
      cue: "concerns",
      content: ["that the pier would close"],
    });
    const r = analyseSourcing("Amid the rumours that the ferry would stop its service, traders left.");
    expect(r.attributions[0]).toMatchObject({ rule: "noun.complement", source: null });
  });

  it("a relative clause after the noun is no complement", () => {
    expect(run("The promise that he made to voters was broken.")).toHaveLength(0);
  });
});

describe("object boundaries", () => {
  it("a noun-phrase object ends before a comma and a new clause, and before “and” with a second predicate", () => {
    expect(run("Ada Pell endorsed the levy, the council voted it down.")[0]).toMatchObject({
      source: "Ada Pell",
      cue: "endorsed",
      content: ["the levy"],
    });
    expect(run("Ada Pell promised a veto and attempted to stall the bill.")[0]).toMatchObject({
      cue: "promised",
      content: ["a veto"],
    });
  });
});

describe("dash credits", () => {
  it("a quotation credited with a dash is found even when its opening mark is reversed", () => {
    const rows = run(
      "Readers sent their views.\n\n”The pier is a disgrace and the mayor knows it.” ― Ada Pell\n“We can rebuild the pier in a year.” ― Tam Orrin",
    );
    const dash = rows.filter((r) => r.rule === "quote.dash-credit");
    expect(dash.map((r) => [r.source, r.content[0]])).toEqual([
      ["Ada Pell", "”The pier is a disgrace and the mayor knows it.”"],
      ["Tam Orrin", "“We can rebuild the pier in a year.”"],
    ]);
  });
});

describe("more speech constructions", () => {
  it("“as X put it” reports the quotation; “put it on” does not", () => {
    expect(run("As Ada Pell put it, “the pier is a ruin.”")[0]).toMatchObject({
      source: "Ada Pell",
      cue: "put it",
      content: ["“the pier is a ruin.”"],
    });
    expect(run("He put it on the table.")).toHaveLength(0);
  });

  it("“…, said X was …” is no inversion when a verb follows the noun phrase", () => {
    const rows = run(
      "The trip went well. Erin Tull, a former aide who went with her to Ostend in 2011, said Orrin's trip was more important.",
    );
    expect(rows[0]).toMatchObject({
      rule: "indirect.said-that",
      source: "Erin Tull, a former aide who went with her to Ostend in 2011",
      content: ["Orrin's trip was more important"],
    });
  });

  it("a plural possessive apostrophe inside an appositive is not a quote mark", () => {
    const rows = run(
      'Ada Pell, who runs the effort for veterans\' families, said, "Vane has ignored our veterans for decades."',
    );
    expect(rows[0]).toMatchObject({
      source: "Ada Pell, who runs the effort for veterans' families",
      cue: "said",
      kind: "direct",
    });
  });

  it("a “that” clause opening with a phrase and a comma is not cut there", () => {
    expect(run("Ada Pell said that in 1998, Vane allowed her staff to leave early.")[0]!.content).toEqual([
      "that in 1998, Vane allowed her staff to leave early",
    ]);
  });
});

describe("labels, possessed nouns and adjectives of ability", () => {
  it("a section title before a colon is no speaker label", () => {
    expect(
      run(
        "THE HARBOUR PLAN GOES ON: The council met again and the pier was discussed at length.\n\nThe vote is Monday.",
      ),
    ).toHaveLength(0);
  });

  it("a possessed noun takes a phrase after “to”, and a relative “that” is no complement", () => {
    expect(run("There was doubt about Ada Pell's commitment to the harbour trust.")[0]).toMatchObject({
      rule: "noun.possessive",
      cue: "commitment",
      content: ["the harbour trust"],
    });
    expect(run("Ada Pell's plan that matches her rhetoric was dropped.")).toHaveLength(0);
  });

  it("“was able to”, “is quick to” pass the subject on to the cue", () => {
    expect(run("Ada Pell is quick to praise the ferry crews.")[0]).toMatchObject({
      source: "Ada Pell",
      cue: "praise",
      content: ["the ferry crews"],
    });
    expect(run("Ada Pell was able to tout her polling strength.")[0]).toMatchObject({
      source: "Ada Pell",
      cue: "tout",
    });
  });
});

describe("duplicate contents", () => {
  it("a stance noun whose clause is already a speech verb's content adds no second attribution", () => {
    const rows = run("Ada Pell highlighted the message that the pier must reopen soon.");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: "Ada Pell",
      cue: "highlighted",
      content: ["that the pier must reopen soon"],
    });
  });
});

describe("objects and light verbs", () => {
  it("a hyphenated addressee and a time phrase after “told” are skipped", () => {
    expect(run("The mayor told Anglo-Saxons this weekend he would consider it a personal insult.")[0]).toMatchObject({
      cue: "told",
      content: ["he would consider it a personal insult"],
    });
  });

  it("“expressed misgivings about X”: the content follows the stance noun's preposition", () => {
    expect(run("Younger voters have expressed misgivings about Ada Pell because of her record.")[0]).toMatchObject({
      source: "Younger voters",
      cue: "expressed",
      content: ["Ada Pell"],
    });
  });
});

describe("criticism faced and dash pairs", () => {
  it("criticism or questions faced with no critic named: the complement is the content", () => {
    expect(run("Ada Pell has faced questions about business practices at her harbour trust.")[0]).toMatchObject({
      rule: "unnamed.faced-criticism",
      source: null,
      cue: "faced questions about",
      content: ["business practices at her harbour trust"],
    });
    expect(run("In 2009, the council came under withering criticism for its failure to speak out.")[0]).toMatchObject({
      rule: "unnamed.faced-criticism",
      content: ["its failure to speak out"],
    });
    expect(run("Ada Pell faced a long trip to Ostend.")).toHaveLength(0);
  });

  it("a contracted “has” before a particle cue, inside a dash pair that ends the content", () => {
    const rows = run("Ada Pell — who’s called for a levy on the rich — spoke at the pier.");
    expect(rows[0]).toMatchObject({ cue: "called for", content: ["a levy on the rich"], canonical: "Ada Pell" });
  });
});

describe("phrasal verbs", () => {
  it("a particle after the cue (“backed out”, “showed up”) is no content", () => {
    expect(run("The council backed out of the harbour deal.")).toHaveLength(0);
    expect(run("Ada Pell showed up at the debate in Ostend.")).toHaveLength(0);
  });
});

describe("polls opening a sentence and possessed nouns as subjects", () => {
  it("“In the latest poll, …”: the poll is the source of the clause after the comma", () => {
    expect(
      run("In the latest Ostend Ledger poll, conducted in early May, Vane led Pell by five points.")[0],
    ).toMatchObject({
      rule: "indirect.in-evidence",
      source: "the latest Ostend Ledger poll",
      cue: "In",
      content: ["Vane led Pell by five points"],
    });
    expect(run("In his report, the auditor was harsh.")).toHaveLength(0);
  });

  it("a possessed noun opening the clause: its infinitive ends before the main verb", () => {
    expect(run("Ada Pell's decision to leave the council surprised her allies.")[0]).toMatchObject({
      rule: "noun.possessive",
      cue: "decision",
      content: ["to leave the council"],
    });
  });
});

describe("questions put", () => {
  it("“Asked about …, X said …”: the question is an attribution with no source, the answer is the speaker's", () => {
    const rows = run("Asked about the new levy on the harbour, Ada Pell said, “I think we need the facts first.”");
    expect(rows[0]).toMatchObject({
      rule: "unnamed.asked",
      source: null,
      cue: "Asked about",
      content: ["the new levy on the harbour"],
    });
    expect(rows[1]).toMatchObject({
      rule: "quote.source-cue-before",
      source: "Ada Pell",
      content: ["“I think we need the facts first.”"],
    });
  });
});

describe("“what X says”", () => {
  it("a fronted “what” is part of the reported clause, which ends before a coordinated question", () => {
    expect(
      run("The gap between what Ada Pell says her levy would do and how it would work has grown.")[0],
    ).toMatchObject({ source: "Ada Pell", cue: "says", content: ["what", "her levy would do"] });
    expect(run("That was what Ada Pell said when she resigned from the board.")[0]).toMatchObject({
      source: "Ada Pell",
      cue: "said",
      content: ["what"],
    });
  });
});

describe("sources who ask not to be named", () => {
  it("the request for anonymity is no attribution; the verb after it reports, with the source before it", () => {
    const a = run(
      "One freight forwarder, who asked not to be named, said some customers were already diverting cargo.",
    );
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ cue: "said", content: ["some customers were already diverting cargo"] });
    expect(a[0]!.source).toMatch(/^One freight forwarder/);
    const b = run("A ferry captain, who declined to be identified, told reporters the harbour was unsafe.");
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ cue: "told", content: ["the harbour was unsafe"] });
  });

  it("without commas too, and the source is the noun before the relative clause", () => {
    expect(run("An official who asked not to be named said the leak had been brought under control.")).toEqual([
      expect.objectContaining({
        source: "An official",
        cue: "said",
        content: ["the leak had been brought under control"],
      }),
    ]);
    expect(run("A guard who declined to give his name told reporters the gate had been locked.")[0]).toMatchObject({
      source: "A guard",
      cue: "told",
    });
  });

  it("asking for something else is still a report", () => {
    expect(run("The mayor asked residents to stay indoors.")[0]).toMatchObject({
      source: "The mayor",
      cue: "asked",
      content: ["residents to stay indoors"],
    });
    expect(run("The councillor asked not to be named.")).toHaveLength(0);
  });
});

describe("source names and kinds of bodies and businesses", () => {
  const sources = (text: string) =>
    analyseSourcing(text).sources.map((s) => ({ name: s.name, kind: s.kind, why: s.kindEvidence.join("; ") }));

  it("an institution of a place is the source, not the place", () => {
    expect(sources("The electoral commission of Tarnland said the count was final.")[0]).toMatchObject({
      name: "electoral commission of Tarnland",
      kind: "official",
    });
    expect(sources("The University of Aldmere said the lecture would go ahead.")[0]).toMatchObject({
      name: "University of Aldmere",
      kind: "expert",
    });
  });

  it("a business's spokesperson is no official; a ministry's is", () => {
    expect(sources("A company spokesperson said the plant would reopen.")[0]).toMatchObject({
      kind: "other",
      why: expect.stringContaining("of a company"),
    });
    expect(sources("A ministry spokesperson said the border was calm.")[0]).toMatchObject({ kind: "official" });
  });
});

describe("inverted speaker labels", () => {
  it("'Said Ellis:' gives the speaker Ellis and the cue 'Said'", () => {
    const rows = run("The board met on Monday.\n\nSaid Orla Penhallow: “Nobody here wants the ferry to stop.”");
    expect(rows).toEqual([
      expect.objectContaining({
        rule: "quote.speaker-label",
        source: "Orla Penhallow",
        cue: "Said",
        canonical: "Orla Penhallow",
        content: ["“Nobody here wants the ferry to stop.”"],
      }),
    ]);
  });
  it("a plain label keeps the colon as its cue", () => {
    expect(run("PENHALLOW: Nobody here wants the ferry to stop.")[0]).toMatchObject({
      rule: "quote.speaker-label",
      source: "PENHALLOW",
      cue: ":",
    });
  });
});
