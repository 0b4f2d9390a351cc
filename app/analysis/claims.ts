// Claims: the content of every attribution, plus each assertive sentence in the author's own voice.
// Each claim gets its stance in this article and the terms claim alignment compares (stems, names, numbers).
import type { Attribution, Claim, ClaimStance, SourceEntity, Span } from "./types";
import type { Mention } from "./actors";
import type { MarkerItem } from "./markers";
import { foldName, wordAt, type Word } from "./words";
import { STOP_WORDS, stem } from "./stem";

export interface ClaimItem extends Claim {
  /** The claim's words as they stand in the text (the content pieces joined with " … "). */
  text: string;
  /** All pieces (an attribution split around "he said" has two). */
  spans: Span[];
  sourceName: string | null;
  evidence: string[];
  field?: "title" | "body";
}

export const CLAIM_RULES: Record<string, string> = {
  "claim.attribution": "The content of an attribution is a claim; its stance comes from the cue and the source.",
  "claim.author": "A sentence in the author's own voice (no attribution, not a question, mostly not quoted, with a verb) is a claim the author makes.",
  "stance.denied": "The cue is a denial, or the claim says there is no evidence, denies or calls something false or baseless.",
  "stance.denied-later": "A denial right after a claim (\"Halberd denied the allegations\", in the same or the next paragraph) marks the claim it answers as denied.",
  "stance.attributed": "The claim is attributed to a named source.",
  "stance.unnamed": "The claim is attributed to a source the text does not name (officials, sources, critics).",
  "stance.hedged": "The claim carries a hedge (reportedly, allegedly, may, it seems) and no named source.",
  "stance.asserted": "The author states the claim as fact, without attribution or hedge.",
};

