import { describe, expect, it } from "vitest";
import { agreement, krippendorffAlphaNominal, percentAgreement } from "#app/compare/agreement";
import type { Correction } from "#app/compare/corrections";
import type { Span } from "#app/analysis/types";
import { at, CASTELL, CASTELL2_NAME, machine, REPORTEDLY, TEXT, TITLE } from "#tests/fixtures/corrections-analysis";

describe("Krippendorff's alpha (nominal) and percent agreement", () => {
  it("two coders, six units, one disagreement: alpha = 34/45 by hand", () => {
    // Coincidences: a-a 4, b-b 4, c-c 2, a-b 1, b-a 1; n_a = 5, n_b = 5, n_c = 2, n = 12.
    // Do = 2/12; De = (2·(5·5 + 5·2 + 5·2))/(12·11) = 90/132; alpha = 1 − (2/12)/(90/132) = 1 − 11/45 = 34/45.
    const units = [
      ["a", "a"],
      ["a", "b"],
      ["b", "b"],
      ["b", "b"],
      ["c", "c"],
      ["a", "a"],
    ];
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(34 / 45, 10);
    expect(percentAgreement(units)).toBeCloseTo(5 / 6, 10);
  });

  it("Krippendorff's own nominal example (four observers, twelve units, missing values) gives 0.743", () => {
    // K. Krippendorff, "Computing Krippendorff's alpha-reliability" (2011), the reliability data matrix of section C.
    const A = ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null];
    const B = ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"];
    const C = [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null];
    const D = ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null];
    const units = A.map((_, i) => [A[i]!, B[i]!, C[i]!, D[i]!]);
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(0.743, 3);
  });

  it("is not defined without variation or without pairable values", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["a", null],
        [null, "b"],
      ]),
    ).toBeNull();
    expect(percentAgreement([["a", null]])).toBeNull();
  });

  it("perfect agreement with variation is 1, systematic disagreement is below 0", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["b", "b"],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlphaNominal([
        ["a", "b"],
        ["b", "a"],
      ]),
    ).toBeLessThan(0);
  });
});

let id = 1;
const corr = (coder: string, layer: Correction["layer"], target: Span, field: string, value: unknown): Correction => ({
  id: id++,
  articleId: 7,
  coder,
  layer,
  target,
  field,
  machineValue: null,
  value,
  note: "read again",
  analyserVersion: "t",
});

describe("agreement between two coders and with the machine", () => {
  it("source kinds: the values each coder left alone are the machine's", () => {
    const an = machine();
    // Machine kinds: s1 official, s2 other, s3 official, s4 unnamed.
    const ana = [corr("ana", "source", CASTELL, "kind", "civil_society")];
    const ben = [
      corr("ben", "source", CASTELL, "kind", "civil_society"),
      corr("ben", "source", CASTELL2_NAME, "kind", "civil_society"),
    ];
    const groups = agreement([{ articleId: 7, text: TEXT, title: TITLE, analysis: an }], { ana, ben });
    const kinds = groups.find((g) => g.group === "source.kind")!;
    expect(kinds.units).toBe(4);
    // Coders: [cs,cs] [other,cs] [official,official] [unnamed,unnamed]: n = 8, n_cs = 3, n_other = 1, n_official = 2,
    // n_unnamed = 2; disagreeing coincidences 2; alpha = 1 − (n − 1)·2 / (64 − 9 − 1 − 4 − 4) = 1 − 14/46 = 16/23.
    expect(kinds.coders!.percent).toBeCloseTo(3 / 4, 10);
    expect(kinds.coders!.alpha).toBeCloseTo(16 / 23, 10);
    expect(kinds.vsMachine.ana).toMatchObject({ changed: 1 });
    expect(kinds.vsMachine.ana!.alpha).toBeCloseTo(16 / 23, 10);
    expect(kinds.vsMachine.ben).toMatchObject({ changed: 2, percent: 0.5 });
    expect(kinds.differences.map((d) => [d.unit.words, d.values])).toEqual([
      ["Castell", { ana: "other", ben: "civil_society" }],
    ]);
  });

  it("attributions and markers: a rejection and an addition are units too", () => {
    const an = machine();
    const content = at("the toll theft");
    const ana = [
      corr("ana", "attribution", content, "add", { source: null, cue: null }),
      corr("ana", "marker", REPORTEDLY, "status", "rejected"),
    ];
    const ben = [corr("ben", "attribution", content, "add", { source: null, cue: null })];
    const groups = agreement([{ articleId: 7, text: TEXT, title: TITLE, analysis: an }], { ana, ben });
    const attrs = groups.find((g) => g.group === "attribution.status")!;
    expect(attrs.units).toBe(6); // five machine attributions and one both coders added
    expect(attrs.coders!.percent).toBe(1);
    expect(attrs.vsMachine.ana!.changed).toBe(1);
    const markers = groups.find((g) => g.group === "marker.status")!;
    expect(markers.differences.map((d) => d.values)).toEqual([{ ana: "absent", ben: "hedge" }]);
  });
});
