// The focus card of an attribution shows why its source has its kind (issue 12, point 5): the title or appositive
// words of the text, or the gazetteer entry. Fictional texts; rendered with the reader's own markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import { ArticleReader, fromSpecs } from "#app/components/article-reader";
import { kindEvidenceRow } from "#app/components/kind-evidence";

function cardMarkup(text: string): string {
  const an = analyse(text);
  const byKey = new Map(an.sources.map((s) => [s.key, s]));
  const a = an.attributions[0]!;
  const row = kindEvidenceRow(a.sourceKey ? byKey.get(a.sourceKey) : undefined, a);
  const specs = [
    {
      start: a.content[0]!.start,
      end: a.content[0]!.end,
      className: "hl-content",
      card: { heading: "Attribution", rows: row ? [row] : [] },
    },
  ];
  return renderToStaticMarkup(createElement(ArticleReader, { text, highlights: fromSpecs(specs) }));
}

describe("kind evidence in the focus card", () => {
  it("shows the words of the text that decided the kind", () => {
    const html = cardMarkup("Ella Marr, a spokeswoman for Governor Tim Vell, said the bridge would reopen.");
    expect(html).toContain("Why this kind:");
    expect(html).toMatch(/spokeswoman/);
    expect(html).toMatch(/governor/i);
  });

  it("shows the gazetteer entry, and says when a document is the grammatical source", () => {
    expect(cardMarkup("The Kestrel Courier reported that the bridge would reopen.")).toMatch(
      /publication word|gazetteer/,
    );
    const doc = cardMarkup("The council’s incident report says the valve failed at 11pm. The council met on Thursday.");
    expect(doc).toMatch(/document of this source/);
  });

  it("gives no row for an attribution with no source", () => {
    expect(kindEvidenceRow(undefined, { sourceKind: "unnamed", kind: "unnamed" })).toBeNull();
  });
});
