// Claim alignment: TF-IDF vectors over claim terms (stems, actor keys, numbers), cosine similarity through an
// inverted index, and single-link grouping of claims from different articles above a threshold.
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
}

export interface AlignedGroup {
  members: GroupMember[];
  /** The most central member (its text gives the group label). */
  central: GroupMember;
  label: string;
}

export interface AlignOptions {
  /** Cosine similarity at or above which two claims of different articles say the same thing. */
  threshold?: number;
}

export const ALIGN_THRESHOLD = 0.3;
const MIX = 0.5;

/** Cosine of TF-IDF vectors mixed with the IDF-weighted overlap coefficient (a short claim inside a long sentence). */
function similarity(cosine: number, overlap: number): number {
  return (1 - MIX) * cosine + MIX * overlap;
}

const CLAUSE_WORDS = new Set(["which", "who", "while", "because", "although", "though", "after", "before", "when", "whereas", "but", "as", "since", "despite"]);

/** A short label: a text of at most `maxWords` words as it is; a longer one cut at its first clause boundary after five words. */
export function clauseLabel(text: string, maxWords = 14): string {
  const t = text.replace(/\s+/g, " ").trim().replace(/^["“”‘’']+|["“”‘’']+$/g, "");
  const tokens = t.split(" ");
  if (tokens.length <= maxWords) return t;
  for (let i = 4; i < maxWords; i++) {
    const w = tokens[i]!;
    const nx = tokens[i + 1] ?? "";
    if (/[,;:]$/.test(w)) return tokens.slice(0, i + 1).join(" ").replace(/[,;:]$/, "") + "…";
    if (/^[—–-]$/.test(nx) || nx.startsWith("(") || CLAUSE_WORDS.has(nx.toLowerCase())) return tokens.slice(0, i + 1).join(" ") + "…";
  }
  return tokens.slice(0, maxWords).join(" ").replace(/[,;:]$/, "") + "…";
}

/** Groups claims that say the same thing across articles; every claim ends in exactly one group. */
export function alignClaims(claims: AlignClaim[], opts: AlignOptions = {}): AlignedGroup[] {
  const threshold = opts.threshold ?? ALIGN_THRESHOLD;
  const n = claims.length;
  const vocab = new Map<string, number>();
  const tfs: Map<number, number>[] = claims.map((c) => {
    const m = new Map<number, number>();
    for (const t of c.terms) {
      let id = vocab.get(t);
      if (id === undefined) vocab.set(t, (id = vocab.size));
      m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  });
  const df = new Float64Array(vocab.size);
  for (const m of tfs) for (const id of m.keys()) df[id]!++;
  // Unit TF-IDF vectors and postings.
  const vecs: { ids: number[]; w: number[]; total: number }[] = [];
  const postings: { doc: number; w: number; r: number }[][] = Array.from({ length: vocab.size }, () => []);
  tfs.forEach((m, i) => {
    const ids: number[] = [];
    const w: number[] = [];
    const raw: number[] = [];
    let norm = 0;
    let total = 0;
    for (const [id, tf] of m) {
      const idf = Math.log(1 + n / df[id]!);
      const x = (1 + Math.log(tf)) * idf;
      ids.push(id);
      w.push(x);
      raw.push(idf);
      norm += x * x;
      total += idf;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) {
      w[k]! /= norm;
      postings[ids[k]!]!.push({ doc: i, w: w[k]!, r: raw[k]! });
    }
    vecs.push({ ids, w, total });
  });

  // Pairs across articles above the threshold.
  const pairs: { a: number; b: number; s: number }[] = [];
  const acc = new Float64Array(n);
  const shared = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = vecs[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      for (const p of postings[v.ids[k]!]!) {
        if (p.doc <= i || claims[p.doc]!.articleId === claims[i]!.articleId) continue;
        if (acc[p.doc] === 0) touched.push(p.doc);
        acc[p.doc]! += v.w[k]! * p.w;
        shared[p.doc]! += p.r;
      }
    }
    for (const j of touched) {
      const s = similarity(acc[j]!, shared[j]! / (Math.min(v.total, vecs[j]!.total) || 1));
      if (s >= threshold) pairs.push({ a: i, b: j, s });
      acc[j] = 0;
      shared[j] = 0;
    }
    touched.length = 0;
  }
  pairs.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);

  // Single-link grouping, strongest pairs first; a group keeps at most one claim per article.
  const parent = Array.from({ length: n }, (_, i) => i);
  const articlesOf = new Map<number, Set<number>>();
  claims.forEach((c, i) => articlesOf.set(i, new Set([c.articleId])));
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const sa = articlesOf.get(ra)!;
    const sb = articlesOf.get(rb)!;
    let clash = false;
    for (const x of sb) if (sa.has(x)) clash = true;
    if (clash) continue;
    parent[rb] = ra;
    for (const x of sb) sa.add(x);
    articlesOf.delete(rb);
  }
  // A claim left alone joins the group of its best partner even when that group already holds a claim of its
  // article (articles repeat a claim: the lead and a later paragraph).
  const best = new Map<number, { j: number; s: number }>();
  for (const p of pairs) {
    for (const [x, y] of [[p.a, p.b], [p.b, p.a]] as const) if (!best.has(x)) best.set(x, { j: y, s: p.s });
  }
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    if (sizes.get(find(i)) !== 1) continue;
    const b = best.get(i);
    if (b && (sizes.get(find(b.j)) ?? 0) > 1) parent[i] = find(b.j);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(i);
    groups.set(r, g);
  }
  const out: AlignedGroup[] = [];
  for (const idx of groups.values()) {
    // Mean similarity to the other members through the group's summed vector: v·(Σv − v) / (g − 1), unit vectors.
    const sum = new Map<number, number>();
    for (const i of idx) {
      const v = vecs[i]!;
      for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k]!, (sum.get(v.ids[k]!) ?? 0) + v.w[k]!);
    }
    const members: GroupMember[] = idx.map((i) => {
      let c = 1;
      if (idx.length > 1) {
        const v = vecs[i]!;
        let d = 0;
        let self = 0;
        for (let k = 0; k < v.ids.length; k++) {
          d += v.w[k]! * sum.get(v.ids[k]!)!;
          self += v.w[k]! * v.w[k]!;
        }
        c = (d - self) / (idx.length - 1);
      }
      return { articleId: claims[i]!.articleId, claimId: claims[i]!.claimId, centrality: Math.round(c * 1000) / 1000 };
    });
    let best = 0;
    members.forEach((m, k) => {
      if (m.centrality > members[best]!.centrality) best = k;
    });
    const central = members[best]!;
    out.push({ members, central, label: clauseLabel(claims[idx[best]!]!.text) });
  }
  // Groups carried by more articles first, then by text order of their first member.
  out.sort((x, y) => y.members.length - x.members.length || x.members[0]!.articleId - y.members[0]!.articleId || compareIds(x.members[0]!.claimId, y.members[0]!.claimId));
  return out;
}

function compareIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}
