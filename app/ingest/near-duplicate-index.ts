import { isNearDuplicate, similarity, type Fingerprint, type Similarity } from "./near-duplicate";

// The most recent articles' fingerprints as one inverted index: every (shingle, article) pair in a sorted array.
// A new text looks up each of its shingles (a binary search each) and counts, per article, the shingles they
// share: the same exact figures as `similarity` against each one, without merging it with thousands of texts in
// turn (that merge grew with the library, up to 70 ms an import). Articles added since the last rebuild are
// compared one by one; every `rebuildEvery` additions they join the index and the oldest beyond `capacity` leave.

export interface IndexMatch extends Similarity {
  id: number;
}

export class NearDuplicateIndex {
  private hashes = new Uint32Array(0);
  /** The slot (position in `ids`) of each entry of `hashes`. */
  private slots = new Int32Array(0);
  /** Indexed articles, oldest first: their ids and shingle counts, by slot. */
  private ids: number[] = [];
  private sizes: number[] = [];
  /** Added since the last rebuild, oldest first. */
  private pending: { id: number; fp: Fingerprint }[] = [];

  constructor(
    readonly capacity: number,
    private readonly rebuildEvery = 256,
  ) {}

  get size(): number {
    return Math.min(this.capacity, this.ids.length + this.pending.length);
  }

  /** Adds articles, in ascending id order (the newest last). */
  add(items: Iterable<{ id: number; fp: Fingerprint }>): void {
    for (const it of items) this.pending.push(it);
    if (this.pending.length >= this.rebuildEvery) this.rebuild();
  }

  /** Articles among the `capacity` most recent that are near-duplicates of `fp` (every one, unordered). */
  match(fp: Fingerprint, exclude?: number): IndexMatch[] {
    const out: IndexMatch[] = [];
    const pendingKept = Math.min(this.pending.length, this.capacity);
    // Only the newest `capacity` count: the oldest indexed slots may be beyond it until the next rebuild.
    const firstSlot = Math.max(0, this.ids.length - (this.capacity - pendingKept));
    if (this.ids.length > firstSlot) {
      const counts = new Int32Array(this.ids.length);
      const { hashes, slots } = this;
      for (const h of fp.shingles) {
        let lo = 0;
        let hi = hashes.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (hashes[mid]! < h) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < hashes.length && hashes[k] === h; k++) counts[slots[k]!]!++;
      }
      const x = fp.shingles.length;
      for (let s = firstSlot; s < counts.length; s++) {
        const shared = counts[s]!;
        if (shared === 0 || this.ids[s] === exclude) continue;
        // The same arithmetic as `similarity`, so the figures are identical.
        const y = this.sizes[s]!;
        const union = x + y - shared;
        const smaller = Math.min(x, y);
        const sim = { jaccard: union ? shared / union : 0, containment: smaller ? shared / smaller : 0, shared };
        if (isNearDuplicate(sim)) out.push({ id: this.ids[s]!, ...sim });
      }
    }
    for (const p of this.pending.slice(this.pending.length - pendingKept)) {
      if (p.id === exclude) continue;
      const sim = similarity(fp, p.fp);
      if (isNearDuplicate(sim)) out.push({ id: p.id, ...sim });
    }
    return out;
  }

  /** Folds the pending articles into the index and drops the oldest beyond `capacity`. */
  private rebuild(): void {
    const all = this.ids.length + this.pending.length;
    const drop = Math.max(0, all - this.capacity);
    const dropIndexed = Math.min(drop, this.ids.length);
    const newPending = this.pending.slice(drop - dropIndexed);
    // The kept indexed entries, slots renumbered from 0 (already sorted by hash).
    let keptCount = 0;
    for (let k = 0; k < this.slots.length; k++) if (this.slots[k]! >= dropIndexed) keptCount++;
    const ids = this.ids.slice(dropIndexed);
    const sizes = this.sizes.slice(dropIndexed);
    // The pending entries, sorted by hash then slot.
    let extra = 0;
    for (const p of newPending) extra += p.fp.shingles.length;
    const pairs: Array<[number, number]> = new Array(extra);
    let n = 0;
    for (const p of newPending) {
      const slot = ids.length;
      ids.push(p.id);
      sizes.push(p.fp.shingles.length);
      for (const h of p.fp.shingles) pairs[n++] = [h, slot];
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const hashes = new Uint32Array(keptCount + extra);
    const slots = new Int32Array(keptCount + extra);
    let i = 0;
    let j = 0;
    let o = 0;
    const old = { h: this.hashes, s: this.slots };
    const nextOld = () => {
      while (i < old.s.length && old.s[i]! < dropIndexed) i++;
    };
    nextOld();
    while (i < old.s.length || j < pairs.length) {
      const takeOld = j >= pairs.length || (i < old.s.length && old.h[i]! <= pairs[j]![0]);
      if (takeOld) {
        hashes[o] = old.h[i]!;
        slots[o++] = old.s[i]! - dropIndexed;
        i++;
        nextOld();
      } else {
        hashes[o] = pairs[j]![0];
        slots[o++] = pairs[j]![1];
        j++;
      }
    }
    this.hashes = hashes;
    this.slots = slots;
    this.ids = ids;
    this.sizes = sizes;
    this.pending = [];
  }
}
