import { describe, expect, it } from "vitest";
import { isNearDuplicate, similarity, type Fingerprint } from "#app/ingest/near-duplicate";
import { NearDuplicateIndex } from "#app/ingest/near-duplicate-index";
import { COASTLINE, HERALD, INDEPENDENT, TRIBUNE, WIRE } from "#tests/fixtures/ingest/wire-copies";
import { fingerprint } from "#app/ingest/near-duplicate";

// Fingerprints drawn from a small pool of shingles, so that many pairs share enough to be near-duplicates.
function randomFingerprints(n: number, seed: number): Fingerprint[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0), s / 2 ** 32);
  return Array.from({ length: n }, () => {
    const base = Math.floor(rand() * 4) * 1000;
    const size = 10 + Math.floor(rand() * 120);
    const set = new Set<number>();
    while (set.size < size) set.add(rand() < 0.8 ? base + Math.floor(rand() * 150) : Math.floor(rand() * 2 ** 32));
    return { shingles: Uint32Array.from(set).sort(), words: size + 4 };
  });
}

/** What the index must give: a comparison with each of the `capacity` most recent, one by one. */
function byScan(items: { id: number; fp: Fingerprint }[], fp: Fingerprint, capacity: number) {
  return items
    .slice(-capacity)
    .map((it) => ({ id: it.id, ...similarity(fp, it.fp) }))
    .filter((m) => isNearDuplicate(m));
}

const sorted = <T extends { id: number }>(xs: T[]) => [...xs].sort((a, b) => a.id - b.id);

describe("the near-duplicate index", () => {
  it("finds exactly the articles a scan of the most recent ones finds, with the same figures, across rebuilds and evictions", () => {
    const fps = randomFingerprints(400, 7);
    const index = new NearDuplicateIndex(120, 32);
    const added: { id: number; fp: Fingerprint }[] = [];
    let compared = 0;
    for (let i = 0; i < fps.length; i++) {
      const fp = fps[i]!;
      const want = byScan(added, fp, 120);
      expect(sorted(index.match(fp))).toEqual(sorted(want));
      compared += want.length;
      // Added one at a time and, now and then, several at once (as rows read from the database are).
      const item = { id: 10 + i * 3, fp };
      added.push(item);
      index.add([item]);
    }
    // The pool makes many pairs near-duplicates: the comparison above was not of empty lists.
    expect(compared).toBeGreaterThan(1000);
    expect(index.size).toBe(120);
  });

  it("leaves out the excluded article and counts wire copies as the pairwise comparison does", () => {
    const texts = [WIRE, HERALD, TRIBUNE, INDEPENDENT, COASTLINE];
    const index = new NearDuplicateIndex(5000, 2);
    index.add(texts.map((t, i) => ({ id: i + 1, fp: fingerprint(t.text) })));
    const wire = fingerprint(WIRE.text);
    const got = sorted(index.match(wire, 1));
    const want = texts
      .map((t, i) => ({ id: i + 1, ...similarity(wire, fingerprint(t.text)) }))
      .filter((m) => m.id !== 1 && isNearDuplicate(m));
    expect(got).toEqual(sorted(want));
    expect(got.length).toBeGreaterThan(0);
    expect(got.some((m) => m.id === 1)).toBe(false);
  });
});
