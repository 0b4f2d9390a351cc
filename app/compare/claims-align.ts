// Claim alignment by proposition: claims of different articles are linked when they share a content word (the
// predicate or its theme) and at least three informative terms (actor keys, stems, numbers; IDF-weighted), and each
// is the other's best match in its article. No single-link chaining: see mutualBestGroups.
import { stem } from "#app/analysis/stem";
import { SYNONYM_OF } from "./predicate-synonyms";
import { splitPropositions, termsByClause, type ClauseSpan } from "./propositions";

export interface AlignClaim {
  articleId: number;
  claimId: string;
  terms: string[];
  text: string;
}

export interface GroupMember {
  articleId: number;
  claimId: string;
  /** Mean similarity to the other members (1 for a group of one). */
  centrality: number;
  /** Similarity to the group's most central member (1 for that member itself). */
  similarity: number;
  /** The terms (actor keys, stems, numbers) this claim shares with the most central member: why they are grouped. */
  shared: string[];
}

export interface AlignedGroup {
  members: GroupMember[];
  /** The most central member (its text gives the group label). */
  central: GroupMember;
  label: string;
  /**
   * For each article the group lacks, its claim that covers most of any member (similarity above the link floor), if
   * any: `similarity` as for links, `coverage` the IDF-weighted share of the shorter claim's terms the two share.
   */
  closest: ClosestMatch[];
}

/** An article's claim nearest to a group it is not in, and the clause of it that came nearest (offsets in its text). */
export interface ClosestMatch {
  articleId: number;
  claimId: string;
  similarity: number;
  coverage: number;
  clause: ClauseSpan[];
}

export interface AlignOptions {
  /** Cosine similarity at or above which two claims of different articles say the same thing. */
  threshold?: number;
}

export const ALIGN_THRESHOLD = 0.1;
/** Share of the link threshold that two groups must reach on average over all their cross pairs to merge. */
const MERGE_SHARE = 0.5;
/** Weight of the overlap coefficient against the weighted Dice coefficient. */
const MIX = 0.3;
/** A link needs this many shared informative terms, one of them a content word (not a name or number). */
const MIN_SHARED = 3;
const MIN_CONTENT = 1;
/**
 * Two shared terms suffice when they make up most of both claims (similarity this high): short claims saying one
 * thing ("he had illegally fired her after she complained" / "she was fired after complaining"). BASIL dev: grouping
 * 0.372 / 0.576 → 0.381 / 0.590; 0.4–0.7 all within two pairs of that.
 */
const CLOSE_PAIR = 0.5;
/** A claim of at least this many words found (VERBATIM_SHARE of it in one run) in another article's claim links to it. */
const VERBATIM_MIN_WORDS = 4;
const VERBATIM_SHARE = 0.8;
/** The similarity such a pair counts as (above any ordinary link: the same words are the strongest evidence). */
const VERBATIM_SIMILARITY = 0.6;
/** Shared terms for the looser "closest claim" hint. */
const LOOSE_SHARED = 2;
const LINK_FLOOR = 0.05;
/** A claim left alone joins a group when this close to one of its members (an article repeating a claim). */
const REPEAT_THRESHOLD = 0.4;
/**
 * An article not in a group whose closest claim is at least this similar may carry the proposition in other words:
 * it is not listed as lacking it. Judged clause by clause (a sentence's second clause may carry it): on BASIL dev,
 * listed omissions true 21/26 → 26/31 with the grouping of the same change (0.20 was right for whole sentences).
 */
export const MAY_CARRY = 0.25;
/** Likewise when its closest claim holds this share of the shorter claim's weighted terms (a paraphrase in a longer sentence). */
export const MAY_COVER = 0.5;

/** Weighted Dice of the shared terms mixed with their overlap coefficient (a short claim inside a long sentence). */
function similarity(dice: number, overlap: number): number {
  return (1 - MIX) * dice + MIX * overlap;
}

