// What a cue reports when it follows the cue: the clause after the verb (contentAfterCue) and the object of a noun cue.
import { type CueClass } from "../cues";
import { isQuoteMark } from "../quotes";
import { type Span } from "../types";
import { type AttributionContext, trimSpan } from "./context";

import { npRight } from "./noun-phrases";
import {
  CLAUSE_OPENERS,
  CUT_PREPS,
  DAY_WORDS,
  EVENT_NOUNS,
  EVENT_PREPS,
  LIGHT_PREPS,
  LIGHT_VERBS,
  OBJECT_CUES,
  OBJ_PRON,
  OCCASION_NOUNS,
  PRON_OBJECTS,
  STANCE_NOUNS,
  TIME_WORDS,
} from "./word-sets";
import { clauseFollows, contentAfter } from "./clauses";

/** Content after a cue: skips objects of "tell", time phrases and "in a statement", then runs to the sentence end. */
export function contentAfterCue(
  ctx: AttributionContext,
  k: number,
  b: number,
  lemma: string,
  cls: CueClass,
): Span | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (k > b) return null;
  if (OBJECT_CUES.has(lemma)) {
    if (PRON_OBJECTS.has(lower[k]!) && lemma !== "warn" && lemma !== "ask") k++;
    else if (lemma === "tell" || lemma === "inform" || lemma === "brief" || lemma === "assure" || lemma === "remind") {
      const np = npRight(ctx, k, b);
      if (np) k = np[1] + 1;
      if (k <= b && tokens[k]!.pos === "ADP" && lower[k] !== "that") {
        for (let m = k + 1; m <= Math.min(b, k + 7); m++)
          if (lower[m] === "to" || lower[m] === "that") {
            k = m;
            break;
          }
      }
    }
  }
  if (cls === "speech") {
    // "said during a rally in Michigan that …": start at "that" if it comes soon, with no verb before it.
    for (let m = k; m <= Math.min(b, k + 14); m++) {
      if (lower[m] === "that" && m > k && !ctx.quotes.containing(tokens[m]!.start)) {
        k = m;
        break;
      }
      if (
        tokens[m]!.pos === "VERB" ||
        tokens[m]!.pos === "AUX" ||
        (m === k && (isQuoteMark(tokens[m]!.value) || tokens[m]!.value === "'"))
      )
        break;
    }
    while (k <= b && (TIME_WORDS.has(lower[k]!) || (tokens[k]!.pos === "PROPN" && TIME_WORDS.has(lower[k]!)))) k++;
    if (
      k <= b &&
      (lower[k] === "in" ||
        lower[k] === "via" ||
        lower[k] === "during" ||
        lower[k] === "on" ||
        lower[k] === "at" ||
        lower[k] === "through")
    ) {
      // skip a short prepositional phrase ending in a comma
      for (let m = k + 1; m <= Math.min(b, k + 8); m++) {
        if (lower[m] === ",") {
          k = m + 1;
          break;
        }
        if (tokens[m]!.pos === "VERB" || tokens[m]!.pos === "AUX") break;
      }
    }
  }
  // "weighed in Friday about …": a day after any cue is a time phrase.
  if (cls !== "speech") while (k <= b && DAY_WORDS.has(lower[k]!) && k < b) k++;
  // "expressed misgivings about X", "voiced support for X": a light verb and a stance noun; the content follows the preposition.
  if (LIGHT_VERBS.has(lemma)) {
    let m = k;
    while (
      m <= b &&
      m < k + 3 &&
      (tokens[m]!.pos === "ADJ" || tokens[m]!.pos === "ADV" || (tokens[m]!.pos === "DET" && m === k))
    )
      m++;
    if (
      m + 2 <= b &&
      tokens[m]!.pos === "NOUN" &&
      STANCE_NOUNS.has(tokens[m]!.lemma.toLowerCase()) &&
      LIGHT_PREPS.has(lower[m + 1]!)
    )
      k = m + 2;
  }
  while (k <= b && (lower[k] === "," || lower[k] === "—")) k++;
  if (k > b) return null;
  // "say" and "add" report a clause ("said the turmoil at the convention was …"): their words are not cut as a noun object.
  if (!OBJECT_CUES.has(lemma) && lemma !== "say" && lemma !== "add") {
    const e = nounObjectEnd(ctx, k, b);
    if (e >= k) return trimSpan(ctx.text, tokens[k]!.start, tokens[e]!.end);
  }
  return contentAfter(ctx, k, b);
}

/** A cue whose complement is a noun phrase ("attacked her opponent as a fraud in a debate"): the content is the
 * phrase (with an "as"/"of" complement), not the adverbials after it. Returns its last token, or -1 for a clause. */
