// Sourcing: who says what in one article. Pure and deterministic: text (and optionally its shared
// tokenisation) in, attributions and canonical sources out, every item naming the rule that made it.
import { tokenize, type TokenizedText } from "./nlp";
import { quotedWordCount, type QuoteStructure } from "./quotes";
import type { Aside, Attribution, SourceEntity, SourceKind } from "./types";
import { ATTRIBUTION_RULES, buildContext, findAttributions, type FindOptions } from "./attribution";
import { resolveSources, type SourceMention } from "./sources";

export interface SourcingResult {
  attributions: Attribution[];
  sources: SourceEntity[];
  /** Non-responses and the writer's own hedges: read with the attributions, never counted as one. */
  asides: Aside[];
}

/** Rule id → one sentence, for the methods page. */
export const RULES: Record<string, string> = {
  ...ATTRIBUTION_RULES,
  "source.merge":
    "Name variants in one article (a full name with title, a bare surname) are merged into one canonical source.",
  "source.pronoun":
    "A pronoun source goes to the nearest earlier named source of the right type (person, group) and gender (titles, role words, common given names; unknown matches both).",
  "source.description":
    "A description (“the minister”, “the group”, “the letter”) goes to an earlier named source it fits.",
  "source.kind":
    "A source's kind and affiliation come from the gazetteer, its title or role words, or are left as other.",
};

/**
 * `options.disabled` leaves rules out for this call only (measuring a rule, its tests); nothing is global.
 * `quotes`: the quotation structure of `text` in `tok`'s paragraphs when the caller has found it already.
 */
export function analyseSourcing(
  text: string,
  tok?: TokenizedText,
  options: FindOptions = {},
  quotes?: QuoteStructure,
): SourcingResult {
  const t = tok ?? tokenize(text);
  const ctx = buildContext(text, t, quotes);
  const found = findAttributions(ctx, options);
  // Asides go after the attributions so their sources resolve like any other (a "he declined to comment").
  const raw = [...found.filter((r) => !r.aside), ...found.filter((r) => r.aside)];
  const nAtt = raw.findIndex((r) => r.aside) < 0 ? raw.length : raw.findIndex((r) => r.aside);
  const mentions: SourceMention[] = [];
  const mentionOf: number[] = new Array(raw.length).fill(-1);
  raw.forEach((r, i) => {
    if (!r.sourceTok || !r.source) return;
    mentionOf[i] = mentions.length;
    mentions.push({
      attribution: i,
      span: r.source,
      text: text.slice(r.source.start, r.source.end),
      tokens: t.tokens.slice(r.sourceTok[0], r.sourceTok[1] + 1),
    });
  });
  const wordIndex = new Map<string, number[]>();
  // The context's lower-cased values are these tokens' own unless quotation marks were rewritten in them.
  const lower = ctx.tok === t ? ctx.lower : null;
  for (let i = 0; i < t.tokens.length; i++) {
    const tk = t.tokens[i]!;
    if (tk.pos === "PUNCT" || tk.pos === "SPACE") continue;
    const k = lower ? lower[i]! : tk.value.toLowerCase();
    const list = wordIndex.get(k);
    if (list) list.push(i);
    else wordIndex.set(k, [i]);
  }
  const { entities, keyOf, documentMention } = resolveSources({
    text,
    tokens: t.tokens,
    mentions,
    wordIndex,
    paragraphs: t.paragraphs,
  });
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const attributions: Attribution[] = raw.slice(0, nAtt).map((r, i) => {
    const id = `a${i + 1}`;
    const key = mentionOf[i]! >= 0 ? (keyOf[mentionOf[i]!] ?? null) : null;
    const ent = key ? byKey.get(key) : undefined;
    let kind: SourceKind = ent?.kind ?? "unnamed";
    if (!ent && r.kind !== "unnamed") kind = "unnamed";
    // "The council's report said": the attribution's source is a document; its author stays the canonical source.
    if (ent && documentMention[mentionOf[i]!]) kind = "document";
    if (ent) {
      ent.attributionIds.push(id);
      ent.wordsQuoted += quotedWordCount(text, r.kind, r.content);
    }
    return {
      id,
      kind:
        ent && !ent.named && r.kind !== "direct" && r.kind !== "mixed" && r.kind !== "according_to"
          ? "unnamed"
          : r.kind,
      source: r.shownSource ?? r.source,
      cue: r.cue,
      content: r.content,
      sourceKey: key,
      sourceKind: kind,
      affiliation: ent?.affiliation ?? null,
      cueStance: r.cueStance,
      rule: r.rule,
      evidence: r.evidence,
    };
  });
  const asides: Aside[] = raw.slice(nAtt).map((r, k) => {
    const i = nAtt + k;
    const key = mentionOf[i]! >= 0 ? (keyOf[mentionOf[i]!] ?? null) : null;
    const ent = key ? byKey.get(key) : undefined;
    const who = r.aside === "no_comment" ? (r.shownSource ?? r.source) : null;
    return {
      id: `n${k + 1}`,
      type: r.aside!,
      who,
      // A source no attribution quotes is not a source: the aside keeps its name, not its key.
      sourceKey: ent && ent.attributionIds.length ? ent.key : null,
      whoName: who ? (ent?.name ?? text.slice(who.start, who.end)) : null,
      cue: r.cue,
      content: r.content,
      rule: r.rule,
      evidence: r.evidence,
    };
  });
  return { attributions, sources: entities.filter((e) => e.attributionIds.length), asides };
}
