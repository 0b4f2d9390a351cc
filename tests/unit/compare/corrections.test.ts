import { describe, expect, it } from "vitest";
import { compareArticles } from "#app/compare/compare";
import {
  applyCorrections,
  finalValues,
  moveClaims,
  resolveTarget,
  validateCorrection,
  type Correction,
} from "#app/compare/corrections";
import { analyse } from "#app/analysis/index";

import {
  at,
  CASTELL,
  CASTELL2_NAME,
  CLERK,
  CLERK_CONTENT,
  CONTENT1,
  FAIR,
  HARDLINE,
  machine,
  OFFICE,
  OFFICIALS,
  QUOTE,
  REPORTEDLY,
  TEXT,
  TITLE,
  TOLD,
  TOLL,
} from "#tests/fixtures/corrections-analysis";
import type { ArticleAnalysis } from "#app/analysis/index";
import type { Span } from "#app/analysis/types";

let nextId = 1;
function corr(
  layer: Correction["layer"],
  target: Span,
  field: string,
  value: unknown,
  extra: Partial<Correction> = {},
): Correction {
  return {
    id: nextId++,
    articleId: 1,
    coder: "ana",
    layer,
    target,
    field,
    machineValue: null,
    value,
    note: "checked against the text",
    analyserVersion: "test.1",
    ...extra,
  };
}

const kindCounts = (an: ArticleAnalysis) => {
  const cmp = compareArticles(
    [{ id: 1, title: TITLE, outlet: "Ostwick Ledger", url: null, published: null, analysis: an }],
    { focalId: 1 },
  );
  return Object.fromEntries(Object.entries(cmp.figures[0]!.bySourceKind).map(([k, f]) => [k, f.count.value]));
};

