import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";

function actorsOf(text: string) {
  return detectActors(text, toWords(tokenize(text)));
}

describe("actor detection and merging", () => {
  it("merges the alias lexicon's variants of one group (actor.alias)", () => {
    const text =
      "The Islamic State claimed the raid. Officials said IS fighters had left. ISIL, also called Daesh, denied it. ISIS is weaker, analysts say.";
    const { actors, mentions } = actorsOf(text);
    const isis = actors.find((a) => a.key === "isis")!;
    expect(isis.variants.sort()).toEqual(["Daesh", "IS", "ISIL", "ISIS", "Islamic State"]);
    expect(isis.mentionCount).toBe(5);
    expect(mentions.every((m) => text.slice(m.span.start, m.span.end) === m.surface)).toBe(true);
    // The verb "is" is never the acronym IS.
    expect(mentions.filter((m) => m.surface.toLowerCase() === "is").length).toBe(1);
  });

  it("merges Sisi, al-Sisi and Abdel Fattah al-Sisi", () => {
    const text = "Abdel Fattah al-Sisi met envoys on Monday. Later al-Sisi spoke again, and Sisi left.";
    const keys = actorsOf(text).mentions.map((m) => m.actorKey);
    expect(keys).toEqual(["sisi", "sisi", "sisi"]);
  });

  it("joins a bare surname to the full name given earlier (actor.surname)", () => {
    const text =
      "Councillor Maren Oskvik opened the hearing. Oskvik said the Tolvarian Dock Authority had failed. Oskvik then left.";
    const { actors, mentions } = actorsOf(text);
    const oskvik = actors.find((a) => a.key === "maren-oskvik")!;
    expect(oskvik.mentionCount).toBe(3);
    expect(oskvik.kind).toBe("person");
    expect(mentions.filter((m) => m.rule === "actor.surname").length).toBe(2);
    expect(actors.find((a) => a.name === "Tolvarian Dock Authority")?.kind).toBe("organisation");
  });

  it("resolves an acronym defined in brackets (actor.acronym)", () => {
    const text = "The Marenland Liberation Front (MLF) rejected the truce. The MLF said talks were over.";
    const { actors } = actorsOf(text);
    const mlf = actors.find((a) => a.key === "marenland-liberation-front")!;
    expect(mlf.mentionCount).toBe(3);
    expect(mlf.salient).toBe(true);
  });

  it("splits a hyphenated pair of known names into two actors", () => {
    const text = "The Hamas-ISIS link was denied by Hamas.";
    const keys = actorsOf(text).mentions.map((m) => m.actorKey);
    expect(keys).toEqual(["hamas", "isis", "hamas"]);
  });

  it("reads a name before '-run', '-backed' or '-based' as a mention of that actor, never as a name of its own", () => {
    // Both sides of a fictional conflict, alike: the name is mentioned, the participle describes something else.
    for (const [a, b] of [
      ["Korvath", "Marenland"],
      ["Marenland", "Korvath"],
    ]) {
      const text = `${a} denied it. The ${a}-run clinics and ${b}-backed units met in a Dunmore-based depot near ${b}.`;
      const { actors, mentions } = actorsOf(text);
      expect(actors.map((x) => x.name).sort()).toEqual([a, b, "Dunmore"].sort());
      expect(mentions.map((m) => m.surface)).toEqual([a, a, b, "Dunmore", b]);
    }
  });

  it("skips sentence-initial common words and keeps names capitalised mid-sentence", () => {
    const text = "Additional talks began. Revelations followed. Talks with Korvath resumed. Korvath agreed.";
    const { actors } = actorsOf(text);
    expect(actors.map((a) => a.key)).toEqual(["korvath"]);
    expect(actors[0]!.mentionCount).toBe(2);
  });

  it("strips titles and nationality words from names and marks actors mentioned once as not salient", () => {
    const text = "Tolvarian President Ilse Varga visited. The Prime Minister stayed home.";
    const { actors } = actorsOf(text);
    expect(actors.map((a) => a.name)).toEqual(["Ilse Varga"]);
    expect(actors[0]!.salient).toBe(false);
  });

  it("resolves a headline's bare surname against the body's actors", () => {
    const body = actorsOf("Minister Tamsin Roderick resigned on Friday. Roderick gave no reason.");
    const title = "Roderick quits";
    const t = detectActors(title, toWords(tokenize(title)), body.actors);
    expect(t.mentions[0]!.actorKey).toBe("tamsin-roderick");
  });
});

describe("acronyms by initials", () => {
  it("joins an acronym to the only name in the text with those initials (actor.acronym)", () => {
    const text = "The Saltmere Dockers Union met on Monday. Later the SDU said the strike would go on.";
    const { actors, mentions } = detectActors(text, toWords(tokenize(text)));
    expect(mentions.find((m) => m.surface === "SDU")?.rule).toBe("actor.acronym");
    expect(actors.find((a) => a.key === "saltmere-dockers-union")?.mentionCount).toBe(2);
  });
});

describe("headlines in title case", () => {
  it("keeps only aliases and names the body knows when every word is capitalised", () => {
    const body = actorsOf(
      "Councillor Maren Oskvik criticised the Saltmere Port Authority on Monday. Oskvik said talks had failed.",
    );
    const title = "Oskvik Slams Port Plan As Talks Collapse In Saltmere";
    const t = detectActors(title, toWords(tokenize(title)), body.actors, { headline: true });
    expect(t.mentions.map((m) => [m.surface, m.actorKey])).toEqual([["Oskvik", "maren-oskvik"]]);
  });
});
