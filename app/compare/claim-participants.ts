// The participant a writer's claim names only by a pronoun, for alignment: "He resigned on Friday" after a sentence
// naming Kell Ardmore, and "Ardmore resigned" elsewhere, share their participant. Computed from what the analysis
// already outputs (the claim, the person mentions before it); the claim's own terms stay as the analysis gave them.
import type { ArticleAnalysis } from "#app/analysis/index";

type Mention = ArticleAnalysis["mentions"][number];

/** A third-person singular pronoun opening the claim (its subject or the subject's possessor). */
const OPENING_PRONOUN = /^[\s"“‘'(]*(?:he|she|his|her)\b(?![-’'])/i;
/** How far before a claim (characters) the person its pronoun refers to may be named. */
const ANTECEDENT_WINDOW = 300;

/**
 * For each claim in the writer's own voice that opens with "he", "she", "his" or "her" and does not name the person
 * itself, the person named just before it (within a short window, and only when one person is named there: with
 * two, "he" could be either, so neither is taken). Only persons: a pronoun never resolves to a body or a place.
 * A speaker's pronouns are left alone (measured: resolving them to the speaker lost more links than it made).
 */
export function pronounParticipants(analysis: ArticleAnalysis): Map<string, string> {
  const persons: Mention[] = analysis.mentions
    .filter((m) => m.kind === "person" && (m.field ?? "body") === "body")
    .sort((a, b) => a.span.start - b.span.start);
  const out = new Map<string, string>();
  if (!persons.length) return out;
  for (const c of analysis.claims) {
    if ((c.field ?? "body") !== "body" || c.sourceKey || !OPENING_PRONOUN.test(c.text)) continue;
    const before = persons.filter((m) => m.span.end <= c.span.start && m.span.end >= c.span.start - ANTECEDENT_WINDOW);
    const keys = new Set(before.map((m) => m.actorKey));
    if (keys.size !== 1) continue;
    const key = before[before.length - 1]!.actorKey;
    if (!c.terms.includes("@" + key)) out.set(c.id, key);
  }
  return out;
}