const CLAUSE_WORDS = new Set([
  "which",
  "who",
  "while",
  "because",
  "although",
  "though",
  "after",
  "before",
  "when",
  "whereas",
  "but",
  "as",
  "since",
  "despite",
]);

/** A short label: a text of at most `maxWords` words as it is; a longer one cut at its first clause boundary after five words. */
export function clauseLabel(text: string, maxWords = 14): string {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["“”‘’']+|["“”‘’']+$/g, "");
  const tokens = t.split(" ");
  if (tokens.length <= maxWords) return t;
  for (let i = 4; i < maxWords; i++) {
    const w = tokens[i]!;
    const nx = tokens[i + 1] ?? "";
    if (/[,;:]$/.test(w))
      return (
        tokens
          .slice(0, i + 1)
          .join(" ")
          .replace(/[,;:]$/, "") + "…"
      );
    if (/^[—–-]$/.test(nx) || nx.startsWith("(") || CLAUSE_WORDS.has(nx.toLowerCase()))
      return tokens.slice(0, i + 1).join(" ") + "…";
  }
  return (
    tokens
      .slice(0, maxWords)
      .join(" ")
      .replace(/[,;:]$/, "") + "…"
  );
}

/** A readable label: the most central member's clause, or, when that is a fragment ("to Farenthold", "of fraud"),
 * the most central member that reads as a clause; "that …" loses its "that". */
function groupLabel(claims: AlignClaim[], idx: number[], central: number, sim: Map<number, number>[]): string {
  const fragment = (t: string) =>
    /^\s*["“‘']?(?:\p{Ll}|to\b|of\b|for\b|by\b)/u.test(t) || (t.match(/[\p{L}\p{N}]+/gu) ?? []).length < 4;
  let pick = central;
  if (fragment(claims[central]!.text)) {
    const better = idx
      .filter((i) => i !== central && !fragment(claims[i]!.text))
      .sort((x, y) => (sim[y]!.get(central) ?? 0) - (sim[x]!.get(central) ?? 0))[0];
    if (better !== undefined) pick = better;
  }
  return clauseLabel(claims[pick]!.text.replace(/^\s*that\s+/i, ""));
}

/** Terms that name the act of reporting or the frame of a story, not a proposition: never evidence of one. */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(
  (
    "say said says tell told add added accord according statement statements report reported reports write wrote note noted " +
    "claim claims comment comments remark remarks speak spoke interview interviews news story stories week weeks day days " +
    "monday tuesday wednesday thursday friday saturday sunday today yesterday time times year years month months people thing things " +
    "would could should make made get got go went come came take took give gave want wanted know knew think thought include including " +
    "percent"
  )
    .split(" ")
    .map((w) => stem(w)),
);

const NAME_GLUE = new Set([
  "of",
  "the",
  "and",
  "de",
  "al",
  "el",
  "la",
  "van",
  "von",
  "der",
  "jr",
  "sr",
  "ii",
  "iii",
  "mr",
  "mrs",
  "ms",
  "dr",
]);

/**
 * The forms a claim term is compared by: an actor key by its name parts ("@cesar-sayoc-jr" → "@cesar", "@sayoc"), so
 * that one person or place named in two ways across outlets ("Sayoc", "Cesar Sayoc Jr.", "South Florida", "Florida")
 * still counts as shared; a hyphenated word without its hyphens ("fund-raiser", "fundraiser").
 */
export function termForms(t: string): string[] {
  if (t.startsWith("@")) {
    const parts = t
      .slice(1)
      .split("-")
      .filter((p) => p.length > 1 && !NAME_GLUE.has(p));
    return parts.length ? parts.map((p) => "@" + p) : [t];
  }
  return [t.includes("-") ? t.replace(/-/g, "") : t];
}

interface Vec {
  ids: number[];
  idf: number[];
  /** Weight factor of each term (1, or 1/n for each of an actor name's n parts). */
  f: number[];
  total: number;
  /** Shared-term candidates that can carry a proposition (not an actor, not a number). */
  content: Set<number>;
  /** The predicate synonym sets (see predicate-synonyms) the claim's words belong to. */
  predicates: Set<number>;
}

/** Similarity of two claims with the terms they share: actor keys, content stems, numbers. */
export interface PairEvidence {
  score: number;
  shared: string[];
}

function buildVectors(claims: AlignClaim[]): {
  vecs: Vec[];
  postings: { doc: number; idf: number; f: number }[][];
  terms: string[];
} {
  const n = claims.length;
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  // Each claim's term ids with their weight factor: the parts of one actor name share one term's weight.
  const sets: Map<number, number>[] = claims.map((c) => {
    const m = new Map<number, number>();
    for (const raw of c.terms) {
      if (GENERIC_TERMS.has(raw)) continue;
      const forms = termForms(SYNONYM_OF.get(raw) ?? raw);
      for (const t of forms) {
        let id = vocab.get(t);
        if (id === undefined) {
          vocab.set(t, (id = vocab.size));
          terms.push(t);
        }
        m.set(id, Math.max(m.get(id) ?? 0, 1 / forms.length));
      }
    }
    return m;
  });
  const df = new Float64Array(vocab.size);
  for (const m of sets) for (const id of m.keys()) df[id]!++;
  const postings: { doc: number; idf: number; f: number }[][] = Array.from({ length: vocab.size }, () => []);
  const vecs: Vec[] = sets.map((m, i) => {
    const ids: number[] = [];
    const idf: number[] = [];
    const fs: number[] = [];
    const content = new Set<number>();
    let total = 0;
    for (const [id, f] of m) {
      const w = Math.log(1 + n / df[id]!) * f;
      ids.push(id);
      idf.push(w);
      fs.push(f);
      total += w;
      postings[id]!.push({ doc: i, idf: w, f });
      const t = terms[id]!;
      if (!t.startsWith("@") && !/^\d/.test(t) && t.length > 2) content.add(id);
    }
    const predicates = new Set(ids.filter((id) => terms[id]!.startsWith("~")));
    return { ids, idf, f: fs, total, content, predicates };
  });
  return { vecs, postings, terms };
}

/** A negation in the claim's words: "will not pay" and "will pay" state opposite propositions. */
const NEGATION = /\b(?:not|never|no|cannot|neither|nor|nobody|nothing)\b|n['’]t\b/i;

/** Both claims name a known predicate and none is shared ("praised" / "criticised"): not one proposition. */
function otherPredicates(a: Set<number>, b: Set<number>): boolean {
  if (!a.size || !b.size) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

/**
 * Similarity of pairs of claims of different articles (sparse, symmetric), in one pass over the inverted index:
 * `strict` holds the pairs that may state one proposition (MIN_SHARED terms, MIN_CONTENT of them content words),
 * `loose` every pair sharing two terms, one a content word (for "closest claim" hints).
 */
export function pairSimilarities(
  claims: AlignClaim[],
  owner?: { of: number[]; n: number },
): {
  strict: Map<number, number>[];
  loose: Map<number, number>[];
  cover: Map<number, number>[];
  /** With `owner`: for owner i and owner j, the unit of j that came nearest to i (by `loose`). */
  via: Map<number, number>[];
} {
  const n = claims.length;
  const { vecs, postings } = buildVectors(claims);
  // With `owner` (units of claims), similarities are kept per owner pair: the highest over their units.
  const m = owner ? owner.n : n;
  const at = owner ? (k: number) => owner.of[k]! : (k: number) => k;
  const strict: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const loose: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const cover: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const via: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  const shared = new Float64Array(n);
  const sharedContent = new Int32Array(n);
  const sharedCount = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const negated = claims.map((c) => NEGATION.test(c.text));
  for (let i = 0; i < n; i++) {
    const v = vecs[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k]!;
      const isContent = v.content.has(id);
      for (const p of postings[id]!) {
        if (p.doc <= i || claims[p.doc]!.articleId === claims[i]!.articleId) continue;
        if (!seen[p.doc]) {
          seen[p.doc] = 1;
          touched.push(p.doc);
        }
        shared[p.doc]! += Math.min(p.idf, v.idf[k]!);
        sharedCount[p.doc]! += Math.min(p.f, v.f[k]!);
        if (isContent) sharedContent[p.doc]!++;
      }
    }
    for (const j of touched) {
      if (sharedContent[j]! >= 1 && sharedCount[j]! >= LOOSE_SHARED - 1e-9) {
        const S = shared[j]!;
        const o = vecs[j]!;
        const ov = S / (Math.min(v.total, o.total) || 1);
        const s = similarity((2 * S) / (v.total + o.total || 1), ov);
        if (s >= LINK_FLOOR) {
          const a = at(i);
          const b = at(j);
          if (s > (loose[a]!.get(b) ?? -1)) {
            loose[a]!.set(b, s);
            loose[b]!.set(a, s);
            via[a]!.set(b, j);
            via[b]!.set(a, i);
          }
          if (ov > (cover[a]!.get(b) ?? -1)) {
            cover[a]!.set(b, ov);
            cover[b]!.set(a, ov);
          }
          if (
            sharedContent[j]! >= MIN_CONTENT &&
            (sharedCount[j]! >= MIN_SHARED - 1e-9 || s >= CLOSE_PAIR) &&
            !otherPredicates(v.predicates, vecs[j]!.predicates) &&
            negated[i] === negated[j]
          ) {
            if (s > (strict[at(i)]!.get(at(j)) ?? -1)) {
              strict[at(i)]!.set(at(j), s);
              strict[at(j)]!.set(at(i), s);
            }
          }
        }
      }
      shared[j] = 0;
      seen[j] = 0;
      sharedCount[j] = 0;
      sharedContent[j] = 0;
    }
    touched.length = 0;
  }
  return { strict, loose, cover, via };
}

/**
 * Groups claims that state the same proposition across articles; every claim ends in exactly one group.
 * Two claims are linked only when they share a predicate or theme word (not only actors or numbers) and at least
 * three informative terms, and each is the other's best match in its article; two groups join only when they are
 * close on average, so one broad claim cannot glue unrelated ones together.
 */
export function alignClaims(claims: AlignClaim[], opts: AlignOptions = {}): AlignedGroup[] {
  const threshold = opts.threshold ?? ALIGN_THRESHOLD;
  // Links come from whole claims (measured on BASIL dev, links between single clauses grouped sentences that carry
  // several propositions with each of them: pair precision 0.58 → 0.48); whether an article carries a group's
  // proposition in any form, and where, is judged by its closest clause.
  const { strict } = pairSimilarities(claims);
  // The same words in two outlets (a quotation both carry) state one proposition even when too short to share three
  // informative terms ("He's got the money.").
  for (const [i, j] of verbatimPairs(claims)) {
    const s = Math.max(strict[i]!.get(j) ?? 0, VERBATIM_SIMILARITY);
    strict[i]!.set(j, s);
    strict[j]!.set(i, s);
  }
  const units: AlignClaim[] = [];
  const owner: number[] = [];
  const props: ClauseSpan[][] = [];
  claims.forEach((c, i) => {
    const ps = splitPropositions(c.text);
    const ts = termsByClause(c.text, ps, c.terms);
    ps.forEach((p, k) => {
      units.push({ ...c, terms: ts[k]! });
      owner.push(i);
      props.push(p);
    });
  });
  const u = pairSimilarities(units, { of: owner, n: claims.length });
  return mutualBestGroups(claims, strict, threshold, u.loose, u.cover, { loose: u.via, props });
}

/** Tokens of a claim for verbatim comparison: lower case, curly quotes straightened, contractions spelled out. */
function verbatimTokens(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/n't\b/g, " not")
    .replace(
      /'(m|re|ve|ll|d)\b/g,
      (_, x: string) => " " + { m: "am", re: "are", ve: "have", ll: "will", d: "would" }[x]!,
    );
  return t.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Length of the longest run of tokens two sequences share. */
function longestRun(a: number[], b: number[]): number {
  let best = 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) best = cur[j]!;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/**
 * Pairs of claims of different articles where one (of VERBATIM_MIN_WORDS words or more) stands in the other word for
 * word, or nearly (VERBATIM_SHARE of its words in one run): the same quotation, or the same sentence, in two outlets.
 */
export function verbatimPairs(claims: AlignClaim[]): [number, number][] {
  // Words as numbers, so that a 3-word sequence is one number (vocabulary sizes stay far below 2^17).
  const vocab = new Map<string, number>();
  const toks = claims.map((c) =>
    verbatimTokens(c.text).map((w) => {
      let id = vocab.get(w);
      if (id === undefined) vocab.set(w, (id = vocab.size));
      return id;
    }),
  );
  const V = vocab.size + 1;
  const byGram = new Map<number, number[]>();
  toks.forEach((ts, i) => {
    if (ts.length < VERBATIM_MIN_WORDS) return;
    for (let k = 0; k + 3 <= ts.length; k++) {
      const g = (ts[k]! * V + ts[k + 1]!) * V + ts[k + 2]!;
      const l = byGram.get(g);
      if (!l) byGram.set(g, [i]);
      else if (l[l.length - 1] !== i) l.push(i);
    }
  });
  // Shared 3-word sequences per pair first: a run covering VERBATIM_SHARE of the shorter claim holds that many less
  // two of them, so the run is measured only for pairs that share enough (most share a common phrase, no more).
  const n = claims.length;
  const sharedGrams = new Map<number, number>();
  for (const list of byGram.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (claims[i]!.articleId === claims[j]!.articleId) continue;
        const key = i < j ? i * n + j : j * n + i;
        sharedGrams.set(key, (sharedGrams.get(key) ?? 0) + 1);
      }
  }
  const out: [number, number][] = [];
  for (const [key, count] of sharedGrams) {
    const i = Math.floor(key / n);
    const j = key % n;
    const need = VERBATIM_SHARE * Math.min(toks[i]!.length, toks[j]!.length);
    if (count >= Math.ceil(need) - 2 && longestRun(toks[i]!, toks[j]!) >= need) out.push([i, j]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

interface Via {
  /** For claims i and j, the unit (proposition) of j nearest to i. */
  loose: Map<number, number>[];
  props: ClauseSpan[][];
}

/**
 * Links each claim to its best partner in each other article when that claim's best partner in this article is
 * the claim again (mutual best, at or above the threshold); links join groups strongest first, when the two groups
 * share no article and are close on average (no chain through one member).
 */
function mutualBestGroups(
  claims: AlignClaim[],
  sim: Map<number, number>[],
  threshold: number,
  loose: Map<number, number>[],
  cover: Map<number, number>[],
  via: Via,
): AlignedGroup[] {
  const n = claims.length;
  const bestIn: Map<number, { j: number; s: number }>[] = sim.map((m) => {
    const b = new Map<number, { j: number; s: number }>();
    for (const [j, s] of m) {
      const a = claims[j]!.articleId;
      const cur = b.get(a);
      if (!cur || s > cur.s) b.set(a, { j, s });
    }
    return b;
  });
  const links: { a: number; b: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (const { j, s } of bestIn[i]!.values()) {
      if (j < i || s < threshold) continue;
      const back = bestIn[j]!.get(claims[i]!.articleId);
      if (back && back.j === i) links.push({ a: i, b: j, s });
    }
  }
  links.sort((x, y) => y.s - x.s);
  const parent = Array.from({ length: n }, (_, i) => i);
  const arts = claims.map((c) => new Set([c.articleId]));
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  for (const { a, b } of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    let clash = false;
    for (const x of arts[rb]!) if (arts[ra]!.has(x)) clash = true;
    if (clash) continue;
    let sum = 0;
    for (const x of members[ra]!) for (const y of members[rb]!) sum += sim[x]!.get(y) ?? 0;
    if (sum / (members[ra]!.length * members[rb]!.length) < threshold * MERGE_SHARE) continue;
    parent[rb] = ra;
    for (const x of arts[rb]!) arts[ra]!.add(x);
    members[ra]!.push(...members[rb]!);
  }
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  const gid = Array.from({ length: n }, (_, i) => find(i));
  // A claim left alone joins the group of its best partner when close enough (an article repeats a claim).
  for (let i = 0; i < n; i++) {
    if (size.get(find(i)) !== 1) continue;
    let pick = -1;
    let pickS = REPEAT_THRESHOLD;
    for (const [j, s] of sim[i]!) {
      if (s > pickS && size.get(find(j))! > 1) {
        pick = j;
        pickS = s;
      }
    }
    if (pick >= 0) gid[i] = find(pick);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(gid[i]!) ?? [];
    g.push(i);
    groups.set(gid[i]!, g);
  }
  const out: AlignedGroup[] = [];
  for (const idx of groups.values()) {
    const ms: GroupMember[] = idx.map((i) => {
      let c = 1;
      if (idx.length > 1) {
        let d = 0;
        for (const j of idx) if (j !== i) d += sim[i]!.get(j) ?? 0;
        c = d / (idx.length - 1);
      }
      return {
        articleId: claims[i]!.articleId,
        claimId: claims[i]!.claimId,
        centrality: Math.round(c * 1000) / 1000,
        similarity: 1,
        shared: [] as string[],
      };
    });
    let bi = 0;
    ms.forEach((m, k) => {
      if (m.centrality > ms[bi]!.centrality) bi = k;
    });
    const c = idx[bi]!;
    const forms = (t: string) => termForms(SYNONYM_OF.get(t) ?? t);
    const centralTerms = new Set(claims[c]!.terms.filter((t) => !GENERIC_TERMS.has(t)).flatMap(forms));
    idx.forEach((i, k) => {
      ms[k]!.similarity = i === c ? 1 : Math.round((sim[i]!.get(c) ?? 0) * 1000) / 1000;
      ms[k]!.shared =
        i === c
          ? []
          : [
              ...new Set(
                claims[i]!.terms.filter((t) => !GENERIC_TERMS.has(t) && forms(t).some((f) => centralTerms.has(f))),
              ),
            ];
    });
    const inGroup = new Set(ms.map((m) => m.articleId));
    const near = new Map<number, ClosestMatch>();
    for (const i of idx) {
      for (const [j, s] of loose[i]!) {
        const a = claims[j]!.articleId;
        if (inGroup.has(a)) continue;
        const cur = near.get(a);
        const cv = Math.round((cover[i]!.get(j) ?? 0) * 1000) / 1000;
        const sr = Math.round(s * 1000) / 1000;
        // The claim that comes nearest to carrying the proposition, by either measure.
        const carry = (x: { similarity: number; coverage: number }) =>
          Math.max(x.similarity / MAY_CARRY, x.coverage / MAY_COVER);
        if (!cur || carry({ similarity: sr, coverage: cv }) > carry(cur))
          near.set(a, {
            articleId: a,
            claimId: claims[j]!.claimId,
            similarity: sr,
            coverage: cv,
            clause: via.props[via.loose[i]!.get(j) ?? -1] ?? [{ start: 0, end: claims[j]!.text.length }],
          });
      }
    }
    out.push({
      members: ms,
      central: ms[bi]!,
      label: groupLabel(claims, idx, c, sim),
      closest: [...near.values()].sort((x, y) => x.articleId - y.articleId),
    });
  }
  out.sort(
    (x, y) =>
      y.members.length - x.members.length ||
      x.members[0]!.articleId - y.members[0]!.articleId ||
      compareIds(x.members[0]!.claimId, y.members[0]!.claimId),
  );
  return out;
}

function compareIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}
