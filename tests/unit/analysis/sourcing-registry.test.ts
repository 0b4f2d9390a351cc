// The rule registry: every rule documented with worked examples that run here; every example found with
// its rule on and lost with that rule alone switched off (a call parameter); the registry's shape checked.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_RULES, RULE_REGISTRY, TOKEN_MATCHERS } from "#app/analysis/attribution/registry";
import { RULES } from "#app/analysis/sourcing";
import { exampleFound } from "../../../scripts/lib/rule-examples";

describe("every rule's worked examples", () => {
  for (const rule of RULE_REGISTRY) {
    describe(rule.id, () => {
      it("has a description and at least one worked example", () => {
        expect(rule.description.length, `${rule.id} has no description`).toBeGreaterThan(20);
        expect(
          rule.examples.length,
          `${rule.id} has no worked example: add one to its family file under app/analysis/attribution/rules/`,
        ).toBeGreaterThan(0);
      });
      rule.examples.forEach((ex, k) => {
        it(`example ${k + 1} is found with the rule on: ${ex.text.slice(0, 60)}`, () => {
          expect(exampleFound(rule.id, ex), JSON.stringify(ex.expect)).toBe(true);
        });
        it(`example ${k + 1} is lost with ${rule.id} alone switched off`, () => {
          expect(exampleFound(rule.id, ex, new Set([rule.id]))).toBe(false);
        });
      });
    });
  }
});

describe("the registry", () => {
  const ids = RULE_REGISTRY.map((r) => r.id);
  it("rule ids are unique, and every id a matcher or document rule can produce is registered", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of [...TOKEN_MATCHERS, ...DOCUMENT_RULES])
      for (const p of m.produces) expect(ids, `${m.id} produces ${p}`).toContain(p);
  });
  it("every registered rule is produced by some matcher or document rule", () => {
    const produced = new Set([...TOKEN_MATCHERS, ...DOCUMENT_RULES].flatMap((m) => m.produces));
    for (const id of ids) expect(produced.has(id), id).toBe(true);
  });
  it("the methods page's sourcing rules are the registry's, plus the source-resolution rules", () => {
    for (const id of ids) expect(RULES[id]).toBe(RULE_REGISTRY.find((r) => r.id === id)!.description);
    expect(
      Object.keys(RULES)
        .filter((k) => !ids.includes(k))
        .every((k) => k.startsWith("source.")),
    ).toBe(true);
  });
  it("switching a rule off is per call: the next call finds it again", async () => {
    const { analyseSourcing } = await import("#app/analysis/sourcing");
    const text = "The port will reopen on Friday, according to the harbour authority.";
    expect(analyseSourcing(text, undefined, { disabled: new Set(["according-to.post"]) }).attributions).toHaveLength(0);
    expect(analyseSourcing(text).attributions.map((a) => a.rule)).toEqual(["according-to.post"]);
  });
  it("no file under app/analysis/attribution/ is over 400 lines", () => {
    const root = path.resolve("app/analysis/attribution");
    const files = fs
      .readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files)
      expect(fs.readFileSync(path.join(root, f), "utf8").split("\n").length, f).toBeLessThanOrEqual(400);
  });
});
