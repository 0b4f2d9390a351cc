import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { actorSentiment, scoreSentences } from "#app/analysis/sentiment";
import sentiment from "#app/analysis/lexicons/sentiment.json";

function run(text: string) {
  const tok = tokenize(text);
  const words = toWords(tok);
  const scored = scoreSentences(words, tok.sentences);
  const { mentions } = detectActors(text, words);
  return { scored, actors: actorSentiment(mentions, tok.sentences, scored) };
}

describe("sentiment around actors", () => {
  it("ships its own documented lexicon with a licence that allows shipping", () => {
    expect(sentiment.licence).toMatch(/MIT/);
    expect(sentiment.origin).toMatch(/VADER/);
    expect(Object.keys(sentiment.entries.valence).length).toBeGreaterThan(250);
  });

  it("scores sentences with their lexicon words, spans and a -1…1 compound (sentiment.lexicon)", () => {
    const { scored } = run("The attack killed four guards. The ceasefire brought relief and hope.");
    expect(scored).toHaveLength(2);
    expect(scored[0]!.compound).toBeLessThan(-0.5);
    expect(scored[1]!.compound).toBeGreaterThan(0.5);
    expect(scored[0]!.hits.map((h) => h.entry)).toEqual(["attack", "killed"]);
    for (const s of scored) expect(Math.abs(s.compound)).toBeLessThanOrEqual(1);
  });

  it("flips a negated word and strengthens an intensified one", () => {
    const [plain] = run("The talks were successful.").scored;
    const [negated] = run("The talks were not successful.").scored;
    const [intense] = run("The talks were very successful.").scored;
    expect(plain!.compound).toBeGreaterThan(0);
    expect(negated!.compound).toBeLessThan(0);
    expect(intense!.compound).toBeGreaterThan(plain!.compound);
  });

  it("averages the sentences that name each actor (sentiment.actor)", () => {
    const text =
      "Officials in Tolvar praised the peaceful handover. Then Korvath launched a brutal attack. Later Tolvar and Korvath met.";
    const { actors } = run(text);
    const tolvar = actors.find((a) => a.actorKey === "tolvar")!;
    const korvath = actors.find((a) => a.actorKey === "korvath")!;
    expect(tolvar.sentences).toEqual([0, 2]);
    expect(korvath.sentences).toEqual([1, 2]);
    expect(tolvar.mean).toBeGreaterThan(0);
    expect(korvath.mean).toBeLessThan(0);
    expect(tolvar.rule).toBe("sentiment.actor");
  });
});
