// Word stream and phrase matcher shared by the framing stages: one linear pass over tokens,
// hyphen-joined tokens glued back into one word ("al-Sisi", "so-called"), lexicon phrases matched longest first.
import type { Token, TokenizedText } from "./nlp";

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  sentence: number;
  /** Index of the first token this word was built from. */
  token: number;
}

const GLUE = new Set(["-", "‑", "–"]);

function isWordy(t: Token | undefined): boolean {
  return !!t && /[\p{L}\p{N}]/u.test(t.value);
}

/** Words in text order: SPACE tokens dropped, "al - Sisi" written without spaces becomes "al-Sisi". */
export function toWords(tok: TokenizedText): Word[] {
  const out: Word[] = [];
  const ts = tok.tokens;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    // (Only a value opening with a control character, a space or a character above U+009F can be all white space.)
    const c0 = t.value.charCodeAt(0);
    if (t.pos === "SPACE" || ((c0 <= 32 || c0 >= 0xa0) && /^\s+$/.test(t.value))) continue;
    let end = t.end;
    let j = i;
    // Glue "x-y(-z)" when there is no space around the hyphen (only the first hyphen pair needs to be wordy).
    while (
      GLUE.has(ts[j + 1]?.value ?? "") &&
      ts[j + 1]!.start === end &&
      isWordy(ts[j]) &&
      isWordy(ts[j + 2]) &&
      ts[j + 2]!.start === ts[j + 1]!.end
    ) {
      end = ts[j + 2]!.end;
      j += 2;
    }
    if (j === i) {
      // wink leaves lemma (and sometimes pos) undefined for a few tokens (e.g. some symbols): fall back to the value.
      const lower = t.value.toLowerCase();
      out.push({
        start: t.start,
        end: t.end,
        text: t.value,
        lower,
        lemma: typeof t.lemma === "string" ? t.lemma.toLowerCase() : lower,
        pos: t.pos ?? "X",
        sentence: t.sentence,
        token: i,
      });
    } else {
      const last = ts[j]!;
      let text = "";
      for (let k = i; k <= j; k++) text += ts[k]!.value;
      const lower = text.toLowerCase();
      // A glued word keeps the part of speech of its last piece ("al-Sisi" is a name, "so-called" a verb form).
      out.push({
        start: t.start,
        end: last.end,
        text,
        lower,
        lemma: lower,
        pos: last.pos === "NOUN" && /^\p{Lu}/u.test(last.value) ? "PROPN" : last.pos,
        sentence: t.sentence,
        token: i,
      });
      i = j;
    }
  }
  return out;
}

export interface PhraseEntry<T> {
  words: string[];
  data: T;
  /** When set, the first word must have this part of speech (e.g. "AUX" for "may"). */
  pos?: string;
  /** When true, the phrase must be written in lower case (so "May" the month or name is skipped). */
  lowercase?: boolean;
}

export interface PhraseHit<T> {
  from: number;
  to: number; // exclusive word index
  entry: PhraseEntry<T>;
}

export interface PhraseMatcher<T> {
  /** Hits in `words.slice(from, to)`, with word indices into that slice (the whole stream by default). */
  match(words: Word[], from?: number, to?: number): PhraseHit<T>[];
}

/** Splits a lexicon phrase into words the way `toWords` does (hyphenated words stay whole). */
export function phraseWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/([^\s])'s\b/g, "$1 's")
    .split(/\s+/)
    .filter(Boolean);
}

function wordMatches(w: Word, e: string): boolean {
  return w.lower === e || w.lemma === e;
}

/**
 * First words of every matcher built (at module load), each with a bit per matcher: one look-up per word (its form
 * and its lemma) tells every matcher whether an entry of its own can start there, so each matcher looks its own
 * table up only at those words. The bits of a word stream are found once per stream and shared by the matchers.
 */
const FIRST_WORD_BITS = new Map<string, number>();
let matcherCount = 0;
const streamBits = new WeakMap<Word[], { matchers: number; length: number; bits: Int32Array }>();
function firstWordBits(words: Word[]): Int32Array {
  const known = streamBits.get(words);
  // (Found again if a matcher was built or the stream grew since.)
  if (known && known.matchers === matcherCount && known.length === words.length) return known.bits;
  const bits = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    bits[i] = (FIRST_WORD_BITS.get(w.lower) ?? 0) | (w.lemma !== w.lower ? (FIRST_WORD_BITS.get(w.lemma) ?? 0) : 0);
  }
  streamBits.set(words, { matchers: matcherCount, length: words.length, bits });
  return bits;
}

