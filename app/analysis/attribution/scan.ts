// The token scan: at every token of every sentence, the registry's matchers in order (those whose trigger the
// token meets); then the document rules and the passes over what was found. Options switch rules off for a call
// (measuring, tests).
import { type AttributionContext, type RawAttribution, WINDOW } from "./context";
import { continuationParagraphs, dedupe, dropNested, relativeClauseEnd, splitCoordinated } from "./passes";
import { DOCUMENT_RULES, TOKEN_MATCHERS, triggerMask } from "./registry";

export interface FindOptions {
  /** Rule ids to leave out, as if their rule did not exist (a later matcher may take the cue). */
  disabled?: ReadonlySet<string>;
}

/** Find every attribution in a tokenised text, in text order of their content. */
export function findAttributions(ctx: AttributionContext, options: FindOptions = {}): RawAttribution[] {
  const off = options.disabled ?? new Set<string>();
  const out: RawAttribution[] = [];
  const usedCue = new Uint8Array(ctx.tok.tokens.length);
  for (let s = 0; s < ctx.sentStart.length; s++) {
    const sa = ctx.sentStart[s]!;
    const sb = ctx.sentEnd[s]!;
    if (sa < 0) continue;
    const sentenceAtts: RawAttribution[] = [];
    for (let i = sa; i <= sb; i++) {
      // A window around the cue keeps run-on "sentences" (lists, hostile input) linear.
      const a = Math.max(sa, i - WINDOW);
      const b = Math.min(sb, i + WINDOW);
      if (usedCue[i]) continue;
      // Only the matchers whose trigger (part of speech, word) this token meets can find a cue here.
      const mask = triggerMask(ctx, i);
      if (!mask) continue;
      let att: RawAttribution | null = null;
      for (let k = 0; k < TOKEN_MATCHERS.length; k++) {
        if (!(mask & (1 << k))) continue;
        const m = TOKEN_MATCHERS[k]!;
        if (!m.when(ctx, i, a, b)) continue;
        let found = m.run(ctx, i, a, b, sentenceAtts);
        if (found && off.has(found.rule)) found = null;
        if (found) {
          att = m.post ? m.post(ctx, i, a, found) : found;
          break;
        }
        if (!m.fallthrough) break;
      }
      if (att) {
        usedCue[i] = 1;
        sentenceAtts.push(att);
        out.push(att);
      }
    }
  }
  for (const d of DOCUMENT_RULES) {
    const before = out.length;
    d.run(ctx, out, off);
    if (off.size) for (let k = out.length - 1; k >= before; k--) if (off.has(out[k]!.rule)) out.splice(k, 1);
  }
  continuationParagraphs(ctx, out);
  relativeClauseEnd(ctx, out);
  return dedupe(dropNested(splitCoordinated(ctx, out)));
}
