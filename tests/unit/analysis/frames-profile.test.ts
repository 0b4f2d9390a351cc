import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { FRAME_DIMENSIONS, scoreFrames } from "#app/analysis/frames";
import frames from "#app/analysis/lexicons/frames.json";
import codebook from "#app/analysis/codebook.json";

function framesOf(text: string) {
  const tok = tokenize(text);
  return scoreFrames(toWords(tok), tok.paragraphs);
}

describe("frame dimensions (Policy Frames Codebook)", () => {
  it("ships a documented lexicon for the 14 substantive dimensions and lists all 15 in the codebook", () => {
    expect(Object.keys(frames.entries).sort()).toEqual(FRAME_DIMENSIONS.filter((d) => d !== "other").sort());
    expect(frames.origin).toMatch(/Boydstun/);
    expect(frames.built).toMatch(/definition/);
    expect(codebook.frameDimensions.map((d) => d.id)).toEqual([...FRAME_DIMENSIONS]);
    for (const list of Object.values(frames.entries)) expect(list.length).toBeGreaterThanOrEqual(25);
  });

  it("scores each paragraph in the dimensions its words belong to (frame.lexicon)", () => {
    const text =
      "The strike cost the port millions in lost trade, and tariffs and prices rose.\n" +
      "Police arrested two dockers and prosecutors charged them with theft.\n" +
      "The weather was mild.";
    const { frames: scores, profile } = framesOf(text);
    const top = (p: number) => scores.filter((f) => f.paragraph === p).sort((a, b) => b.score - a.score)[0]!.dimension;
    expect(top(0)).toBe("economic");
    expect(top(1)).toBe("crime_punishment");
    expect(scores.filter((f) => f.paragraph === 2)).toEqual([]);
    for (const f of scores) {
      expect(f.hits.length).toBe(f.entries.length);
      for (const h of f.hits) expect(text.slice(h.start, h.end).length).toBeGreaterThan(0);
      expect(f.rule).toBe("frame.lexicon");
    }
    const total = Object.values(profile).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0.99);
    expect(total).toBeLessThan(1.01);
    expect(profile.economic).toBeGreaterThan(profile.crime_punishment);
  });

  it("gives an empty profile to a text with no frame words", () => {
    const { frames: scores, profile } = framesOf("The weather was mild.");
    expect(scores).toEqual([]);
    expect(Object.values(profile).every((v) => v === 0)).toBe(true);
  });
});
