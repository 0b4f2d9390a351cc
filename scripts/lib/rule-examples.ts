// Runs the registry's worked examples: for one rule (optionally with rules switched off for the call),
// which of its examples the engine no longer finds exactly. Used by the tests and `scripts/rule-ablation.ts`.
import { RULE_REGISTRY } from "#app/analysis/attribution/registry";
import type { RuleDef, RuleExample } from "#app/analysis/attribution/rule";
import { analyseSourcing } from "#app/analysis/sourcing";

export function exampleFound(ruleId: string, ex: RuleExample, disabled: ReadonlySet<string> = new Set()): boolean {
  const r = analyseSourcing(ex.text, undefined, { disabled });
  const slice = (s: { start: number; end: number } | null) => (s ? ex.text.slice(s.start, s.end) : null);
  // Asides (non-responses, the writer's hedges) are found too, though the app shows them apart.
  return [...r.attributions, ...r.asides.map((x) => ({ ...x, source: x.who }))].some(
    (a) =>
      a.rule === ruleId &&
      slice(a.source) === ex.expect.source &&
      slice(a.cue) === ex.expect.cue &&
      a.content.map((c) => ex.text.slice(c.start, c.end)).join(" … ") === ex.expect.content,
  );
}

/** The examples of `rule` that fail with `disabled` switched off. */
export function failingExamples(rule: RuleDef, disabled: ReadonlySet<string> = new Set()): RuleExample[] {
  return rule.examples.filter((ex) => !exampleFound(rule.id, ex, disabled));
}

/** For every rule: how many of its examples fail when that rule alone is switched off (all should). */
export function ablation(): { id: string; examples: number; failWhenOff: number; failWhenOn: number }[] {
  return RULE_REGISTRY.map((r) => ({
    id: r.id,
    examples: r.examples.length,
    failWhenOn: failingExamples(r).length,
    failWhenOff: failingExamples(r, new Set([r.id])).length,
  }));
}