/** Builds a matcher keyed on the first word; at each position the longest entry wins, matches never overlap. */
export function buildMatcher<T>(entries: PhraseEntry<T>[]): PhraseMatcher<T> {
  const byFirst = new Map<string, PhraseEntry<T>[]>();
  for (const e of entries) {
    const k = e.words[0];
    if (!k) continue;
    let list = byFirst.get(k);
    if (!list) byFirst.set(k, (list = []));
    list.push(e);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  // 31 matchers fit the bits; any beyond (none today) look every word up themselves.
  const bit = matcherCount < 31 ? 1 << matcherCount++ : 0;
  if (bit) for (const k of byFirst.keys()) FIRST_WORD_BITS.set(k, (FIRST_WORD_BITS.get(k) ?? 0) | bit);
  return {
    match(words, from = 0, to = words.length) {
      const hits: PhraseHit<T>[] = [];
      from = Math.max(0, from);
      to = Math.min(to, words.length);
      const bits = bit ? firstWordBits(words) : null;
      for (let i = from; i < to; i++) {
        if (bits && !(bits[i]! & bit)) continue;
        const w = words[i]!;
        const l1 = byFirst.get(w.lower);
        const l2 = w.lemma !== w.lower ? byFirst.get(w.lemma) : undefined;
        if (!l1 && !l2) continue;
        let found: PhraseEntry<T> | null = null;
        for (let li = 0; li < 2; li++) {
          const list = li === 0 ? l1 : l2;
          if (!list) continue;
          for (const e of list) {
            if (found && found.words.length >= e.words.length) break;
            if (e.pos && w.pos !== e.pos) continue;
            if (e.lowercase && w.text !== w.lower) continue;
            let ok = true;
            for (let k = 1; k < e.words.length; k++) {
              const wk = i + k < to ? words[i + k] : undefined;
              if (!wk || !wordMatches(wk, e.words[k]!) || wk.sentence !== w.sentence) {
                ok = false;
                break;
              }
            }
            if (ok) {
              found = e;
              break;
            }
          }
        }
        if (found) {
          hits.push({ from: i - from, to: i - from + found.words.length, entry: found });
          i += found.words.length - 1;
        }
      }
      return hits;
    },
  };
}

/** `/[\p{L}\p{N}]/u.test(s)`: ASCII letters and digits are decided without the regex. */
export function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return /[\p{L}\p{N}]/u.test(s);
  }
  return false;
}

/** `(s.match(/[\p{L}\p{N}]+/gu) ?? []).length` without building the matches: runs of letters and digits. */
export function letterDigitRuns(s: string): number {
  let n = 0;
  let inRun = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let k: boolean;
    if (c < 128) k = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        k = isLetterOrDigit(String.fromCharCode(c, d));
        i++;
      } else k = false;
    } else k = isLetterOrDigit(String.fromCharCode(c));
    if (k && !inRun) n++;
    inRun = k;
  }
  return n;
}

const letterOrDigit = new Map<string, boolean>();
function isLetterOrDigit(ch: string): boolean {
  let k = letterOrDigit.get(ch);
  if (k === undefined) letterOrDigit.set(ch, (k = /^[\p{L}\p{N}]$/u.test(ch)));
  return k;
}

/** Index of the first word whose start is >= pos (binary search). */
export function wordAt(words: Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const foldCache = new Map<string, string>();

/** Folds a name for comparison: lower case, no diacritics or apostrophes, no "al-"/"el-" article. */
export function foldName(s: string): string {
  // Lower-case ASCII letters and digits fold to themselves (most words: no look-up needed).
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  }
  if (plain) return s;
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  if (foldCache.size > 100_000) foldCache.clear();
  const out = foldUncached(s);
  foldCache.set(s, out);
  return out;
}

/**
 * The one name normaliser: compatibility-decomposed, diacritics and apostrophes dropped, lower case, single
 * spaces. Source names (sources.ts) use it as it is; actor matching (`foldName`) also drops Arabic article
 * prefixes, hyphens and dots.
 */
export function normaliseName(s: string, opts: { keepQuoteMarks?: boolean } = {}): string {
  // Called per token by several stages; pure, so each distinct string is normalised once (like `foldName`).
  const cache = opts.keepQuoteMarks ? normKeepCache : normCache;
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  if (cache.size > 100_000) cache.clear();
  const out = normaliseUncached(s, !!opts.keepQuoteMarks);
  cache.set(s, out);
  return out;
}

const normCache = new Map<string, string>();
const normKeepCache = new Map<string, string>();

function normaliseUncached(s: string, keepQuoteMarks: boolean): string {
  const t = s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[‘’'`ʿʾ]/g, "");
  return (keepQuoteMarks ? t : t.replace(/[“”"]/g, "")).replace(/\s+/g, " ").trim().toLowerCase();
}

function foldUncached(s: string): string {
  return normaliseName(s, { keepQuoteMarks: true })
    .replace(/\b(?:al|el|ad|ar|as|an|at|az)[-\s]+(?=\p{L})/gu, "")
    .replace(/[-.]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Titles wink takes for a sentence end before the name they precede ("Rev. Ann Roe", "Maj. Ivo Marr"). */
export const TITLE_ABBREVIATIONS = new Set(
  "Rev. Msgr. Fr. Atty. Supt. Cmdr. Adm. Maj. Pres. Sens. Reps. Insp. Det. Cpl. Pvt. Gens. Amb.".split(" "),
);
