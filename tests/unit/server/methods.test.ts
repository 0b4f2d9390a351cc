import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYSER_VERSION, RULES } from "#app/analysis/index";
import { methodsContent, methodsMarkdown } from "#app/models/methods.server";

describe("methods", () => {
  it("lists every rule, every lexicon with its size, origin and licence, and the analyser version", () => {
    const m = methodsContent();
    expect(m.rules.map((r) => r.id).sort()).toEqual(Object.keys(RULES).sort());
    expect(m.lexicons).toHaveLength(fs.readdirSync(path.resolve(import.meta.dirname, "../../../app/analysis/lexicons")).filter((f) => f.endsWith(".json")).length);
    for (const l of m.lexicons) {
      expect(l.entries).toBeGreaterThan(0);
      expect(l.origin.length).toBeGreaterThan(10);
      expect(l.licence.length).toBeGreaterThan(2);
    }
    expect(m.lexicons.find((l) => l.file === "hedges-boosters.json")!.parts.map((p) => p.name)).toEqual(["hedge", "booster"]);
    expect(m.analyserVersion).toBe(ANALYSER_VERSION);
    for (const x of m.measures) for (const r of x.rules) expect(RULES).toHaveProperty(r);
  });

  it("reads accuracy from the eval results file, and says when there are none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "methods-"));
    const file = path.join(dir, "eval-results.json");
    fs.writeFileSync(file, JSON.stringify({ date: "2026-01-02T00:00:00.000Z", polnearDev: { contentF1At03: 0.5 }, seed: { total: 10, found: 7 } }));
    const m = methodsContent({ evalResultsFile: file });
    expect(m.accuracy!.date).toBe("2026-01-02T00:00:00.000Z");
    expect(m.accuracy!.rows).toEqual(expect.arrayContaining([expect.objectContaining({ key: "polnearDev.contentF1At03", value: "0.500" }), expect.objectContaining({ value: "7 of 10" })]));
    expect(methodsMarkdown({ evalResultsFile: path.join(dir, "missing.json") })).toContain("Not measured yet");
    const md = methodsMarkdown({ evalResultsFile: file });
    expect(md).toMatch(/^## Methods/);
    for (const id of Object.keys(RULES)) expect(md).toContain(`\`${id}\``);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
