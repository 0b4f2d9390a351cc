import type { AttributionKind, SourceEntity, SourceKind } from "#app/analysis/types";

/** At most this many of a source's evidence items in a focus card: the last ones, which decided its kind. */
const SHOWN = 3;

/**
 * The focus-card row saying why a source has its kind and affiliation: the words of the text or the gazetteer
 * entry that decided it (`kindEvidence`, the latest items), and, for an attribution whose grammatical source is a
 * document, that fact. Null when there is nothing to show.
 */
export function kindEvidenceRow(
  source: Pick<SourceEntity, "kind" | "kindEvidence"> | undefined,
  attribution: { sourceKind: SourceKind; kind: AttributionKind },
): string | null {
  if (!source) return null;
  const items = source.kindEvidence.filter(Boolean);
  const shown = items.slice(-SHOWN);
  const parts = [...(items.length > SHOWN ? ["…"] : []), ...shown];
  if (attribution.sourceKind === "document" && source.kind !== "document")
    parts.push(`the words that speak are a document of this source (its own kind: ${source.kind})`);
  return parts.length ? `Why this kind: ${parts.join("; ")}` : null;
}