describe("applying corrections on top of the machine's analysis", () => {
  it("a source kind changed through any mention changes the source, its attributions and the sourcing figures, keeping the machine's value", () => {
    const an = machine();
    const before = kindCounts(an);
    expect(before.official).toBe(2);
    const c = corr("source", CASTELL, "kind", "civil_society");
    const out = applyCorrections(TEXT, TITLE, an, [c]);
    expect(out.review).toEqual([]);
    expect(out.analysis.sources.find((s) => s.key === "s1")!.kind).toBe("civil_society");
    expect(out.analysis.attributions.find((a) => a.id === "a1")!.sourceKind).toBe("civil_society");
    const after = kindCounts(out.analysis);
    expect(after.official).toBe(1);
    expect(after.civil_society).toBe(1);
    expect(out.applied).toEqual([
      expect.objectContaining({
        correctionId: c.id,
        itemKey: "source:s1",
        field: "kind",
        machineValue: "official",
        finalValue: "civil_society",
        corrected: true,
      }),
    ]);
    // The stored analysis is never edited.
    expect(an.sources[0]!.kind).toBe("official");
  });

  it("the attribution's source span names the source as well as its mention list", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [
      corr("source", OFFICE, "affiliation", "Ostwick town council"),
    ]);
    expect(out.analysis.sources.find((s) => s.key === "s3")!.affiliation).toBe("Ostwick town council");
    expect(out.analysis.attributions.find((a) => a.id === "a3")!.affiliation).toBe("Ostwick town council");
  });

  it("renames a source", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [corr("source", OFFICIALS, "name", "Ostwick officials")]);
    expect(out.analysis.sources.find((s) => s.key === "s4")!.name).toBe("Ostwick officials");
  });

  it("merges a bare surname into the full name: one source with both attributions and the quoted words", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [corr("source", CASTELL2_NAME, "merge", CASTELL)]);
    expect(out.analysis.sources.map((s) => s.key)).toEqual(["s1", "s3", "s4"]);
    const s1 = out.analysis.sources.find((s) => s.key === "s1")!;
    expect(s1.attributionIds.sort()).toEqual(["a1", "a2"]);
    expect(s1.wordsQuoted).toBe(4);
    expect(out.analysis.attributions.find((a) => a.id === "a2")!.sourceKind).toBe("official");
  });

  it("splits a mention off into a source of its own", () => {
    const merged = applyCorrections(TEXT, TITLE, machine(), [corr("source", CASTELL2_NAME, "merge", CASTELL)]).analysis;
    const out = applyCorrections(TEXT, TITLE, merged, [
      corr("source", CASTELL2_NAME, "split", "Castell (the second speaker)"),
    ]);
    const fresh = out.analysis.sources.find((s) => s.name === "Castell (the second speaker)")!;
    expect(fresh.attributionIds).toEqual(["a2"]);
    expect(out.analysis.sources.find((s) => s.key === "s1")!.attributionIds).toEqual(["a1"]);
  });

  it("rejects a spurious attribution: it leaves the counts and its source's list", () => {
    const an = machine();
    expect(kindCounts(an).unnamed).toBe(2);
    const out = applyCorrections(TEXT, TITLE, an, [
      corr("attribution", at("Officials said the plan was fair"), "status", "rejected"),
    ]);
    expect(out.analysis.attributions.map((a) => a.id)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(out.analysis.sources.find((s) => s.key === "s4")!.attributionIds).toEqual(["a4"]);
    expect(kindCounts(out.analysis).unnamed).toBe(1);
    expect(out.applied[0]).toMatchObject({
      layer: "attribution",
      machineValue: "present",
      finalValue: "rejected",
      corrected: true,
    });
  });

  it("adds a missed attribution with a new source, counted by its kind and traced to the correction rule", () => {
    const c = corr("attribution", CLERK_CONTENT, "add", { source: CLERK, cue: TOLD, sourceKind: "official" });
    const out = applyCorrections(TEXT, TITLE, machine(), [c]);
    const added = out.analysis.attributions.find((a) => a.id === `corr-${c.id}`)!;
    expect(added).toMatchObject({
      source: CLERK,
      cue: TOLD,
      content: [CLERK_CONTENT],
      sourceKind: "official",
      rule: "correction.person",
      kind: "indirect",
    });
    expect(added.evidence).toEqual(["checked against the text"]);
    expect(out.analysis.sources.find((s) => s.key === added.sourceKey)!.name).toBe("a council clerk");
    expect(kindCounts(out.analysis).official).toBe(3);
    expect(out.applied[0]).toMatchObject({ machineValue: "absent", finalValue: "present", corrected: true });
  });

  it("an added attribution whose source is a known mention joins that source", () => {
    const c = corr("attribution", at("Officials said the plan was fair"), "status", "rejected");
    const add = corr("attribution", at("the toll theft"), "add", { source: OFFICE, cue: null });
    const out = applyCorrections(TEXT, TITLE, machine(), [c, add]);
    expect(out.analysis.sources.find((s) => s.key === "s3")!.attributionIds.sort()).toEqual(["a3", `corr-${add.id}`]);
  });

  it("changes a claim's stance", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [corr("claim", TOLL, "stance", "attributed")]);
    expect(out.analysis.claims.find((c) => c.id === "c2")!.stance).toBe("attributed");
  });

  it("rejects and adds markers, and the densities and the lead follow", () => {
    const an = machine();
    const rejected = applyCorrections(TEXT, TITLE, an, [corr("marker", REPORTEDLY, "status", "rejected")]).analysis;
    expect(rejected.markers).toEqual([]);
    expect(rejected.lead.markerIdx).toEqual([]);
    expect(rejected.densities.hedge).toBe(0);
    const added = applyCorrections(TEXT, TITLE, an, [corr("marker", at("theft"), "add", { type: "loaded" })]).analysis;
    expect(added.markers.map((m) => [m.type, m.text, m.rule])).toEqual([
      ["hedge", "reportedly", "hedge.lexicon"],
      ["loaded", "theft", "correction.person"],
    ]);
    expect(added.densities.loaded).toBeGreaterThan(0);
  });

  it("a title marker is corrected in the title", () => {
    const t = TITLE.indexOf("divides");
    const out = applyCorrections(TEXT, TITLE, machine(), [
      corr("marker", { start: t, end: t + 7, field: "title" } as Span, "add", "loaded"),
    ]);
    expect(out.analysis.title!.markers.at(-1)).toMatchObject({ text: "divides", type: "loaded", field: "title" });
    expect(out.analysis.title!.figures.markerCounts.loaded).toBe(
      out.analysis.title!.markers.filter((m) => m.type === "loaded").length,
    );
  });

  it("changes a descriptor's label class", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [corr("descriptor", HARDLINE, "label_class", "descriptive")]);
    expect(out.analysis.descriptors[0]!.labelClass).toBe("descriptive");
    expect(out.applied[0]).toMatchObject({ machineValue: "extremism", finalValue: "descriptive" });
  });

  it("a later correction of the same item wins, and the machine's value stays the first one", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [
      corr("source", CASTELL, "kind", "expert"),
      corr("source", CASTELL, "kind", "civil_society"),
    ]);
    const finals = finalValues(out.applied);
    expect(finals).toHaveLength(1);
    expect(finals[0]).toMatchObject({ machineValue: "official", finalValue: "civil_society" });
  });

  it("a correction to the machine's own value is kept but flagged as not a change", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [corr("source", OFFICIALS, "kind", "unnamed")]);
    expect(out.applied[0]).toMatchObject({ corrected: false, machineValue: "unnamed", finalValue: "unnamed" });
  });
});

