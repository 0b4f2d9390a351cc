// Worked examples of every rule, with the attribution each must find. They run as tests
// (tests/unit/analysis/sourcing-registry.test.ts); a rule without one fails the suite.
// Texts are our own, with fictional places, outlets and people.
import type { RuleExample } from "../rule";

export const EXAMPLES: Record<string, RuleExample[]> = {};
