// The claim matrix as rendered: why claims are grouped (the cell's card) and "unclear" omissions in the focal
// column. Fictional outlets and texts; the rows are written by hand.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimMatrix } from "#app/components/charts/claim-matrix";
import type { ClaimMatrixRow } from "#app/components/charts/types";
import { chartArticle } from "#tests/utils/chart-articles";

const articles = [chartArticle(1, "Harbour Post"), chartArticle(2, "Valley Star"), chartArticle(3, "Quay Daily")];
const cell = (articleId: number, text: string, why?: string) => ({
  articleId,
  stance: "asserted",
  sourceName: null,
  text,
  f: `cl:${articleId}:g1`,
  ...(why ? { why } : {}),
});

describe("ClaimMatrix", () => {
  const rows: ClaimMatrixRow[] = [
    {
      id: "g1",
      label: "Vema Orrin resigned from the harbour board",
      focalLacks: false,
      onlyFocal: false,
      focalUnclear: true,
      cells: [
        cell(2, "Vema Orrin resigned from the harbour board on Monday.", "the group's most central claim"),
        cell(
          3,
          "Orrin quit the harbour board.",
          "shares Orrin, quit, harbour, board with the most central claim (similarity 0.61)",
        ),
      ],
      focalClosest: { articleId: 1, text: "the board met on Tuesday", similarity: 0.12 },
      focalSentence: { articleId: 1, text: "Orrin left the harbour board after a vote.", similarity: 0.74 },
    },
    {
      id: "g2",
      label: "The ferry timetable was cut",
      focalLacks: true,
      onlyFocal: false,
      cells: [cell(2, "The ferry timetable was cut."), cell(3, "Ferries will run less often.")],
      focalClosest: null,
    },
  ];
  const html = renderToStaticMarkup(createElement(ClaimMatrix, { rows, articles, href: (t: string) => `#${t}` }));

  it("shows why two claims are grouped in the cell's card", () => {
    expect(html).toContain("shares Orrin, quit, harbour, board with the most central claim (similarity 0.61)");
  });

  it("marks a focal omission that may be carried in other words as unclear, with the nearest sentence to judge", () => {
    const g1 = html.slice(html.indexOf('id="claim-g1"'), html.indexOf('id="claim-g2"'));
    expect(g1).toContain("unclear");
    expect(g1).not.toContain(" absent");
    expect(g1).toContain("Sentence holding most of its words (74%): Orrin left the harbour board after a vote.");
    const g2 = html.slice(html.indexOf('id="claim-g2"'));
    expect(g2).toContain(" absent");
    expect(g2).not.toContain("unclear");
  });
});