describe("re-anchoring on a new analysis", () => {
  it("finds the target again when the machine moved the span a little (overlap of at least 0.8)", () => {
    const an = machine();
    // A new analyser version widens the first content by the final full stop.
    an.attributions[0]!.content = [{ start: CONTENT1.start, end: CONTENT1.end + 1 }];
    const out = applyCorrections(TEXT, TITLE, an, [corr("attribution", CONTENT1, "status", "rejected")]);
    expect(out.review).toEqual([]);
    expect(out.applied[0]!.target).toEqual({ start: CONTENT1.start, end: CONTENT1.end + 1, field: "body" });
  });

  it("lists a correction whose target no longer exists for review, and applies the rest", () => {
    const an = machine();
    an.attributions = an.attributions.filter((a) => a.id !== "a3");
    an.sources = an.sources.filter((s) => s.key !== "s3");
    const gone = corr("attribution", TOLL, "status", "rejected");
    const gone2 = corr("source", OFFICE, "kind", "document");
    const ok = corr("source", CASTELL, "kind", "civil_society");
    const out = applyCorrections(TEXT, TITLE, an, [gone, gone2, ok]);
    expect(out.review.map((r) => r.correctionId)).toEqual([gone.id, gone2.id]);
    expect(out.review[0]!.reason).toContain("The toll is reportedly");
    expect(out.applied.map((a) => a.correctionId)).toEqual([ok.id]);
  });

  it("an addition the machine now makes itself is not added twice", () => {
    const an = machine();
    const add = corr("attribution", FAIR, "add", { source: OFFICIALS, cue: null });
    const out = applyCorrections(TEXT, TITLE, an, [add]);
    expect(out.analysis.attributions).toHaveLength(5);
    expect(out.applied[0]).toMatchObject({ corrected: false, finalValue: "present" });
  });

  it("resolves targets to units and machine values", () => {
    const an = machine();
    expect(resolveTarget(an, "source", CASTELL2_NAME, "kind")).toMatchObject({ itemKey: "source:s2", value: "other" });
    expect(resolveTarget(an, "attribution", QUOTE, "status")).toMatchObject({ itemKey: "attr:a2", value: "present" });
    expect(resolveTarget(an, "claim", at("toll"), "stance")).toBeNull();
  });
});

describe("validating corrections", () => {
  const t = { start: 0, end: 5 };
  it("explains what is wrong", () => {
    expect(validateCorrection({ layer: "source", field: "kind", value: "villain", note: "x", target: t })).toMatch(
      /source kind must be one of/,
    );
    expect(validateCorrection({ layer: "source", field: "kind", value: "expert", note: " ", target: t })).toMatch(
      /note/,
    );
    expect(validateCorrection({ layer: "source", field: "colour", value: "x", note: "x", target: t })).toMatch(
      /kind, affiliation/,
    );
    expect(
      validateCorrection({ layer: "marker", field: "add", value: { type: "shout" }, note: "x", target: t }),
    ).toMatch(/type/);
    expect(
      validateCorrection({ layer: "claim", field: "stance", value: "denied", note: "x", target: { start: 5, end: 2 } }),
    ).toMatch(/start and an end/);
    expect(
      validateCorrection(
        { layer: "claim", field: "stance", value: "denied", note: "x", target: { start: 5, end: 20 } },
        10,
      ),
    ).toMatch(/beyond the end/);
    expect(validateCorrection({ layer: "claim", field: "stance", value: "denied", note: "x", target: t })).toBeNull();
  });

  it("an invalid stored correction goes to review instead of being applied", () => {
    const out = applyCorrections(TEXT, TITLE, machine(), [corr("source", CASTELL, "kind", "villain")]);
    expect(out.applied).toEqual([]);
    expect(out.review).toHaveLength(1);
  });
});

