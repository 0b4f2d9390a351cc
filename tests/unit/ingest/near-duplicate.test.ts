import { describe, expect, it } from "vitest";
import {
  clusterNearDuplicates,
  decodeFingerprint,
  encodeFingerprint,
  findNearDuplicates,
  fingerprint,
  sentenceSpans,
  similarity,
  wordDiff,
  type DiffChange,
} from "#app/ingest/near-duplicate";
import { COASTLINE, HERALD, INDEPENDENT, TRIBUNE, WIRE } from "#tests/fixtures/ingest/wire-copies";

const fp = (t: string) => fingerprint(t);

/** Every span must point at the words it reports, in the text it names. */
function checkSpans(a: string, b: string, changes: DiffChange[]) {
  for (const c of changes) {
    if ("a" in c && (c.kind === "swap" || c.kind === "rewrite")) {
      expect(a.slice(c.a.start, c.a.end)).toBe(c.from);
      expect(b.slice(c.b.start, c.b.end)).toBe(c.to);
    } else if (c.kind === "sentence_removed" || c.kind === "words_removed") {
      expect(a.slice(c.a.start, c.a.end)).toBe(c.text);
    } else if (c.kind === "sentence_added" || c.kind === "words_added") {
      expect(b.slice(c.b.start, c.b.end)).toBe(c.text);
    }
  }
}

describe("near-duplicate detection", () => {
  it("flags the three edited copies of the wire story and not the independent report", () => {
    const wire = fp(WIRE.text);
    const found = findNearDuplicates(
      wire,
      [HERALD, TRIBUNE, COASTLINE, INDEPENDENT].map((c) => ({ id: c.outlet, fingerprint: fp(c.text) })),
    );
    expect(found.map((f) => f.id).sort()).toEqual(["Coastline Daily", "Northgate Herald", "Valley Tribune"]);
    for (const f of found) expect(f.containment).toBeGreaterThan(0.85);
    expect(similarity(wire, fp(INDEPENDENT.text)).containment).toBeLessThan(0.1);
  });

  it("clusters copies together and leaves unrelated texts out", () => {
    const items = [WIRE, HERALD, INDEPENDENT, TRIBUNE, COASTLINE].map((c) => ({
      id: c.outlet,
      fingerprint: fp(c.text),
    }));
    expect(clusterNearDuplicates(items)).toEqual([
      ["Meridian Press Agency", "Northgate Herald", "Valley Tribune", "Coastline Daily"],
    ]);
  });

  it("ignores case, punctuation and whitespace, and is not fooled by short texts", () => {
    const a = fp(WIRE.text);
    const b = fp(WIRE.text.toUpperCase().replace(/, /g, " ").replace(/\n\n/g, "   "));
    expect(similarity(a, b).jaccard).toBe(1);
    expect(findNearDuplicates(fp("Talks begin Monday."), [{ id: 1, fingerprint: fp("Talks begin Monday.") }])).toEqual(
      [],
    );
  });

  it("round-trips a fingerprint through its storage form", () => {
    const a = fp(TRIBUNE.text);
    const back = decodeFingerprint(encodeFingerprint(a));
    expect(back).toEqual(a);
    expect(decodeFingerprint("garbage")).toBeNull();
  });

  it("checks one article against thousands quickly", () => {
    const pool = Array.from({ length: 5000 }, (_, i) => ({
      id: i,
      fingerprint: fp(`${INDEPENDENT.text} Item ${i} of the archive, filed under number ${i * 7}.`),
    }));
    pool.push({ id: -1, fingerprint: fp(HERALD.text) });
    const t = performance.now();
    const found = findNearDuplicates(fp(WIRE.text), pool);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(found.map((f) => f.id)).toEqual([-1]);
  });
});

