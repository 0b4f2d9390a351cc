import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYSER_VERSION, RULES } from "#app/analysis/index";
import { methodsContent, methodsMarkdown } from "#app/models/methods.server";
import { RULE_REGISTRY } from "#app/analysis/attribution/registry";

describe("methods", () => {
  it("lists every rule, every lexicon with its size, origin and licence, and the analyser version", () => {
    const m = methodsContent();
    expect(m.rules.map((r) => r.id).sort()).toEqual(Object.keys(RULES).sort());
    expect(m.lexicons).toHaveLength(
      fs
        .readdirSync(path.resolve(import.meta.dirname, "../../../app/analysis/lexicons"))
        .filter((f) => f.endsWith(".json")).length,
    );
    for (const l of m.lexicons) {
      expect(l.entries).toBeGreaterThan(0);
      expect(l.origin.length).toBeGreaterThan(10);
      expect(l.licence.length).toBeGreaterThan(2);
    }
    expect(m.lexicons.find((l) => l.file === "hedges-boosters.json")!.parts.map((p) => p.name)).toEqual([
      "hedge",
      "booster",
    ]);
    expect(m.analyserVersion).toBe(ANALYSER_VERSION);
    for (const x of m.measures) for (const r of x.rules) expect(RULES).toHaveProperty(r);
  });

  it("reads accuracy from the eval results file, and says when there are none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "methods-"));
    const file = path.join(dir, "eval-results.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        date: "2026-01-02T00:00:00.000Z",
        polnearDev: { contentF1At03: 0.5 },
        seed: { total: 10, found: 7 },
      }),
    );
    const m = methodsContent({ evalResultsFile: file });
    expect(m.accuracy!.date).toBe("2026-01-02T00:00:00.000Z");
    expect(m.accuracy!.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: "polnearDev.contentF1At03", value: "0.500" }),
        expect.objectContaining({ value: "7 of 10" }),
      ]),
    );
    expect(methodsMarkdown({ evalResultsFile: path.join(dir, "missing.json") })).toContain("Not measured yet");
    const md = methodsMarkdown({ evalResultsFile: file });
    expect(md).toMatch(/^## Methods/);
    for (const id of Object.keys(RULES)) expect(md).toContain(`\`${id}\``);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts the rules from the registries, never from a stored figure, and shows each attribution rule's train figures", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "methods-"));
    const file = path.join(dir, "eval-results.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        date: "2026-01-02T00:00:00.000Z",
        ruleCount: 3,
        perRuleTrain: [{ rule: "according-to.post", count: 12, precisionAt03: 0.75 }],
      }),
    );
    const m = methodsContent({ evalResultsFile: file });
    expect(m.ruleCounts.all).toBe(Object.keys(RULES).length);
    expect(m.ruleCounts.attribution).toBe(RULE_REGISTRY.length);
    const shown = m.accuracy!.rows.filter((r) => r.label === "Rules in the analysis");
    expect(shown).toEqual([expect.objectContaining({ value: String(Object.keys(RULES).length) })]);
    expect(m.rules.find((r) => r.id === "according-to.post")!.train).toEqual({ count: 12, precisionAt03: 0.75 });
    expect(m.rules.find((r) => r.id === "according-to.pre")!.train).toBeUndefined();
    expect(methodsMarkdown({ evalResultsFile: file })).toContain(
      "| `according-to.post` | " + RULES["according-to.post"] + " | 12, 0.750 |",
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
