// Hostile and random input: a result always arrives, in time, with every span inside the text.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseSourcing } from "#app/analysis/sourcing";

function checkBounds(text: string) {
  const r = analyseSourcing(text);
  const ok = (s: { start: number; end: number } | null) =>
    s === null || (s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const a of r.attributions) {
    expect(ok(a.source)).toBe(true);
    expect(ok(a.cue)).toBe(true);
    expect(a.content.length).toBeGreaterThan(0);
    for (const c of a.content) expect(ok(c)).toBe(true);
  }
  for (const s of r.sources) for (const m of s.mentions) expect(ok(m)).toBe(true);
  return r;
}

function timed(text: string, ms: number) {
  const t0 = performance.now();
  const r = checkBounds(text);
  expect(performance.now() - t0).toBeLessThan(ms);
  return r;
}

const WORDS = [
  "said",
  "says",
  "told",
  "according",
  "to",
  "that",
  "he",
  "she",
  "the",
  "minister",
  "Kallo",
  "Vess",
  "“",
  "”",
  '"',
  "''",
  ",",
  ".",
  ":",
  "\n\n",
  "reportedly",
  "is",
  "said",
  "accused",
  "of",
  "denied",
  "—",
  "(",
  ")",
  "believes",
  "called",
  "for",
];

describe("sourcing fuzz", () => {
  it("random word soup from the cue vocabulary", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 300 }), (ws) => {
        checkBounds(ws.join(" "));
      }),
      { numRuns: 300 },
    );
  });

  it("arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        checkBounds(s);
      }),
      { numRuns: 300 },
    );
  });

  it("thousands of quote marks", () => {
    timed('"'.repeat(5000), 3000);
    timed("“".repeat(3000) + "”".repeat(3000), 3000);
    timed("''".repeat(3000) + " he said.", 3000);
    timed(Array.from({ length: 3000 }, (_, i) => (i % 2 ? "”" : "“") + "x").join(" said "), 5000);
  });

  it("a 1 MB line without spaces, and a 1 MB line of prose", () => {
    timed("a".repeat(1_000_000), 10_000);
    const sentence = "“We will stay,” Vess said, according to the council, which reportedly accused Kallo of lying. ";
    timed(sentence.repeat(Math.ceil(1_000_000 / sentence.length)).slice(0, 1_000_000), 20_000);
  }, 60_000);

  it("mixed scripts, right-to-left text and control characters", () => {
    timed("قال الوزير إن \u202Eالمحادثات\u202C ستستمر. The minister said talks would go on. 部长说会谈将继续。", 2000);
    timed("He said\u0000 that\u0007 the\u001b[31m vote \u200Bwas\uFEFF fair.\r\n\r\n“Yes,\u0085” she said.", 2000);
    timed("\uD800 unpaired surrogate said \uDC00 “quote” he said", 2000);
  });
});