const DENIAL = /\b(?:no evidence|no proof|not true|untrue|false(?:ly)?|baseless|unfounded|groundless|fabricat\w*|den(?:y|ies|ied|ying|ial)|refut\w*|rejects? (?:the|these|those) (?:claims?|allegations?|accusations?|reports?)|dismiss(?:ed|es)? (?:the|these|those) (?:claims?|allegations?|accusations?|reports?))\b/i;

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Terms of a span: actor keys for names ("@hamas"), digits for numbers, stems of other content words. */
export function claimTerms(words: Word[], spans: Span[], mentions: Mention[]): string[] {
  const terms: string[] = [];
  for (const s of spans) {
    let mi = lowerBound(mentions, s.start);
    for (let i = wordAt(words, s.start); i < words.length && words[i]!.start < s.end; i++) {
      const w = words[i]!;
      while (mi < mentions.length && mentions[mi]!.span.end <= w.start) mi++;
      const m = mentions[mi];
      if (m && m.span.start <= w.start && w.end <= m.span.end) {
        if (m.span.start === w.start) terms.push("@" + m.actorKey);
        continue;
      }
      if (!/[\p{L}\p{N}]/u.test(w.text)) continue;
      if (w.pos === "NUM" || /^\d[\d,.]*$/.test(w.text)) {
        terms.push(w.lower.replace(/,/g, "").replace(/\.$/, ""));
        continue;
      }
      if (w.pos === "PROPN") {
        terms.push(stem(foldName(w.text)));
        continue;
      }
      if (STOP_WORDS.has(w.lower) || w.pos === "AUX" || w.pos === "DET" || w.pos === "PRON" || w.pos === "ADP" || w.pos === "CCONJ" || w.pos === "SCONJ" || w.pos === "PART") continue;
      terms.push(stem(w.lemma.replace(/[‘’']/g, "")));
    }
  }
  return terms;
}

function lowerBound(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.span.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ClaimInput {
  text: string;
  words: Word[];
  sentences: Span[];
  attributions: Attribution[];
  sources: SourceEntity[];
  mentions: Mention[];
  markers: MarkerItem[];
  quotes: Span[];
}

/** Claims of one text, in text order. */
export function extractClaims(input: ClaimInput): ClaimItem[] {
  const { text, words, sentences, attributions, sources } = input;
  const mentions = [...input.mentions].sort((a, b) => a.span.start - b.span.start);
  const hedges = input.markers.filter((m) => m.type === "hedge");
  const sourceByKey = new Map(sources.map((s) => [s.key, s]));
  const claims: ClaimItem[] = [];

  for (const a of attributions) {
    const pieces = a.content.filter((c) => c.end > c.start).sort((x, y) => x.start - y.start);
    if (!pieces.length) continue;
    const span = { start: pieces[0]!.start, end: pieces[pieces.length - 1]!.end };
    const ctext = pieces.map((p) => text.slice(p.start, p.end)).join(" … ");
    const src = a.sourceKey ? sourceByKey.get(a.sourceKey) : undefined;
    const around: Span[] = [...pieces, ...(a.cue ? [a.cue] : []), ...(a.source ? [a.source] : [])];
    const evidence: string[] = [];
    let stance: ClaimStance;
    const denial = DENIAL.exec(ctext);
    if (a.cueStance === "denial") {
      stance = "denied";
      if (a.cue) evidence.push(text.slice(a.cue.start, a.cue.end));
    } else if (denial) {
      stance = "denied";
      evidence.push(denial[0]);
    } else if (src && src.named && a.kind !== "unnamed" && a.sourceKind !== "unnamed") {
      stance = "attributed";
    } else if (!a.source && hedges.some((h) => around.some((s) => overlaps(s, h.span)) || (a.cue && overlaps(a.cue, h.span)))) {
      stance = "hedged";
      evidence.push(...hedges.filter((h) => around.some((s) => overlaps(s, h.span))).map((h) => h.text));
    } else if (!a.source && !src) {
      stance = a.kind === "according_to" ? "attributed" : "unnamed";
    } else stance = "unnamed";
    claims.push({
      id: `c${claims.length + 1}`,
      span,
      spans: pieces,
      text: ctext,
      stance,
      attributionId: a.id,
      sourceKey: a.sourceKey,
      sourceName: src?.name ?? (a.source ? text.slice(a.source.start, a.source.end) : null),
      terms: claimTerms(words, pieces, mentions),
      rule: "claim.attribution",
      evidence: [`stance.${stance}`, ...evidence],
    });
  }

  // Author's own assertive sentences: sentences no attribution touches.
  const taken: Span[] = [];
  for (const a of attributions) {
    for (const c of a.content) taken.push(c);
    if (a.cue) taken.push(a.cue);
    if (a.source) taken.push(a.source);
  }
  taken.sort((x, y) => x.start - y.start);
  const quoteSpans = [...input.quotes].sort((x, y) => x.start - y.start);
  let ti = 0;
  let qi = 0;
  let wi = 0;
  for (const s of sentences) {
    while (ti < taken.length && taken[ti]!.end <= s.start) ti++;
    let touched = false;
    for (let k = ti; k < taken.length && taken[k]!.start < s.end; k++) if (overlaps(taken[k]!, s)) touched = true;
    if (touched) continue;
    const st = text.slice(s.start, s.end).trim();
    if (/\?["”’)]*$/.test(st)) continue;
    while (qi < quoteSpans.length && quoteSpans[qi]!.end <= s.start) qi++;
    let quotedChars = 0;
    for (let k = qi; k < quoteSpans.length && quoteSpans[k]!.start < s.end; k++) {
      const q = quoteSpans[k]!;
      quotedChars += Math.max(0, Math.min(q.end, s.end) - Math.max(q.start, s.start));
    }
    if (quotedChars > 0.4 * (s.end - s.start)) continue;
    while (wi < words.length && words[wi]!.end <= s.start) wi++;
    let nWords = 0;
    let verb = false;
    for (let k = wi; k < words.length && words[k]!.start < s.end; k++) {
      if (/[\p{L}\p{N}]/u.test(words[k]!.text)) nWords++;
      if (words[k]!.pos === "VERB" || words[k]!.pos === "AUX") verb = true;
    }
    if (nWords < 5 || !verb) continue;
    let stance: ClaimStance = "asserted";
    const evidence: string[] = [];
    const denial = DENIAL.exec(st);
    const hedge = hedges.find((h) => !h.inQuote && h.span.start >= s.start && h.span.end <= s.end);
    if (denial) {
      stance = "denied";
      evidence.push(denial[0]);
    } else if (hedge) {
      stance = "hedged";
      evidence.push(hedge.text);
    }
    claims.push({
      id: `c${claims.length + 1}`,
      span: s,
      spans: [s],
      text: text.slice(s.start, s.end),
      stance,
      attributionId: null,
      sourceKey: null,
      sourceName: null,
      terms: claimTerms(words, [s], mentions),
      rule: "claim.author",
      evidence: [`stance.${stance}`, ...evidence],
    });
  }
  claims.sort((x, y) => x.span.start - y.span.start);
  markAnsweredDenials(text, claims, attributions);
  claims.forEach((c, i) => (c.id = `c${i + 1}`));
  return claims;
}

const ANAPHORIC = /^(?:(?:the|these|those|this|that|such|all|any)\s+(?:\w+\s+)?(?:allegations?|claims?|accusations?|reports?|charges?|suggestions?|assertions?|account|version)|it|this|that|them|any (?:wrongdoing|involvement|role|link|links))$/i;

/** A denial whose content only points back ("denied the allegations") answers the closest earlier claim nearby. */
function markAnsweredDenials(text: string, claims: ClaimItem[], attributions: Attribution[]): void {
  const byId = new Map(attributions.map((a) => [a.id, a]));
  for (let i = 0; i < claims.length; i++) {
    const d = claims[i]!;
    const a = d.attributionId ? byId.get(d.attributionId) : undefined;
    if (!a || a.cueStance !== "denial" || !ANAPHORIC.test(d.text.trim().replace(/[.,]$/, ""))) continue;
    // Prefer the closest earlier attributed claim (an allegation someone made), else the closest author claim.
    let pick: ClaimItem | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const c = claims[j]!;
      const gap = text.slice(c.span.end, d.span.start);
      if ((gap.match(/\n+/g) ?? []).length > 1 || gap.length > 600) break;
      if (c.stance === "denied" || (a.cue && c.span.end > a.cue.start)) continue;
      if (c.attributionId) {
        pick = c;
        break;
      }
      pick ??= c;
    }
    if (pick) {
      pick.stance = "denied";
      pick.evidence = ["stance.denied-later", text.slice(a.cue?.start ?? d.span.start, d.span.end)];
    }
  }
}
