// What a rule of the attribution engine is: an id, one sentence, worked examples that run as tests, and
// the matcher that finds it. Matchers are tried in the registry's order at every token (the first that
// finds something takes the cue); document rules run once over the whole text afterwards.
import type { AttributionContext, RawAttribution } from "./context";

/** One worked example: a text of our own and the attribution the rule must find in it. */
export interface RuleExample {
  text: string;
  /** The source, cue and content (pieces joined with " … ") as they appear in the text. */
  expect: { source: string | null; cue: string | null; content: string };
}

export interface RuleDef {
  id: string;
  /** One sentence for the methods page. */
  description: string;
  examples: RuleExample[];
}

/** A matcher tried at one token: `when` is its cheap trigger; `run` reads the attribution around it. */
export interface TokenMatcher {
  id: string;
  /** The rule ids its attributions can carry. */
  produces: readonly string[];
  when(ctx: AttributionContext, i: number, a: number, b: number): boolean;
  run(ctx: AttributionContext, i: number, a: number, b: number, sentenceAtts: RawAttribution[]): RawAttribution | null;
  /** When it triggers but finds nothing, may a later matcher still try this token? */
  fallthrough: boolean;
  /** Applied to what it found (the reporting-verb group's shared checks). */
  post?(ctx: AttributionContext, i: number, a: number, att: RawAttribution): RawAttribution | null;
}

/** A rule that reads the whole text once the token scan is done (speaker labels, dash credits, headlines). */
export interface DocumentRule {
  id: string;
  produces: readonly string[];
  /** `off`: the rules switched off for this call (a rule that relabels what others found must honour it). */
  run(ctx: AttributionContext, out: RawAttribution[], off?: ReadonlySet<string>): void;
}

export interface RuleFamily {
  /** File name under rules/, for the methods page. */
  family: string;
  rules: RuleDef[];
  matchers?: TokenMatcher[];
  document?: DocumentRule[];
}
