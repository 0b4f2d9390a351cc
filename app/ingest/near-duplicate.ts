import { diffArrays } from "diff";

// Near-duplicates (the same wire copy in several outlets) are found by word 5-shingles: independently
// written reports of one event share almost no run of five words, copies of one story share most.

export type Span = { start: number; end: number };

/** Sorted unique 32-bit hashes of the text's word 5-shingles. */
export type Fingerprint = { shingles: Uint32Array; words: number };

export type Similarity = {
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): high when one text is a cut or extended copy of the other. */
  containment: number;
  shared: number;
};

export const SHINGLE_SIZE = 5;
/**
 * Near-duplicate when at least half of the smaller text's 5-shingles occur in the other (containment
 * ≥ 0.5) and they share at least 15 shingles. Measured on BASIL dev (150 articles, three outlets per
 * event): reports of the same event reach at most 0.35 (long shared quotes), unrelated ones 0.015;
 * the test copies with cuts, additions and label swaps score above 0.85.
 */
export const NEAR_DUPLICATE_CONTAINMENT = 0.5;
export const NEAR_DUPLICATE_MIN_SHARED = 15;

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** Computes the shingle fingerprint of a text (case- and punctuation-insensitive). */
export function fingerprint(text: string): Fingerprint {
  const words = (text.toLowerCase().normalize("NFKC").match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
  const hashes: number[] = [];
  if (words.length > 0 && words.length < SHINGLE_SIZE) hashes.push(fnv1a(words.join(" ")));
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) hashes.push(fnv1a(words.slice(i, i + SHINGLE_SIZE).join(" ")));
  const sorted = Uint32Array.from(hashes).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return { shingles: sorted.slice(0, n), words: words.length };
}

/** Exact Jaccard and containment of two fingerprints: one linear merge of the sorted hashes. */
export function similarity(a: Fingerprint, b: Fingerprint): Similarity {
  const x = a.shingles;
  const y = b.shingles;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.length && j < y.length) {
    const xi = x[i]!;
    const yj = y[j]!;
    if (xi === yj) {
      shared++;
      i++;
      j++;
    } else if (xi < yj) i++;
    else j++;
  }
  const union = x.length + y.length - shared;
  const smaller = Math.min(x.length, y.length);
  return { jaccard: union ? shared / union : 0, containment: smaller ? shared / smaller : 0, shared };
}

export function isNearDuplicate(s: Similarity): boolean {
  return s.containment >= NEAR_DUPLICATE_CONTAINMENT && s.shared >= NEAR_DUPLICATE_MIN_SHARED;
}

/** Candidates that are near-duplicates of `target`, best first. Linear in the candidates' total size. */
export function findNearDuplicates<Id>(
  target: Fingerprint,
  candidates: Iterable<{ id: Id; fingerprint: Fingerprint }>,
): Array<{ id: Id } & Similarity> {
  const out: Array<{ id: Id } & Similarity> = [];
  for (const c of candidates) {
    const s = similarity(target, c.fingerprint);
    if (isNearDuplicate(s)) out.push({ id: c.id, ...s });
  }
  return out.sort((p, q) => q.containment - p.containment || q.jaccard - p.jaccard);
}

/** Groups texts into near-duplicate clusters (connected components); singletons are left out. */
export function clusterNearDuplicates<Id>(items: Array<{ id: Id; fingerprint: Fingerprint }>): Id[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (isNearDuplicate(similarity(items[i]!.fingerprint, items[j]!.fingerprint))) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Id[]>();
  items.forEach((it, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), it.id]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Fingerprint ⇄ base64, to keep it in a database column (4 bytes per shingle). */
export function encodeFingerprint(fp: Fingerprint): string {
  return `${fp.words}:${Buffer.from(fp.shingles.buffer, fp.shingles.byteOffset, fp.shingles.byteLength).toString("base64")}`;
}

export function decodeFingerprint(s: string): Fingerprint | null {
  const m = /^(\d+):([A-Za-z0-9+/=]*)$/.exec(s);
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, "base64");
  if (bytes.length % 4 !== 0) return null;
  const shingles = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < shingles.length; i++) shingles[i] = bytes.readUInt32LE(i * 4);
  return { shingles, words: Number(m[1]) };
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Word-level diff of two copies, summarised as the edits an outlet made to shared copy.

/** `text` is taken from `a` for same and removed parts, from `b` for added ones; spans index each text. */
export type DiffPart = { type: "same" | "added" | "removed"; text: string; a: Span | null; b: Span | null };

