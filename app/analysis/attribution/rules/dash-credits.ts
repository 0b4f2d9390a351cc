import { type Span } from "../../types";
import { type AttributionContext, type RawAttribution, span, tokenAt } from "../context";
import { isNameish } from "../noun-phrases";
import type { RuleFamily } from "../rule";

/** “…” ― Name: a quotation credited with a dash. */
export function dashCredits(ctx: AttributionContext, out: RawAttribution[]): void {
  const { text } = ctx;
  for (const q of ctx.quotes.quotes) {
    let p = q.end;
    while (p < text.length && (text[p] === " " || text[p] === "\t")) p++;
    if (!/[\u2015\u2014\u2013-]/.test(text[p] ?? "")) continue;
    const att = dashCredit(ctx, p, { start: q.start, end: q.end }, "dash after a quotation");
    if (att) out.push(att);
  }
  dashCreditsByMarks(ctx, out);
}

/** The name after the dash at `dash` credits `content`, or null when no short name follows. */
export function dashCredit(
  ctx: AttributionContext,
  dash: number,
  content: Span,
  evidence: string,
): RawAttribution | null {
  const { text, tok } = ctx;
  const tokens = tok.tokens;
  let p = dash + 1;
  while (p < text.length && (text[p] === " " || text[p] === "\t" || text[p] === "\u00a0")) p++;
  const ti = tokenAt(tokens, p);
  if (ti < 0 || !isNameish(tokens[ti]!)) return null;
  let e = ti;
  while (e + 1 < tokens.length && isNameish(tokens[e + 1]!) && tokens[e + 1]!.start - tokens[e]!.end <= 1) e++;
  if (e - ti > 5) return null;
  return {
    kind: "direct",
    sourceTok: [ti, e],
    source: span(ctx, ti, e),
    cue: { start: dash, end: dash + 1 },
    cueLemma: "―",
    cueClass: "punct",
    cueStance: "neutral",
    content: [content],
    rule: "quote.dash-credit",
    evidence: [evidence],
  };
}

/** Dash credits whose quotation the pairing missed (a reversed opening mark, a nested quote): from the closing mark before
 * the dash back to the first opening mark after the previous closing one, in the same line (at most 4,000 characters back; the scan stops at any closing mark or dash, so each character is read once). */
export function dashCreditsByMarks(ctx: AttributionContext, out: RawAttribution[]): void {
  const { text } = ctx;
  const used = new Set<number>();
  for (const x of out) if (x.rule === "quote.dash-credit" && x.cue) used.add(x.cue.start);
  for (let d = 0; d < text.length; d++) {
    const ch = text[d]!;
    if (ch !== "\u2015" && ch !== "\u2014") continue;
    if (used.has(d)) continue;
    let c = d - 1;
    while (c >= 0 && d - c <= 2 && (text[c] === " " || text[c] === "\u00a0")) c--;
    if (c < 0 || (text[c] !== "”" && text[c] !== '"')) continue;
    // The closing mark just before the dash is not the previous closing mark: look before it.
    let lo = -1;
    for (let k = c - 1; k >= 0 && c - k < 4000; k--) {
      const kc = text[k]!;
      if (kc === "\n" || kc === "”" || kc === "\u2015" || kc === "\u2014") {
        if (kc === "”" && (k === 0 || /\s/.test(text[k - 1]!))) lo = k;
        break;
      }
      if ((kc === "“" || kc === '"') && (k === 0 || /\s/.test(text[k - 1]!))) lo = k;
    }
    if (lo < 0) continue;
    const att = dashCredit(ctx, d, { start: lo, end: c + 1 }, "dash after a closing quote mark");
    if (att) out.push(att);
  }
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "dash-credits",
  document: [{ id: "dashCredits", produces: ["quote.dash-credit"], run: dashCredits }],
  rules: [
    {
      id: "quote.dash-credit",
      description: "A quotation followed by a dash and the speaker's name.",
      examples: [
        {
          text: "“We will rebuild the bridge.” — Ilse Brandt",
          expect: { source: "Ilse Brandt", cue: "—", content: "“We will rebuild the bridge.”" },
        },
        {
          text: "“We will rebuild the bridge” — Ilse Brandt, mayor of Varden.",
          expect: { source: "Ilse Brandt", cue: "—", content: "“We will rebuild the bridge”" },
        },
      ],
    },
  ],
};
