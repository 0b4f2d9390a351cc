// One shared wink-nlp instance: sentences, tokens, parts of speech and lemmas, with character offsets.
// The model ships in the npm package wink-eng-lite-web-model; nothing is downloaded at run time.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Span } from "./types";
import { splitParagraphs } from "./paragraphs";
import { TITLE_ABBREVIATIONS } from "./words";

export { splitParagraphs };

// Only sentence boundaries and parts of speech (with lemmas) are read: wink's entity, negation and sentiment
// passes (a third of its time) leave tokens, tags and sentences as they are, so they are not run.
const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;

export interface Token {
  start: number;
  end: number;
  value: string;
  /** Universal POS tag from the model (NOUN, PROPN, VERB, PUNCT, SPACE, …). */
  pos: string;
  lemma: string;
  /** Index of the sentence (within the whole text) this token belongs to. */
  sentence: number;
}

export interface TokenizedText {
  tokens: Token[];
  sentences: Span[];
  paragraphs: Span[];
}

const LONG_RUN = 64;

/**
 * Tokenise a text paragraph by paragraph (sentences never cross a newline). Offsets are recovered from wink's
 * lossless token values and preceding spaces. wink slows down quadratically on long runs without spaces
 * (40,000 characters: 3 s), so such runs get a space every 64 characters in a same-length copy: offsets stay valid.
 */
export function tokenize(text: string): TokenizedText {
  // Offsets to blank out (possessive marks, and a space every LONG_RUN characters of a long run), in order.
  const blank: number[] = [];
  let run = 0;
  const possessive: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      run = 0;
      continue;
    }
    // wink learns words as it reads ("Clinton's" whole once seen, split before), which would make tokens and
    // tags depend on what the process read earlier: it always reads a possessive as "Clinton s".
    if (
      (c === 39 || c === 0x2019) &&
      (text[i + 1] === "s" || text[i + 1] === "S") &&
      i > 0 &&
      /[\p{L}\p{N}]/u.test(text[i - 1]!) &&
      !/[\p{L}\p{N}]/u.test(text[i + 2] ?? " ")
    ) {
      blank.push(i);
      possessive.push(i);
      run = 0;
      continue;
    }
    if (++run > LONG_RUN) {
      if ((c & 0xfc00) === 0xdc00) continue; // never split a surrogate pair
      blank.push(i);
      run = 0;
    }
  }
  if (!blank.length) return tokenizeSpaced(text);
  const parts: string[] = [];
  let from = 0;
  for (const i of blank) {
    parts.push(text.slice(from, i), " ");
    from = i + 1;
  }
  parts.push(text.slice(from));
  const out = tokenizeSpaced(parts.join(""));
  // Values from the real text; the "s" after a masked apostrophe becomes the possessive "'s" again.
  const apostrophes = new Set(possessive);
  for (const t of out.tokens) {
    if (apostrophes.has(t.start - 1) && t.end === t.start + 1) {
      t.start -= 1;
      t.pos = "PART";
    }
    t.value = text.slice(t.start, t.end);
    if (t.pos === "PART" && apostrophes.has(t.start)) t.lemma = "'s";
  }
  for (const sp of out.sentences) {
    if (apostrophes.has(sp.start - 1)) sp.start -= 1;
  }
  return out;
}

function tokenizeSpaced(text: string): TokenizedText {
  const paragraphs = splitParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Span[] = [];
  for (const para of paragraphs) {
    const doc = nlp.readDoc(text.slice(para.start, para.end));
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const firstOf: number[] = [];
    const lastOf: number[] = [];
    let off = para.start;
    for (let i = 0; i < values.length; i++) {
      off += spaces[i]!.length;
      const v = values[i]!;
      // wink leaves some tokens (e.g. "cannot") without a lemma: fall back to the lower-cased word.
      const lemma = lemmas[i] || v.toLowerCase();
      firstOf.push(tokens.length);
      tokens.push({ start: off, end: off + v.length, value: v, pos: pos[i] ?? "X", lemma, sentence: -1 });
      lastOf.push(tokens.length - 1);
      off += v.length;
    }
    const spans = mergeFalseBreaks(doc.sentences().out(its.span) as unknown as [number, number][], values);
    for (const [a, b] of spans) {
      const from = firstOf[a];
      const to = lastOf[b];
      if (from === undefined || to === undefined) continue;
      const first = tokens[from]!;
      const last = tokens[to]!;
      const idx = sentences.length;
      for (let t = from; t <= to; t++) tokens[t]!.sentence = idx;
      sentences.push({ start: first.start, end: last.end });
    }
  }
  return { tokens, sentences, paragraphs };
}

