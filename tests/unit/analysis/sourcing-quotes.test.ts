import { describe, expect, it } from "vitest";
import { findQuotes } from "#app/analysis/quotes";
import { splitParagraphs } from "#app/analysis/nlp";

const q = (t: string) => findQuotes(t, splitParagraphs(t)).map((x) => t.slice(x.start, x.end));

describe("quote finder", () => {
  it("curly and straight marks", () => {
    expect(q('He said “yes” and "no".')).toEqual(["“yes”", '"no"']);
  });
  it("two apostrophes as a double mark", () => {
    expect(q("''It was late,'' she said.")).toEqual(["''It was late,''"]);
  });
  it("multi-paragraph quote: opening mark at each paragraph, closing only at the end", () => {
    const t = "She wrote:\n\n“First part.\n\n“Second part.”\n\nAfter.";
    expect(q(t)).toEqual(["“First part.\n\n“Second part.”"]);
  });
  it("an unclosed quote ends at its paragraph when the next one does not open with a mark", () => {
    const t = "“Never closed\n\nPlain paragraph “ok” here.";
    const r = findQuotes(t, splitParagraphs(t));
    expect(t.slice(r[0]!.start, r[0]!.end)).toBe("“Never closed");
    expect(r[0]!.unbalanced).toBe(true);
    expect(t.slice(r[1]!.start, r[1]!.end)).toBe("“ok”");
  });
  it("nested single quotes stay inside the double quote", () => {
    expect(q("“He called it ‘a farce’ today,” she said.")).toEqual(["“He called it ‘a farce’ today,”"]);
  });
});
