import { analyseSourcing } from "#app/analysis/sourcing";

/** A text's attributions as the words they cover: rule, source, cue and content pieces. */
export function rows(text: string) {
  const s = (sp: { start: number; end: number } | null | undefined) => (sp ? text.slice(sp.start, sp.end) : null);
  return analyseSourcing(text).attributions.map((a) => ({
    rule: a.rule,
    source: s(a.source),
    cue: s(a.cue),
    content: a.content.map((c) => text.slice(c.start, c.end)),
  }));
}