export function nounObjectEnd(ctx: AttributionContext, k: number, b: number): number {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (CLAUSE_OPENERS.has(lower[k]!) || isQuoteMark(tokens[k]!.value) || tokens[k]!.value === "'") return -1;
  let m = k;
  let head = -1;
  let asUsed = false;
  const limit = Math.min(b, k + 40);
  while (m <= limit) {
    const t = tokens[m]!;
    const lw = lower[m]!;
    const q = ctx.quotes.byStart.get(t.start);
    if (q && m > k) {
      // a quoted name or phrase inside the object
      let e = m;
      while (e + 1 <= b && tokens[e + 1]!.start < q.end) e++;
      if (e + 1 > b && tokens[e]!.end < q.end) return -1;
      head = e;
      m = e + 1;
      continue;
    }
    const pos = t.pos;
    if (
      pos === "NOUN" ||
      pos === "PROPN" ||
      pos === "NUM" ||
      (pos === "PRON" && OBJ_PRON.has(lw) && m === k) ||
      (asUsed && pos === "ADJ")
    )
      head = m;
    else if (
      pos === "DET" ||
      pos === "ADJ" ||
      (pos === "PRON" && OBJ_PRON.has(lw)) ||
      (pos === "PART" && (lw === "’s" || lw === "'s" || lw === "’")) ||
      pos === "SYM"
    ) {
      // inside the phrase
    } else if (pos === "ADV" && lw !== "as" && m + 1 <= limit && tokens[m + 1]!.pos === "ADJ") {
      // "deeply flawed"
    } else if ((lw === "of" || lw === "-") && head >= 0 && m + 1 <= limit) {
      // "a series of tweets"
    } else if (
      (lw === "and" || lw === "or") &&
      head >= 0 &&
      m + 1 <= limit &&
      ["DET", "NOUN", "PROPN", "ADJ", "NUM"].includes(tokens[m + 1]!.pos) &&
      !(m + 2 <= b && (tokens[m + 2]!.pos === "VERB" || tokens[m + 2]!.pos === "AUX"))
    ) {
      // "taxes and jobs"
    } else if (
      lw === "as" &&
      head >= 0 &&
      !asUsed &&
      m + 1 <= limit &&
      tokens[m + 1]!.pos !== "VERB" &&
      tokens[m + 1]!.pos !== "AUX" &&
      tokens[m + 1]!.pos !== "SCONJ" &&
      tokens[m + 1]!.pos !== "PRON"
    ) {
      asUsed = true;
    } else break;
    m++;
  }
  if (head < 0) return -1;
  if (m > b) return -1;
  // "encouraged his supporters at a rally to vote": an object followed by its infinitive is not cut.
  for (let n = m; n <= Math.min(b, m + 12); n++) {
    if (lower[n] === "to" && n + 1 <= b && tokens[n + 1]!.pos === "VERB") return -1;
    if (tokens[n]!.pos === "PUNCT" && tokens[n]!.value !== "-") break;
  }
  if (m > limit) return -1;
  const lw = lower[m]!;
  const t = tokens[m]!;
  if (objectAdjunct(ctx, m, b)) {
    // the phrase's last word, an adjective complement included ("called him divisive")
    let e = m - 1;
    while (e > head && (tokens[e]!.pos === "PUNCT" || tokens[e]!.pos === "DET" || lower[e] === "of")) e--;
    return e;
  }
  if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "PART") return -1;
  if (
    (CUT_PREPS.has(lw) && t.value === lw) ||
    DAY_WORDS.has(lw) ||
    t.value === "—" ||
    t.value === "(" ||
    t.value === "--"
  )
    return head;
  if (EVENT_PREPS.has(lw)) {
    // "in a statement", "at a rally on Monday": an occasion, not part of the object.
    for (let n = m + 1; n <= Math.min(b, m + 6); n++) {
      const ln = lower[n]!;
      if (EVENT_NOUNS.has(ln) || DAY_WORDS.has(ln) || OCCASION_NOUNS.has(ln)) return head;
      if (tokens[n]!.pos === "VERB" || tokens[n]!.pos === "ADP" || tokens[n]!.pos === "PUNCT") break;
    }
  }
  if (lw === "," && m + 1 <= b) {
    const n = tokens[m + 1]!;
    if (
      n.pos === "SCONJ" ||
      lower[m + 1] === "but" ||
      lower[m + 1] === "while" ||
      (n.pos === "ADV" && lower[m + 1] !== "including")
    )
      return head;
  }
  return -1;
}

/** After a noun-phrase object, an adjunct that the reported words do not include: a subordinate clause ("after he
 * won"), "by" with a gerund or an amount ("by 12 points"), a coordinated verb ("and demanded …"), a comma before a
 * subordinator or relative pronoun. */
function objectAdjunct(ctx: AttributionContext, m: number, b: number): boolean {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  const lw = lower[m]!;
  const t = tokens[m]!;
  const n = m + 1 <= b ? tokens[m + 1]! : undefined;
  const ln = lower[m + 1] ?? "";
  if (t.value !== lw && t.pos !== "PUNCT") return false;
  if (SUBORDINATE_ONLY.has(lw)) return true;
  if (!n) return false;
  // "after he won", "before leaving"; but "the period before 1972" stays one phrase.
  if (ADJUNCT_OPENERS.has(lw) && ((n.pos === "VERB" && /ing$/.test(ln)) || clauseFollows(ctx, m + 1, b))) return true;
  if (lw === "by" && ((n.pos === "VERB" && /ing$/.test(ln)) || n.pos === "NUM")) return true;
  return false;
}

/** Words that open an adjunct clause or phrase after an object noun phrase. */
const ADJUNCT_OPENERS = new Set(["after", "before", "following"]);
const SUBORDINATE_ONLY = new Set(["although", "though", "whereas", "unless", "until"]);

/** The first comma outside quotation marks from token k up to b and before token `until`; -1 when a ";", "." or ":" comes first. */
export function firstCommaOutsideQuotes(ctx: AttributionContext, k: number, b: number, until: number): number {
  const tokens = ctx.tok.tokens;
  let inQuoteUntil = -1;
  for (let m = k; m <= b && m < until; m++) {
    const t = tokens[m]!;
    if (t.start < inQuoteUntil) continue;
    const q = ctx.quotes.byStart.get(t.start);
    if (q) {
      inQuoteUntil = q.end;
      continue;
    }
    if (t.value === ";" || t.value === "." || t.value === ":") return -1;
    if (t.value === ",") return m;
  }
  return -1;
}
