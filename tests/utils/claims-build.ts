// Runs the claim layer on a text with attributions given by their words (the first occurrence of each), as the
// claim tests need: tokenise, actors and markers as analyse() runs them, then extractClaims.
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { findMarkers } from "#app/analysis/markers";
import { extractClaims } from "#app/analysis/claims";
import type { Attribution, SourceEntity } from "#app/analysis/types";

export interface ClaimSpec {
  source?: string;
  cue: string;
  content: string;
  kind?: Attribution["kind"];
  stance?: Attribution["cueStance"];
  sourceKey?: string | null;
  sourceKind?: Attribution["sourceKind"];
}

export function buildClaims(
  text: string,
  specs: ClaimSpec[],
  sources: SourceEntity[] = [],
  defaultSourceKind: Attribution["sourceKind"] = "unnamed",
) {
  const span = (x: string) => {
    const at = text.indexOf(x);
    if (at < 0) throw new Error(`not in text: ${x}`);
    return { start: at, end: at + x.length };
  };
  const attributions: Attribution[] = specs.map((s, i) => ({
    id: `a${i + 1}`,
    kind: s.kind ?? "indirect",
    source: s.source ? span(s.source) : null,
    cue: span(s.cue),
    content: [span(s.content)],
    sourceKey: s.sourceKey ?? null,
    sourceKind: s.sourceKind ?? defaultSourceKind,
    affiliation: null,
    cueStance: s.stance ?? "neutral",
    rule: "test",
    evidence: [],
  }));
  const tok = tokenize(text);
  const words = toWords(tok);
  const { mentions } = detectActors(text, words);
  const { markers, quotes } = findMarkers(text, words, tok.paragraphs, attributions);
  return extractClaims({
    text,
    words,
    sentences: tok.sentences,
    attributions,
    sources,
    mentions,
    markers,
    quotes: quotes.map((q) => q.outer),
  });
}