describe("wordDiff", () => {
  it("reports a label swap with one word of context", () => {
    const d = wordDiff(WIRE.text, HERALD.text);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({
      kind: "swap",
      category: "wording",
      from: "Islamist movement",
      to: "terrorist movement",
    });
    expect(d.summary).toEqual(['Swapped "Islamist movement" → "terrorist movement"']);
    checkSpans(WIRE.text, HERALD.text, d.changes);
  });

  it("reports sentences cut and added", () => {
    const d = wordDiff(WIRE.text, TRIBUNE.text);
    expect(d.changes.map((c) => c.kind)).toEqual(["sentence_removed", "sentence_removed", "sentence_added"]);
    expect(d.summary).toEqual([
      'Cut sentence: "Fighting around Dellmoor has displaced about 40,000 people since March, according to the Northern Relief Office."',
      'Cut sentence: "Aid convoys have reached the town only twice this month."',
      'Added sentence: "Previous talks in Vesk collapsed after two days in 2023."',
    ]);
    checkSpans(WIRE.text, TRIBUNE.text, d.changes);
  });

  it("reports a changed headline verb and inserted words", () => {
    const h = wordDiff(WIRE.title, COASTLINE.title);
    expect(h.changes).toEqual([
      {
        kind: "swap",
        category: "attribution_verb",
        from: "says",
        to: "claims",
        a: { start: 12, end: 16 },
        b: { start: 12, end: 18 },
      },
    ]);
    expect(h.summary).toEqual(['Attribution verb changed: "says" → "claims"']);
    const d = wordDiff(WIRE.text, COASTLINE.text);
    expect(d.changes).toMatchObject([{ kind: "words_added", text: "a small group of" }]);
    checkSpans(WIRE.text, COASTLINE.text, d.changes);
  });

  it("keeps offsets right when whitespace differs and rebuilds both texts from the parts", () => {
    const a = "The council  said on Monday   that talks would resume.\n\nIt ends here.";
    const b = "The council claimed on Monday that talks would resume.";
    const d = wordDiff(a, b);
    expect(d.changes).toEqual([
      {
        kind: "swap",
        category: "attribution_verb",
        from: "said",
        to: "claimed",
        a: { start: 13, end: 17 },
        b: { start: 12, end: 19 },
      },
      { kind: "sentence_removed", text: "It ends here.", a: { start: 56, end: 69 } },
    ]);
    const squash = (s: string) => s.replace(/\s+/g, " ");
    for (const p of d.parts) {
      if (p.a) expect(a.slice(p.a.start, p.a.end)).toBe(p.text);
      if (p.b) expect(squash(b.slice(p.b.start, p.b.end))).toBe(squash(p.text));
    }
    expect(d.stats).toEqual({ sameWords: 8, addedWords: 1, removedWords: 4 });
  });

  it("reports identical texts as unchanged and gives up on very different ones", () => {
    expect(wordDiff(WIRE.text, WIRE.text)).toMatchObject({ comparable: true, changes: [], summary: [] });
    const noise = (seed: number) => Array.from({ length: 6000 }, (_, i) => `w${(i * seed) % 997}`).join(" ");
    const t = performance.now();
    expect(wordDiff(noise(7), noise(13)).comparable).toBe(false);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe("sentenceSpans", () => {
  it("does not split at abbreviations or initials", () => {
    const t =
      "Mr. Malouf met Gen. Redl in Vesk. J. K. Arden said so! Talks begin at 9 a.m. on Monday.\n\nNew paragraph";
    expect(sentenceSpans(t).map((s) => t.slice(s.start, s.end))).toEqual([
      "Mr. Malouf met Gen. Redl in Vesk.",
      "J. K. Arden said so!",
      "Talks begin at 9 a.m. on Monday.",
      "New paragraph",
    ]);
  });

  it("stays linear on long runs of punctuation and abbreviations", () => {
    const t = performance.now();
    sentenceSpans("a" + ".".repeat(200_000) + " B");
    sentenceSpans("Mr. A. B. C. ".repeat(20_000));
    sentenceSpans("\n \t".repeat(60_000));
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