/**
 * wink ends sentences inside party-state tags and abbreviations ("Sen. Lee Graham, R-S.|C., announced",
 * "Sen. Ann Roe (I-Vt.)| said"): a "sentence" that opens with a lower-case word, a comma or a closing bracket,
 * or with an initial followed by a comma, continues the one before.
 */
function mergeFalseBreaks(spans: [number, number][], values: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const first = values[a] ?? "";
    const second = values[a + 1] ?? "";
    const prev = out[out.length - 1];
    const last = prev ? (values[prev[1]] ?? "") : "";
    // Only after a bracket or a short abbreviation ("Vt.", "S.C."): a question in quotes before "she said" stays.
    const afterAbbreviation = last === ")" || /^\p{Lu}[\p{L}.]{0,4}\.$/u.test(last);
    const continues =
      /^[,;)\]]/.test(first) ||
      ((TITLE_ABBREVIATIONS.has(last) || (last === "." && TITLE_ABBREVIATIONS.has(`${values[prev![1] - 1]}.`))) &&
        /^\p{Lu}/u.test(first)) ||
      (/^\p{Lu}\.?$/u.test(first) && (second === "," || second === ")")) ||
      (afterAbbreviation && /^\p{Ll}/u.test(first));
    if (prev && continues && prev[1] === a - 1) prev[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/**
 * The one word counter of Parallax (densities, quoted words, stored word counts, import summaries): runs of letters
 * or digits with inner apostrophes and hyphens; a number with separators ("40,000", "3.5") is one word.
 */
export function countWords(text: string): number {
  // Counts the matches of WORD_PATTERN in one pass without building them (it runs over every text and quotation).
  const len = text.length;
  let n = 0;
  let inWord = false;
  let last = 0; // class of the word's last letter or digit
  let afterNumber = false; // the word ends in "[.,]digits": a letter after it starts a new word ("3.5km")
  for (let i = 0; i < len;) {
    let c = text.charCodeAt(i);
    let size = 1;
    let k: number;
    if (c < 128) k = ASCII_CLASS[c]!;
    else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          size = 2;
        }
      }
      k = wideClass(c);
    }
    if (k) {
      if (!inWord || (afterNumber && k === LETTER)) {
        n++;
        afterNumber = false;
      }
      inWord = true;
      last = k;
      i += size;
      continue;
    }
    if (inWord && i + 1 < len) {
      // An apostrophe or hyphen before a letter or digit, or . and , between digits, stay inside the word.
      let d = text.charCodeAt(i + 1);
      if (d >= 0xd800 && d <= 0xdbff && i + 2 < len) {
        const e = text.charCodeAt(i + 2);
        if (e >= 0xdc00 && e <= 0xdfff) d = ((d - 0xd800) << 10) + (e - 0xdc00) + 0x10000;
      }
      const next = d < 128 ? ASCII_CLASS[d]! : wideClass(d);
      if ((c === 39 || c === 0x2019 || c === 45) && next) {
        afterNumber = false;
        i += 1;
        continue;
      }
      if ((c === 46 || c === 44) && last === DIGIT && next === DIGIT) {
        afterNumber = true;
        i += 1;
        continue;
      }
    }
    inWord = false;
    i += size;
  }
  return n;
}

/** What `countWords` counts: the matches of this pattern (tests hold the two together). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu;

const LETTER = 1;
const DIGIT = 2;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LETTER;
const wideClasses = new Map<number, number>();
/** \p{N} → DIGIT, \p{L} → LETTER, else 0, for a code point above ASCII (cached: a text uses few of them). */
function wideClass(cp: number): number {
  let k = wideClasses.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = /^\p{N}$/u.test(ch) ? DIGIT : /^\p{L}$/u.test(ch) ? LETTER : 0;
    wideClasses.set(cp, k);
  }
  return k;
}