export type DiffChange =
  | { kind: "swap"; category: "attribution_verb" | "wording"; from: string; to: string; a: Span; b: Span }
  | { kind: "rewrite"; from: string; to: string; a: Span; b: Span }
  | { kind: "sentence_added"; text: string; b: Span }
  | { kind: "sentence_removed"; text: string; a: Span }
  | { kind: "words_added"; text: string; b: Span; context: string }
  | { kind: "words_removed"; text: string; a: Span; context: string };

export type WordDiff = {
  /** false when the texts differ too much for a meaningful diff (parts and changes are then empty). */
  comparable: boolean;
  parts: DiffPart[];
  changes: DiffChange[];
  /** One plain sentence per change, e.g. `Swapped "Islamist movement" → "terrorist movement"`. */
  summary: string[];
  stats: { sameWords: number; addedWords: number; removedWords: number };
};

// Swaps up to this many words a side are word choices; longer replacements are rewrites.
const SWAP_MAX_WORDS = 6;
const MAX_EDIT_TOKENS = 2000;

const REPORTING_VERBS = new Set(
  (
    "say says said saying claim claims claimed claiming allege alleges alleged alleging insist insists insisted " +
    "admit admits admitted concede concedes conceded warn warns warned deny denies denied tell tells told state states " +
    "stated report reports reported argue argues argued assert asserts asserted maintain maintains maintained " +
    "suggest suggests suggested acknowledge acknowledges acknowledged announce announces announced confirm confirms " +
    "confirmed reveal reveals revealed boast boasts boasted accuse accuses accused charge charges charged contend " +
    "contends contended note notes noted add adds added explain explains explained declare declares declared " +
    "threaten threatens threatened vow vows vowed urge urges urged"
  ).split(" "),
);
const STOP = new Set(
  (
    "a an the of to in on at by for from with and or but as is was were are be been that this these those " +
    "it its he she they his her their we our you i said says"
  ).split(" "),
);

type Token = { text: string; start: number; end: number; word: boolean };

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, word: /[\p{L}\p{N}]/u.test(m[0]) });
  }
  return out;
}

/**
 * Word-level diff of an original `a` and a copy `b` (meant for near-duplicates), with the edits summarised:
 * swapped words (a label, a headline verb), sentences added or cut, words added or removed, rewrites.
 * Uses jsdiff's diffArrays on word tokens: diffWords reports unchanged runs with b's whitespace,
 * which would shift offsets in `a`.
 */
