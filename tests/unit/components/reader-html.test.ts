// The texts side by side written directly as markup (reader-html.server.ts) must be exactly what React renders
// for <ReaderColumns> (the island the page had before): hand-written cases for each construction, then many
// random highlight layouts over a text with characters that need escaping. Fictional texts and outlets.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { HighlightSpec } from "#app/components/article-reader";
import { ReaderColumns, type ReaderColumn } from "#app/routes/comparisons.$id/reader-columns";
import { readerColumnsHtml } from "#app/routes/comparisons.$id/reader-html.server";

const TEXT =
  'The Vellmark council said the "temporary" closure of Orra Bridge would last weeks.\n\n' +
  "Residents & traders <who asked> disagreed; one, Tamsin Oyelaran, called it 'a siege'.\n" +
  '   \nA spokesman for the Harbour Authority said repairs were "on schedule".';

function column(id: number, highlights: HighlightSpec[], over: Partial<ReaderColumn> = {}): ReaderColumn {
  return {
    id,
    title: `Bridge <closure> & "reactions" ${id}`,
    byline: "Fictional Ledger · 2026-03-01",
    fictional: true,
    focal: id === 1,
    text: TEXT,
    highlights,
    titleHighlights: [],
    ...over,
  };
}

const react = (cols: ReaderColumn[], token: string | null) =>
  renderToString(createElement(ReaderColumns, { columns: cols, focusToken: token }));

describe("the reader's markup written directly", () => {
  it("equals React's for nested, adjacent, empty and anchored highlights with cards and links", () => {
    const card = { heading: "Attribution: official source", rows: ["Source: the council", "Rule quote.x: <a rule>"] };
    const cols = [
      column(1, [
        { start: 4, end: 20, className: "hl-content kind-official layer-attr", card, label: 'Said "so"' },
        { start: 4, end: 12, className: "hl-source kind-official layer-attr" },
        { start: 21, end: 25, className: "hl-cue layer-attr" },
        { start: 25, end: 25, className: "hl-empty" },
        { start: 36, end: 47, className: "hl-scare_quote layer-scare", card: { heading: "Scare quote", rows: [] } },
        { start: 30, end: 140, className: "hl-target", anchor: "focus", card: { heading: "Behind", rows: ["x"] } },
        {
          start: 100,
          end: 120,
          className: "hl-claim layer-claims",
          card: { heading: "Claim", rows: ["Stance: asserted"], link: { href: "/a?b=1&c='2'", label: "Correct this" } },
          label: "Claim",
        },
      ]),
      column(2, [], {
        focal: false,
        fictional: false,
        byline: "",
        titleHighlights: [{ start: 0, end: 6, className: "hl-loaded layer-loaded", card, label: "Loaded" }],
      }),
    ];
    for (const token of [null, "art:1", "art:2", "k:1:official"])
      expect(readerColumnsHtml(cols, token)).toBe(react(cols, token));
  });

  it("equals React's for random highlight layouts", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 60; round++) {
      const cols = [1, 2, 3].map((id) =>
        column(
          id,
          Array.from({ length: rnd(25) }, () => {
            const start = rnd(TEXT.length);
            const end = Math.min(TEXT.length, start + rnd(60));
            return {
              start,
              end,
              className: ["hl-cue", "hl-hedge layer-hedge", "hl-target", "hl-claim"][rnd(4)]!,
              ...(rnd(2) ? { card: { heading: `H${rnd(9)}`, rows: rnd(2) ? ["r & <r>"] : [] } } : {}),
              ...(rnd(3) === 0 ? { label: `L'${rnd(9)}` } : {}),
              ...(rnd(4) === 0 ? { anchor: "focus" } : {}),
            };
          }),
          { focal: rnd(2) === 0, fictional: rnd(2) === 0 },
        ),
      );
      expect(readerColumnsHtml(cols, "art:2")).toBe(react(cols, "art:2"));
    }
  });
});
