import { describe, expect, test } from "vitest";
import { buildRelatedIndex, RELATED_MIN_SCORE, type RelatedDoc } from "#app/compare/related";

// Fictional reports: two of one event (a bridge closure in Varnholm), one of another (a harvest fair in Ossik).
const bridge = (id: number, published: string, extra: string): RelatedDoc => ({
  id,
  url: null,
  published,
  title: `Varnholm closes the Tessel bridge after cracks found ${extra}`,
  text:
    `On Monday the city of Varnholm closed the Tessel bridge after engineers found cracks in two of its piers, mayor Orla Brandt said. ` +
    `Engineers from the Quarry Institute will inspect the piers on Tuesday. ${extra}\n\n` +
    `"We will not reopen the Tessel bridge until it is safe," Brandt said in Varnholm on Monday.`,
});
const fair: RelatedDoc = {
  id: 3,
  url: null,
  published: "2009-09-14",
  title: "Ossik harvest fair draws record crowds",
  text: "On Monday the Ossik harvest fair opened with a parade of tractors, organiser Pim Sallow said. Crowds came from the whole valley on Tuesday.\n\nPumpkins, apples and cider filled the stalls.",
};

describe("related coverage reasons", () => {
  test("weekday and month names are never offered as shared names", () => {
    const docs = [
      bridge(1, "2021-03-01", "Traffic was diverted."),
      bridge(2, "2021-03-02", "Buses will take a detour."),
      fair,
    ];
    const hits = buildRelatedIndex(docs).query(1, 5);
    const top = hits.find((h) => h.id === 2)!;
    const names = top.reasons.find((r) => r.startsWith("shared names:"))!;
    expect(names).toMatch(/varnholm|tessel|brandt/);
    expect(names).not.toMatch(/monday|tuesday|march/);
    expect(top.reasons).toContain("published 1 day apart");
  });

  test("a date gap of years is no reason, and a report of another event scores under the threshold", () => {
    const docs = [
      bridge(1, "2021-03-01", "Traffic was diverted."),
      bridge(2, "2011-03-02", "Buses will take a detour."),
      fair,
    ];
    const hits = buildRelatedIndex(docs).query(1, 5);
    const sister = hits.find((h) => h.id === 2)!;
    expect(sister.reasons.some((r) => /days? apart/.test(r))).toBe(false);
    expect(sister.score).toBeGreaterThanOrEqual(RELATED_MIN_SCORE);
    // Not found at all scores 0: the assertion runs either way.
    expect(hits.find((h) => h.id === 3)?.score ?? 0).toBeLessThan(RELATED_MIN_SCORE);
  });
});
