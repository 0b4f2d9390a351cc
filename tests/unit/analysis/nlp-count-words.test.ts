import { describe, expect, test } from "vitest";
import { countWords, WORD_PATTERN } from "#app/analysis/nlp";

// countWords scans instead of matching WORD_PATTERN (it runs over every text and quotation); the two must agree.
const byPattern = (t: string) => (t.match(WORD_PATTERN) ?? []).length;

describe("countWords", () => {
  test("counts words, numbers with separators and inner apostrophes or hyphens as one word each", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("The mayor's al-Sisi-style plan don’t stop")).toBe(6);
    expect(countWords("40,000 people and 3.5 million")).toBe(5);
    expect(countWords("3.5km")).toBe(2);
    expect(countWords("3.5 4a")).toBe(2);
    expect(countWords("3.5-fold, 1,2,3. - ' ’ end.")).toBe(3);
    expect(countWords("Ünal café naïve e\u0301 ٣٤,٥ 𝟏.𝟐 𝐀𝐁 😀")).toBe(7);
  });

  test("agrees with its pattern on random strings of letters, digits, separators and astral characters", () => {
    const alphabet = [
      "a",
      "Z",
      "1",
      "9",
      " ",
      "'",
      "’",
      "-",
      ".",
      ",",
      "é",
      "e\u0301",
      "٣",
      "𝟏",
      "𝐀",
      "😀",
      "\ud800",
      "\udc00",
      "_",
      "\n",
      "ﬁ",
      "½",
      "Ⅻ",
      "–",
      "3.5",
      " 4a",
      "''",
    ];
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let checked = 0;
    for (let k = 0; k < 50_000; k++) {
      let t = "";
      const len = Math.floor(rnd() * 24);
      for (let j = 0; j < len; j++) t += alphabet[Math.floor(rnd() * alphabet.length)];
      if (countWords(t) !== byPattern(t))
        expect({ text: t, count: countWords(t) }).toEqual({ text: t, count: byPattern(t) });
      checked++;
    }
    expect(checked).toBe(50_000);
  });
});