export function wordDiff(a: string, b: string): WordDiff {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const raw = diffArrays(
    ta.map((t) => t.text),
    tb.map((t) => t.text),
    { maxEditLength: MAX_EDIT_TOKENS },
  );
  const empty: WordDiff = {
    comparable: false,
    parts: [],
    changes: [],
    summary: [],
    stats: { sameWords: 0, addedWords: 0, removedWords: 0 },
  };
  if (!raw) return empty;

  type Run = { type: DiffPart["type"]; ia: number; ib: number; n: number };
  const runs: Run[] = [];
  let ia = 0;
  let ib = 0;
  for (const p of raw) {
    const n = p.count ?? p.value.length;
    const type = p.added ? "added" : p.removed ? "removed" : "same";
    runs.push({ type, ia, ib, n });
    if (type !== "added") ia += n;
    if (type !== "removed") ib += n;
  }

  const spanOf = (toks: Token[], from: number, n: number): Span => ({
    start: toks[from]!.start,
    end: toks[from + n - 1]!.end,
  });
  const parts: DiffPart[] = runs.map((r) => {
    const sa = r.type !== "added" && r.n > 0 ? spanOf(ta, r.ia, r.n) : null;
    const sb = r.type !== "removed" && r.n > 0 ? spanOf(tb, r.ib, r.n) : null;
    const text = sa ? a.slice(sa.start, sa.end) : sb ? b.slice(sb.start, sb.end) : "";
    return { type: r.type, text, a: sa, b: sb };
  });
  const countWords = (toks: Token[], from: number, n: number) =>
    toks.slice(from, from + n).filter((t) => t.word).length;
  const stats = { sameWords: 0, addedWords: 0, removedWords: 0 };
  for (const r of runs) {
    if (r.type === "same") stats.sameWords += countWords(ta, r.ia, r.n);
    else if (r.type === "added") stats.addedWords += countWords(tb, r.ib, r.n);
    else stats.removedWords += countWords(ta, r.ia, r.n);
  }

  // Hunks: maximal stretches of removed/added runs between unchanged runs.
  const sentA = sentenceSpans(a);
  const sentB = sentenceSpans(b);
  const changes: DiffChange[] = [];
  for (let i = 0; i < runs.length; i++) {
    if (runs[i]!.type === "same") continue;
    let rem: Run | null = null;
    let add: Run | null = null;
    let j = i;
    for (; j < runs.length && runs[j]!.type !== "same"; j++) {
      if (runs[j]!.type === "removed") rem = runs[j]!;
      else add = runs[j]!;
    }
    classifyHunk(rem, add);
    i = j - 1;
  }

  function classifyHunk(rem: Run | null, add: Run | null) {
    const remWords = rem ? countWords(ta, rem.ia, rem.n) : 0;
    const addWords = add ? countWords(tb, add.ib, add.n) : 0;
    if (rem && add) {
      const sa = spanOf(ta, rem.ia, rem.n);
      const sb = spanOf(tb, add.ib, add.n);
      const fullA = wholeSentences(sa, sentA, a);
      const fullB = wholeSentences(sb, sentB, b);
      if (fullA && fullB) {
        for (const s of fullA) changes.push({ kind: "sentence_removed", text: a.slice(s.start, s.end), a: s });
        for (const s of fullB) changes.push({ kind: "sentence_added", text: b.slice(s.start, s.end), b: s });
        return;
      }
      if (remWords <= SWAP_MAX_WORDS && addWords <= SWAP_MAX_WORDS) {
        const verb =
          remWords === 1 &&
          addWords === 1 &&
          isReportingVerb(a.slice(sa.start, sa.end)) &&
          isReportingVerb(b.slice(sb.start, sb.end));
        // Widen by one unchanged content word each side, so "Islamist" → "terrorist" reads "Islamist movement".
        let [fa, la, fb, lb] = [rem.ia, rem.ia + rem.n - 1, add.ib, add.ib + add.n - 1];
        if (!verb) {
          const before = ta[fa - 1];
          if (before && before.word && !STOP.has(before.text.toLowerCase()) && tb[fb - 1]?.text === before.text) {
            fa--;
            fb--;
          }
          const after = ta[la + 1];
          if (after && after.word && !STOP.has(after.text.toLowerCase()) && tb[lb + 1]?.text === after.text) {
            la++;
            lb++;
          }
        }
        // "an Islamist movement" → "a terrorist movement" reads better without the articles.
        const article = (t: Token | undefined) => !!t && /^(a|an|the)$/i.test(t.text);
        if (fa < la && fb < lb && article(ta[fa]) && article(tb[fb])) {
          fa++;
          fb++;
        }
        const wa = { start: ta[fa]!.start, end: ta[la]!.end };
        const wb = { start: tb[fb]!.start, end: tb[lb]!.end };
        changes.push({
          kind: "swap",
          category: verb ? "attribution_verb" : "wording",
          from: a.slice(wa.start, wa.end),
          to: b.slice(wb.start, wb.end),
          a: wa,
          b: wb,
        });
        return;
      }
      changes.push({ kind: "rewrite", from: a.slice(sa.start, sa.end), to: b.slice(sb.start, sb.end), a: sa, b: sb });
      return;
    }
    if (rem) {
      const full = slideToSentences(ta, rem.ia, rem.n, sentA, a);
      if (full) for (const s of full) changes.push({ kind: "sentence_removed", text: a.slice(s.start, s.end), a: s });
      else {
        const sa = spanOf(ta, rem.ia, rem.n);
        changes.push({ kind: "words_removed", text: a.slice(sa.start, sa.end), a: sa, context: around(a, sa) });
      }
      return;
    }
    if (add) {
      const full = slideToSentences(tb, add.ib, add.n, sentB, b);
      if (full) for (const s of full) changes.push({ kind: "sentence_added", text: b.slice(s.start, s.end), b: s });
      else {
        const sb = spanOf(tb, add.ib, add.n);
        changes.push({ kind: "words_added", text: b.slice(sb.start, sb.end), b: sb, context: around(b, sb) });
      }
    }
  }

  return { comparable: true, parts, changes, summary: changes.map(describeChange), stats };
}

