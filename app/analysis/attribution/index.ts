// Attribution finder: linear scans over the shared tokens, sentence by sentence. The rules live in
// `rules/` (one file per family), the order they are tried in is the registry (`registry.ts`).
export { buildContext, tokenAt, type AttributionContext, type RawAttribution } from "./context";
export { findAttributions, type FindOptions } from "./scan";
export { ATTRIBUTION_RULES, RULE_REGISTRY } from "./registry";
