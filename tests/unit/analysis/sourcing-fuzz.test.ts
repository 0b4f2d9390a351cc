// Hostile and random input: a result always arrives, with every span inside the text. How fast is measured in
// bench/analysis.bench.ts (the same hostile inputs, against the tokeniser on them), never here.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseSourcing } from "#app/analysis/sourcing";
import { HOSTILE_QUOTES, PROSE, megabyteInputs } from "#tests/fixtures/hostile-inputs";

function checkBounds(text: string) {
  const r = analyseSourcing(text);
  const ok = (s: { start: number; end: number } | null) =>
    s === null || (s.start >= 0 && s.end <= text.length && s.start < s.end);
  // One assertion over every span (a megabyte gives tens of thousands), naming what is out of bounds.
  const bad: string[] = [];
  for (const a of r.attributions) {
    if (!ok(a.source)) bad.push(`${a.id} source`);
    if (!ok(a.cue)) bad.push(`${a.id} cue`);
    if (!a.content.length) bad.push(`${a.id} no content`);
    a.content.forEach((c, k) => ok(c) || bad.push(`${a.id} content ${k}`));
  }
  for (const s of r.sources) s.mentions.forEach((m, k) => ok(m) || bad.push(`${s.key} mention ${k}`));
  expect(bad).toEqual([]);
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
  }, 30_000);

  it("arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        checkBounds(s);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("thousands of quote marks", () => {
    for (const text of HOSTILE_QUOTES) checkBounds(text);
  }, 30_000);

  it("a 1 MB line without spaces, and a 1 MB line of prose read as its sentences", () => {
    const [spaceless, prose] = megabyteInputs();
    const none = checkBounds(spaceless!.text);
    expect(none.attributions).toEqual([]);
    expect(none.sources).toEqual([]);
    // The prose is one sentence repeated: the megabyte must give that sentence's attributions once per copy.
    const copies = prose!.text.length / PROSE.length;
    const one = checkBounds(PROSE);
    expect(one.attributions.length).toBeGreaterThan(1);
    const big = checkBounds(prose!.text);
    expect(big.attributions.length).toBe(one.attributions.length * copies);
    expect(big.attributions.map((a) => a.rule).slice(0, one.attributions.length * 3)).toEqual(
      [...Array(3)].flatMap(() => one.attributions.map((a) => a.rule)),
    );
    expect(big.sources.map((s) => s.key).sort()).toEqual(one.sources.map((s) => s.key).sort());
  }, 60_000);

  it("mixed scripts, right-to-left text and control characters", () => {
    checkBounds("قال الوزير إن \u202Eالمحادثات\u202C ستستمر. The minister said talks would go on. 部长说会谈将继续。");
    checkBounds("He said\u0000 that\u0007 the\u001b[31m vote \u200Bwas\uFEFF fair.\r\n\r\n“Yes,\u0085” she said.");
    checkBounds("\uD800 unpaired surrogate said \uDC00 “quote” he said");
  });
});
