// Frame words whose frame sense is one part of speech ("a new approach") count only in it, not in their frequent
// other sense ("approaching the quay"); "wanted" counts only in its crime sense. Fictional texts throughout.
import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { scoreFrames } from "#app/analysis/frames";
import frames from "#app/analysis/lexicons/frames.json";

function hits(text: string): Record<string, string[]> {
  const tok = tokenize(text);
  return Object.fromEntries(scoreFrames(toWords(tok), tok.paragraphs).frames.map((f) => [f.dimension, f.words]));
}

describe("frame words in the part of speech of their frame sense (frame.part-of-speech)", () => {
  it("counts the noun 'approach' as a policy word, not the verb of motion", () => {
    expect(hits("The council's new approach to rents is a policy of small steps.").policy_prescription).toEqual([
      "approach",
      "policy",
    ]);
    expect(
      hits("The ferry was approaching the quay of Dunmore as the tide approached, and the policy held.")
        .policy_prescription,
    ).toEqual(["policy"]);
  });

  it("reads the class, not one word: judge, rule and fuel as nouns only", () => {
    expect(hits("It is hard to judge whether the mayor will rule out a second term; the vote fuelled anger.")).toEqual({
      political: ["vote"],
    });
    expect(hits("The judge will hear the case; under military rule, the fuel shortage grew.")).toEqual({
      capacity_resources: ["fuel", "shortage"],
      legality_jurisprudence: ["judge"],
      security_defense: ["military"],
    });
    // A noun that opens a sentence is often tagged as a name; it still counts.
    expect(hits("Judges heard the appeal in the court on Monday.").legality_jurisprudence).toEqual([
      "Judges",
      "appeal",
      "court",
    ]);
  });

  it("counts 'suspect' as the noun or its participle, not the verb of belief", () => {
    expect(hits("Police held the suspect, a man suspected of theft.").crime_punishment).toEqual([
      "Police",
      "suspect",
      "suspected",
      "theft",
    ]);
    expect(hits("Analysts suspect the budget will grow.").crime_punishment).toBeUndefined();
  });

  it("counts 'wanted' only in its crime sense", () => {
    expect(hits("Mayor Ilsa Brandt wanted to leave early and said she wanted a quiet week.")).toEqual({});
    expect(hits("Police said the man was wanted for questioning over the theft.").crime_punishment).toEqual([
      "Police",
      "wanted for questioning",
      "theft",
    ]);
  });

  it("lists only lexicon entries under tags the tagger uses", () => {
    const all = new Set(Object.values(frames.entries).flat());
    const { note, ...lists } = frames.partOfSpeech;
    expect(note).toMatch(/part of speech/);
    for (const [pos, list] of Object.entries(lists)) {
      expect(["NOUN", "VERB", "ADJ", "ADV"], pos).toContain(pos);
      expect(list.filter((t) => !all.has(t))).toEqual([]);
    }
    expect(all.has("wanted")).toBe(false);
  });
});
