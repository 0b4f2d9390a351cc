import { describe, expect, test } from "vitest";
import { hasWordChar, letterDigitRuns } from "#app/analysis/words";

// The analysis scans text instead of running these two patterns on every word and claim; the two must agree.
const runsByPattern = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const wordCharByPattern = (t: string) => /[\p{L}\p{N}]/u.test(t);

describe("letter-and-digit scans", () => {
  test("count runs of letters and digits and find one anywhere", () => {
    expect(letterDigitRuns("")).toBe(0);
    expect(letterDigitRuns("The mayor's al-Sisi plan, 3.5 km")).toBe(9);
    expect(letterDigitRuns("Ünal café e\u0301 ٣٤ 𝟏𝐀 😀 ½")).toBe(6); // the combining accent ends a run; ½ is a number
    expect(hasWordChar("“—”")).toBe(false);
    expect(hasWordChar("—é")).toBe(true);
    expect(hasWordChar("\ud800")).toBe(false);
  });

  test("agree with their patterns on random strings of letters, digits, separators and astral characters", () => {
    const alphabet = ["a", "Z", "1", " ", "'", "’", "-", ".", "é", "e\u0301", "٣", "𝟏", "𝐀", "😀", "\ud800", "\udc00"];
    const more = ["_", "\n", "ﬁ", "½", "Ⅻ", "–", "“", "\u00a0", "\u200b"];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const all = [...alphabet, ...more];
    for (let k = 0; k < 30_000; k++) {
      let t = "";
      const len = Math.floor(rnd() * 16);
      for (let j = 0; j < len; j++) t += all[Math.floor(rnd() * all.length)];
      if (letterDigitRuns(t) !== runsByPattern(t))
        expect({ text: t, runs: letterDigitRuns(t) }).toEqual({ text: t, runs: runsByPattern(t) });
      if (hasWordChar(t) !== wordCharByPattern(t))
        expect({ text: t, has: hasWordChar(t) }).toEqual({ text: t, has: wordCharByPattern(t) });
    }
  });
});
