// Dash-introduced quotations: a paragraph opening with an em dash is a quotation, read as the same text written
// with quotation marks would be (same rule, source, cue; the content is the dash paragraph's quoted words).
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { normaliseQuoteStyle } from "#app/analysis/quotes";
import { tokenize } from "#app/analysis/nlp";

function rows(text: string) {
  const s = (sp: { start: number; end: number } | null) => (sp ? text.slice(sp.start, sp.end) : null);
  return analyseSourcing(text).attributions.map((a) => ({
    rule: a.rule,
    kind: a.kind,
    source: s(a.source),
    cue: s(a.cue),
    words: a.content.map((c) =>
      text
        .slice(c.start, c.end)
        .replace(/[“”—,.]/g, "")
        .trim(),
    ),
  }));
}

describe("a paragraph opening with an em dash is a quotation", () => {
  it.each([
    ["— We will not give up, said Lena Torvik.", "“We will not give up,” said Lena Torvik."],
    ["— We will not give up, Lena Torvik said.", "“We will not give up,” Lena Torvik said."],
    ["— The river is rising — Lena Torvik added.", "“The river is rising,” Lena Torvik added."],
  ])("%s", (dash, marks) => {
    const got = rows(`The mayor spoke on the quay.\n\n${dash}`);
    expect(got).toHaveLength(1);
    expect(got).toEqual(rows(`The mayor spoke on the quay.\n\n${marks}`));
    expect(got[0]!.kind).toBe("direct");
  });

  it("a dash paragraph with no cue is a quotation to its end, closed there", () => {
    const text = "Lena Torvik spoke on the quay.\n\n— The river is rising.\n\n— We are ready.";
    const n = normaliseQuoteStyle(text, tokenize(text).paragraphs);
    expect(n.length).toBe(text.length);
    expect(n).toContain("“ The river is rising”");
    expect(n).toContain("“ We are ready”");
  });

  it("a dash inside a paragraph, or a paragraph with quotation marks, is left alone", () => {
    for (const text of ["The bridge — built in 1901 — will close.", "— “We will not give up,” said Lena Torvik."]) {
      const n = normaliseQuoteStyle(text, tokenize(text).paragraphs);
      expect(n).toBe(text);
    }
  });
});
