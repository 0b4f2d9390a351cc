// The scan's trigger index (registry.ts TRIGGERS) is a speed-up, not a rule: at every token of the repo's texts, of
// every rule's worked example and of texts written here for the word-triggered matchers, a matcher whose `when`
// holds must be one the index lets the scan try. A matcher added or widened without its trigger fails here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContext } from "#app/analysis/attribution/context";
import { RULE_REGISTRY, TOKEN_MATCHERS, TRIGGERS, triggerMask } from "#app/analysis/attribution/registry";
import { WINDOW } from "#app/analysis/attribution/context";
import { tokenize } from "#app/analysis/nlp";

const OWN = [
  "According to the harbour board, the pier reopened. In the latest survey, most tenants said rents rose.",
  "Asked about the levy, the mayor said it would stay. The fund is reportedly short of cash, allegedly since May.",
  "The plan is said to be costly and was reported to be late. It is believed to be safe, the inspectors were told.",
  "The pier seemed to sag. The decision was criticised by the union. The agency has faced criticism for the delay.",
  "Velm Carto was adamant that the ferry was safe, and her claim that it was late was denied.",
  "The deal is alleged to be void, the clerks said.",
];

function texts(): string[] {
  const out = [...OWN, ...RULE_REGISTRY.flatMap((r) => r.examples.map((e) => e.text))];
  for (const d of ["tests/fixtures/articles", "app/demo", "app/demo/tutorial"]) {
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).filter((x) => x.endsWith(".txt")))
      out.push(fs.readFileSync(path.join(d, f), "utf8"));
  }
  return out;
}

describe("the scan's trigger index", () => {
  it("names only matchers that exist", () => {
    const ids = new Set(TOKEN_MATCHERS.map((m) => m.id));
    for (const id of Object.keys(TRIGGERS)) expect(ids, `TRIGGERS lists ${id}`).toContain(id);
  });

  it("lets the scan try every matcher wherever its `when` holds", () => {
    const fired = new Map<string, number>();
    for (const text of texts()) {
      const ctx = buildContext(text, tokenize(text));
      for (let s = 0; s < ctx.sentStart.length; s++) {
        const sa = ctx.sentStart[s]!;
        const sb = ctx.sentEnd[s]!;
        if (sa < 0) continue;
        for (let i = sa; i <= sb; i++) {
          const a = Math.max(sa, i - WINDOW);
          const b = Math.min(sb, i + WINDOW);
          const mask = triggerMask(ctx, i);
          TOKEN_MATCHERS.forEach((m, k) => {
            if (!m.when(ctx, i, a, b)) return;
            fired.set(m.id, (fired.get(m.id) ?? 0) + 1);
            expect(
              mask & (1 << k),
              `${m.id} triggers at “${ctx.lower[i]}” (${ctx.tok.tokens[i]!.pos}) outside its TRIGGERS entry`,
            ).not.toBe(0);
          });
        }
      }
    }
    // The texts reach every matcher, so each entry above was checked at least once.
    for (const m of TOKEN_MATCHERS) expect(fired.get(m.id) ?? 0, `${m.id} never triggered`).toBeGreaterThan(0);
  });

  it("skips tokens no matcher can start at", () => {
    const ctx = buildContext("The pier, in May.", tokenize("The pier, in May."));
    const comma = ctx.lower.indexOf(",");
    expect(triggerMask(ctx, comma)).toBe(0);
    expect(triggerMask(ctx, ctx.lower.indexOf("in"))).not.toBe(0);
  });
});
