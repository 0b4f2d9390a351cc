import { startsWithQuote } from "../quotes";
import { type Span } from "../types";
import { type AttributionContext, type RawAttribution, tokenAt, trimSpan } from "./context";
import { isFiniteVerb } from "./phrases";
import { COORD } from "./word-sets";

/** "Ann Vell, who endorsed Tom Brill, spoke first": a report made in a non-restrictive relative clause ends where
 * the clause does, at the comma (or closing parenthesis) before the main clause's verb. */
export function relativeClauseEnd(ctx: AttributionContext, list: RawAttribution[]): void {
  const { tok, lower } = ctx;
  const tokens = tok.tokens;
  for (const x of list) {
    if (!x.shownSource || !x.cue || x.cue.start < x.shownSource.end || x.content.length !== 1) continue;
    const r = tokenAt(tokens, x.shownSource.end - 1);
    const rel = lower[r]!;
    const open = lower[r - 1];
    if (!(rel === "who" || rel === "which") || !(open === "," || open === "(")) continue;
    const c = x.content[0]!;
    if (c.start < x.cue.end) continue;
    const first = tokenAt(tokens, c.start);
    for (let m = first + 1; m < tokens.length && tokens[m]!.start < c.end; m++) {
      if (ctx.quotes.containing(tokens[m]!.start)) continue;
      const v = lower[m + 1] ?? "";
      const n = tokens[m + 1];
      const closes =
        open === "("
          ? lower[m] === ")"
          : lower[m] === "," &&
            !!n &&
            (isFiniteVerb(n, v) ||
              (n.pos === "ADV" && !!tokens[m + 2] && isFiniteVerb(tokens[m + 2]!, lower[m + 2] ?? "")));
      if (!closes) continue;
      const t = trimSpan(ctx.text, c.start, tokens[m]!.start);
      if (t) {
        x.content[0] = t;
        x.evidence.push("content: ends with the relative clause");
      }
      break;
    }
  }
}

/** Quoted paragraphs with no cue of their own continue the quotation just before them (interviews, transcripts). */
export function continuationParagraphs(ctx: AttributionContext, list: RawAttribution[]): void {
  const { tok, text } = ctx;
  const paraOf = (pos: number) => {
    let lo = 0;
    let hi = tok.paragraphs.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tok.paragraphs[mid]!.start <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  const withCue = new Set<number>();
  for (const x of list) if (x.cue) withCue.add(paraOf(x.cue.start));
  const covered = new Set<number>();
  for (const x of list) for (const c of x.content) covered.add(paraOf(c.start));
  for (const x of list) {
    if (!x.rule.startsWith("quote.")) continue;
    const last = x.content[x.content.length - 1]!;
    let p = paraOf(last.end - 1);
    if (p < 0 || tok.paragraphs[p]!.end - last.end > 2) continue;
    for (let n = 0; n < 6; n++) {
      const next = tok.paragraphs[++p];
      if (!next || withCue.has(p) || covered.has(p) || !startsWithQuote(text, next.start)) break;
      const q = ctx.quotes.byStart.get(next.start);
      let piece: Span | null;
      if (q && q.end <= next.end) piece = { start: q.start, end: q.end };
      else piece = trimSpan(text, next.start + (text[next.start] === "'" ? 2 : 1), next.end);
      if (!piece) break;
      x.content.push(piece);
      covered.add(p);
    }
  }
}

/** "X said A, and Y noted that B": the first content stops before the conjunction that opens the second report. */
export function splitCoordinated(ctx: AttributionContext, list: RawAttribution[]): RawAttribution[] {
  const tokens = ctx.tok.tokens;
  const byEnd = [...list].filter((x) => x.cue).sort((p, q) => p.cue!.start - q.cue!.start);
  for (const bAtt of list) {
    if (!bAtt.sourceTok || !bAtt.cue || bAtt.cue.start < bAtt.source!.start) continue;
    let c = bAtt.sourceTok[0] - 1;
    if (c < 0 || !COORD.has(ctx.lower[c]!)) continue;
    const conjStart = tokens[c]!.start;
    if (ctx.lower[c - 1] === ",") c--;
    const cut = tokens[c]!.start;
    for (const aAtt of byEnd) {
      if (aAtt === bAtt || aAtt.cue!.start >= conjStart) continue;
      const last = aAtt.content[aAtt.content.length - 1]!;
      if (last.start < cut && last.end > conjStart && !ctx.quotes.containing(conjStart)) {
        const t = trimSpan(ctx.text, last.start, cut);
        if (t) aAtt.content[aAtt.content.length - 1] = t;
      }
    }
  }
  return list;
}

/** A stance reported inside someone's speech ("Stein said she plans to …") is part of that speech, not a second attribution. */
export function dropNested(list: RawAttribution[]): RawAttribution[] {
  const speech = list.filter((x) => x.cueClass === "speech" || x.cueClass === "according");
  if (!speech.length) return list;
  const sorted = speech
    .map((x) => x.content)
    .flat()
    .sort((p, q) => p.start - q.start);
  // Merge the speech contents into disjoint intervals for a binary-searchable cover.
  const cover: Span[] = [];
  for (const c of sorted) {
    const last = cover[cover.length - 1];
    if (last && c.start <= last.end) last.end = Math.max(last.end, c.end);
    else cover.push({ start: c.start, end: c.end });
  }
  const inside = (pos: number) => {
    let lo = 0;
    let hi = cover.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cover[mid]!;
      if (pos < c.start) hi = mid - 1;
      else if (pos >= c.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  return list.filter(
    (x) =>
      !(
        x.cue &&
        (x.cueClass === "stance" ||
          x.cueClass === "evidence" ||
          (x.cueClass === "speech" && x.rule === "indirect.said-that") ||
          x.aside === "no_comment") &&
        inside(x.cue.start)
      ),
  );
}

/** Drop exact duplicates (same content and source) and order by content start. A stance noun whose clause is already
 * another attribution's content ("says her belief that …") is part of that attribution. */
export function dedupe(list: RawAttribution[]): RawAttribution[] {
  const seen = new Set<string>();
  {
    const ends = new Map<number, RawAttribution[]>();
    for (const x of list) {
      const e = x.content[x.content.length - 1]!.end;
      (ends.get(e) ?? ends.set(e, []).get(e)!).push(x);
    }
    list = list.filter(
      (x) =>
        x.rule !== "noun.complement" ||
        !(ends.get(x.content[0]!.end) ?? []).some((y) => y !== x && y.rule !== "noun.complement"),
    );
  }
  const out: RawAttribution[] = [];
  for (const x of list) {
    const key = `${x.content[0]!.start}:${x.content[x.content.length - 1]!.end}:${x.cue?.start ?? -1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x);
  }
  out.sort((p, q) => p.content[0]!.start - q.content[0]!.start || (p.cue?.start ?? 0) - (q.cue?.start ?? 0));
  return out;
}