describe("moving claims between groups of the claim matrix", () => {
  const OTHER = `Castell said the toll would hurt commuters badly. The bridge opened in 1931.`;
  function comparison() {
    const a = machine();
    const b = analyse(OTHER, { title: "Second report" });
    const hurt = { start: OTHER.indexOf("the toll"), end: OTHER.indexOf(" badly") };
    const opened = { start: OTHER.indexOf("The bridge"), end: OTHER.length - 1 };
    b.claims = [
      {
        id: "c1",
        span: hurt,
        spans: [hurt],
        stance: "attributed",
        attributionId: null,
        sourceKey: null,
        terms: ["toll", "hurt", "commut"],
        rule: "claim.attribution",
        text: OTHER.slice(hurt.start, hurt.end),
        sourceName: null,
        evidence: [],
      },
      {
        id: "c2",
        span: opened,
        spans: [opened],
        stance: "asserted",
        attributionId: null,
        sourceKey: null,
        terms: ["bridg", "open", "1931"],
        rule: "claim.author",
        text: OTHER.slice(opened.start, opened.end),
        sourceName: null,
        evidence: [],
      },
    ];
    const cmp = compareArticles(
      [
        { id: 1, title: TITLE, outlet: "Ostwick Ledger", url: null, published: null, analysis: a },
        { id: 2, title: "Second report", outlet: "Harrowmere Bell", url: null, published: null, analysis: b },
      ],
      { focalId: 1 },
    );
    return { cmp, opened };
  }
  const groupOf = (cmp: ReturnType<typeof comparison>["cmp"], articleId: number, claimId: string) =>
    cmp.claimGroups.find((g) => g.cells.some((c) => c.articleId === articleId && c.claimId === claimId))!;

  it("moves a claim into another claim's group, and out of its group again", () => {
    const { cmp } = comparison();
    expect(groupOf(cmp, 2, "c2").articles).toEqual([2]);
    const joined = moveClaims(cmp, [
      { correctionId: 1, articleId: 2, claimId: "c2", into: { articleId: 1, claimId: "c2" } },
    ]).comparison;
    const g = groupOf(joined, 2, "c2");
    expect(g.cells.map((c) => `${c.articleId}:${c.claimId}`).sort()).toEqual(["1:c2", "2:c2"]);
    expect(g).toMatchObject({ articles: [1, 2], onlyIn: null, focalLacks: false });
    expect(joined.claimGroups.length).toBe(cmp.claimGroups.length - 1);
    const out = moveClaims(joined, [{ correctionId: 2, articleId: 2, claimId: "c2", into: null }]).comparison;
    expect(groupOf(out, 2, "c2")).toMatchObject({ articles: [2], onlyIn: 2, focalLacks: true });
    expect(groupOf(out, 1, "c2").articles).toEqual([1]);
    // The machine's comparison is not changed.
    expect(groupOf(cmp, 2, "c2").articles).toEqual([2]);
  });

  it("a move whose claims are not in the comparison is listed for review", () => {
    const { cmp } = comparison();
    const res = moveClaims(cmp, [{ correctionId: 9, articleId: 2, claimId: "c99", into: null }]);
    expect(res.review).toEqual([{ correctionId: 9, reason: expect.stringContaining("not in this comparison") }]);
    expect(res.comparison.claimGroups).toEqual(cmp.claimGroups);
  });

  it("the group correction is validated and recorded on the article", () => {
    expect(
      validateCorrection({
        layer: "claim",
        field: "group",
        value: { start: 1, end: 4 },
        note: "x",
        target: { start: 0, end: 4 },
      }),
    ).toMatch(/articleId/);
    expect(
      validateCorrection({ layer: "claim", field: "group", value: null, note: "x", target: { start: 0, end: 4 } }),
    ).toBeNull();
    const out = applyCorrections(TEXT, TITLE, machine(), [
      corr("claim", TOLL, "group", { articleId: 2, start: 3, end: 9 }),
    ]);
    expect(out.applied[0]).toMatchObject({
      itemKey: "claim:c2",
      field: "group",
      finalValue: { articleId: 2, start: 3, end: 9 },
    });
    expect(out.analysis.claims.find((c) => c.id === "c2")!.stance).toBe("hedged");
  });
});