// A pure insertion or deletion can sit a few tokens left or right when its edges repeat (". It ends"
// vs "It ends ."); try those equivalent placements to find one that covers whole sentences.
function slideToSentences(toks: Token[], from: number, n: number, sentences: Span[], text: string): Span[] | null {
  const at = (k: number) => wholeSentences({ start: toks[k]!.start, end: toks[k + n - 1]!.end }, sentences, text);
  const direct = at(from);
  if (direct) return direct;
  for (let s = 1; s <= 3; s++) {
    const k = from - s;
    if (k < 0 || toks[k]!.text !== toks[k + n]!.text) break;
    const r = at(k);
    if (r) return r;
  }
  for (let s = 1; s <= 3; s++) {
    const k = from + s;
    if (k + n - 1 >= toks.length || toks[k - 1]!.text !== toks[k + n - 1]!.text) break;
    const r = at(k);
    if (r) return r;
  }
  return null;
}

function isReportingVerb(s: string): boolean {
  return REPORTING_VERBS.has(s.toLowerCase());
}

/** A plain description of one change; neutral wording (it reports the edit, never judges it). */
export function describeChange(c: DiffChange): string {
  const q = (s: string) => `"${s.length > 160 ? `${s.slice(0, 157)}…` : s}"`;
  switch (c.kind) {
    case "swap":
      return c.category === "attribution_verb"
        ? `Attribution verb changed: ${q(c.from)} → ${q(c.to)}`
        : `Swapped ${q(c.from)} → ${q(c.to)}`;
    case "rewrite":
      return `Rewrote ${q(c.from)} as ${q(c.to)}`;
    case "sentence_added":
      return `Added sentence: ${q(c.text)}`;
    case "sentence_removed":
      return `Cut sentence: ${q(c.text)}`;
    case "words_added":
      return `Added words: ${q(c.text)} (in ${q(c.context)})`;
    case "words_removed":
      return `Cut words: ${q(c.text)} (from ${q(c.context)})`;
  }
}

// Sentence ends: . ! ? (optionally closed by a quote or bracket) before a space and a capital, digit
// or quote; or a paragraph break. Common abbreviations and initials do not end a sentence.
const ABBREV = new Set(
  "mr mrs ms dr prof st gen sen rep gov lt col sgt capt maj cmdr adm jr sr no vs etc inc ltd co corp dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e".split(
    " ",
  ),
);

const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);
const OPENERS = new Set(['"', "'", "“", "‘", "(", "["]);

export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  // A scanner, not one regex: a lookahead after a run of dots would rescan the run from every dot.
  const re = /[.!?…]+|\n[^\S\n]*\n/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith("\n")) {
      push(m.index);
      start = m.index + m[0].length;
      continue;
    }
    let end = m.index + m[0].length;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next === end) continue;
    if (next < text.length && OPENERS.has(text[next]!)) next++;
    const cp = text.codePointAt(next);
    if (cp === undefined || !/[\p{Lu}\p{N}]/u.test(String.fromCodePoint(cp))) continue;
    if (m[0] === ".") {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? "";
      const word = before.toLowerCase().replace(/^\.+/, "");
      if (ABBREV.has(word) || /^\p{Lu}$/u.test(before)) continue;
    }
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

/** The sentences exactly covered by a span (allowing trailing punctuation), or null when it cuts into one. */
function wholeSentences(span: Span, sentences: Span[], text: string): Span[] | null {
  // Sentences are sorted: binary-search the first one starting inside the span.
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const inside: Span[] = [];
  for (let k = lo; k < sentences.length && sentences[k]!.start < span.end; k++) {
    if (sentences[k]!.end <= span.end) inside.push(sentences[k]!);
  }
  if (inside.length === 0) return null;
  // Everything in the span outside those sentences must be whitespace or punctuation.
  let cursor = span.start;
  for (const s of inside) {
    if (/[\p{L}\p{N}]/u.test(text.slice(cursor, s.start))) return null;
    cursor = s.end;
  }
  if (/[\p{L}\p{N}]/u.test(text.slice(cursor, span.end))) return null;
  // A sentence whose first token is unchanged may sit just before the span: check both edges.
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  if (first.start < span.start || last.end > span.end) return null;
  return inside;
}

function around(text: string, span: Span): string {
  const from = Math.max(0, text.lastIndexOf(" ", Math.max(0, span.start - 40)) + 1);
  const toSpace = text.indexOf(" ", Math.min(text.length, span.end + 40));
  const to = toSpace < 0 ? text.length : toSpace;
  return text.slice(from, to).replace(/\s+/g, " ").trim();
}
