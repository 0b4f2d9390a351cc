import { describe, expect, it } from "vitest";
import { contentHash } from "#app/ingest/content-hash.server";
import { clean, countWords } from "#app/ingest/text-utils";

describe("text utilities", () => {
  it("hashes the same words alike whatever the spacing or Unicode form, and different words apart", () => {
    const a = contentHash("Caf\u00e9 owners  met\non Monday.");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash("Cafe\u0301 owners met on Monday. ")).toBe(a);
    expect(contentHash("Café owners met on Tuesday.")).not.toBe(a);
  });

  it("counts words, not punctuation, keeping hyphenated and apostrophised words whole", () => {
    expect(countWords("The harbour's well-known ferry — 40,000 riders!")).toBe(6);
    expect(countWords("")).toBe(0);
    expect(countWords("قال الوزير إن المحادثات ستستمر")).toBe(5);
  });

  it("collapses whitespace and strips invisible characters but keeps the Persian ZWNJ", () => {
    expect(clean("  a\u00a0\u00a0b\u200b c\n\td\u00ad ")).toBe("a b c d");
    expect(clean("سه\u200cشنبه")).toBe("سه\u200cشنبه");
  });
});
