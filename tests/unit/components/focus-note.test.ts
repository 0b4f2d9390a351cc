// The focus note written as markup (focusNoteHtml, for a number's first view written without React, see
// fast-path.server.ts) must be exactly what React renders for <FocusNote>: every branch, one span and several,
// an empty description, and characters that need escaping. Fictional descriptions.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FocusNote, focusNoteHtml, type FocusNoteData } from "#app/routes/comparisons.$id/focus-note";

const QUERIES: [string, string][][] = [
  [],
  [["by", "words"]],
  [
    ["cols", "3,4"],
    ["layers", "1"],
    ["layer", "hedge"],
    ["cg", "g2"],
  ],
  [["x", `a"b'c<d>&e`]],
];

const FOCUSES: FocusNoteData[] = [
  { token: "k:1:official", description: "official sources in the Vellmark Ledger", spans: 4 },
  { token: "k:1:official", description: "official sources in the Vellmark Ledger", spans: 1 },
  { token: "p:1:p2", description: "", spans: 3 },
  { token: "m:2:hedge", description: `hedges in "Orra Post" & <Harbour Times>, 'quoted'`, spans: 0 },
  { token: "none", description: "", spans: 0 },
  { token: "k:2:x", description: "one 2 three", spans: 12 },
];

describe("focusNoteHtml", () => {
  it("writes what React renders for FocusNote, in every branch", () => {
    let n = 0;
    for (const query of QUERIES)
      for (const focus of FOCUSES) {
        expect(focusNoteHtml(focus, query)).toBe(renderToString(createElement(FocusNote, { focus, query })));
        n++;
      }
    expect(n).toBe(24);
  });

  it("says when the number is not in the comparison any more", () => {
    expect(focusNoteHtml({ token: "none", description: "", spans: 0 }, [])).toContain(
      "That number is not in this comparison any more.",
    );
  });
});
