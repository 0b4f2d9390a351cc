import { strToU8, zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { BULK_LIMITS, parseBulkFile, unzipLimited } from "#app/ingest/bulk.server";
import { readUpload, stripMarkdown } from "#app/ingest/upload.server";

/**
 * The attack from the red-team review: one deflated stream of zeros, and a central directory with `copies`
 * entries that all point at it and declare a small size. A reader that trusts the directory inflates the
 * stream once per entry.
 */
function overlappingBomb(copies: number, zeros: number): Uint8Array {
  const one = zipSync({ "a.txt": new Uint8Array(zeros) }, { level: 9 });
  const view = new DataView(one.buffer, one.byteOffset, one.byteLength);
  const eocd = one.length - 22;
  expect(view.getUint32(eocd, true)).toBe(0x06054b50);
  const cdOffset = view.getUint32(eocd + 16, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const entry = one.subarray(cdOffset, cdOffset + cdSize);
  const out = new Uint8Array(cdOffset + cdSize * copies + 22);
  out.set(one.subarray(0, cdOffset), 0);
  for (let i = 0; i < copies; i++) {
    out.set(entry, cdOffset + i * cdSize);
    // Each entry declares an innocent original size of 1 KB.
    new DataView(out.buffer).setUint32(cdOffset + i * cdSize + 24, 1024, true);
  }
  const end = new DataView(out.buffer, cdOffset + cdSize * copies);
  out.set(one.subarray(eocd, eocd + 22), cdOffset + cdSize * copies);
  end.setUint16(8, copies, true);
  end.setUint16(10, copies, true);
  end.setUint32(12, cdSize * copies, true);
  return out;
}

describe("hostile archives", () => {
  test("5,000 entries pointing at one 16 MB stream: refused after inflating a few MB, in bounded time", () => {
    const bomb = overlappingBomb(5000, 16 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    const r = parseBulkFile("coverage.zip", bomb);
    const ms = performance.now() - t0;
    expect(r.items).toEqual([]);
    expect(r.errors[0]).toMatch(/unpacks to over 100 times its packed size/);
    expect(ms).toBeLessThan(3000);
  }, 30_000);

  test("the total of what is really inflated is capped, whatever the entries declare", () => {
    // Ordinary-looking text (low ratio) in many entries: the running total stops it.
    const files: Record<string, Uint8Array> = {};
    const line = strToU8(Array.from({ length: 40_000 }, (_, i) => `${(i * 7919) % 100_003} `).join(""));
    for (let i = 0; i < 12; i++) files[`part-${i}.txt`] = line;
    const limits = { ...BULK_LIMITS, maxZipBytes: 1024 * 1024 };
    const r = unzipLimited(zipSync(files), limits);
    expect(r).toMatchObject({ error: "size" });
  });

  test("more entries than the limit are refused", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= BULK_LIMITS.maxFolderFiles; i++) files[`f${i}.txt`] = strToU8("x");
    expect(parseBulkFile("many.zip", zipSync(files, { level: 0 })).errors[0]).toMatch(/5000 files/);
  });

  test("a truncated archive is unreadable, not half-imported", () => {
    const zip = zipSync({ "story.txt": strToU8("A fictional story about a harbour in Velmora. ".repeat(2000)) });
    expect(parseBulkFile("cut.zip", zip.subarray(0, Math.floor(zip.length / 2))).errors[0]).toMatch(
      /not a readable zip/,
    );
  });
});

describe("Markdown in linear time", () => {
  test.each([
    ["unclosed brackets", "[".repeat(2 * 1024 * 1024)],
    ["nested emphasis", "*".repeat(1024 * 1024) + "a" + "*".repeat(1024 * 1024)],
  ])(
    "2 MB of %s: converted in bounded time",
    (_, md) => {
      const t0 = performance.now();
      stripMarkdown(md);
      // The old regular expressions took 7.4 s over 160 KB and grew with the square of the length.
      expect(performance.now() - t0).toBeLessThan(20_000);
    },
    40_000,
  );

  test("markup goes, words stay", () => {
    expect(
      stripMarkdown(
        "# Head\n\nSome **bold** and _it_ [link](http://x.test) text ![pic](p.png).\n\n> quoted\n\n- one\n- two\n\n```\ncode()\n```",
      ),
    ).toBe("Head\n\nSome bold and it link text .\n\nquoted\n\none\ntwo");
  });
});

describe("legacy encodings", () => {
  test.each([
    [
      "Windows-1252",
      new Uint8Array([
        ...strToU8("Caf"),
        0xe9,
        ...strToU8(" owner Ren"),
        0xe9,
        ...strToU8(" said the \u0093plan\u0094 worked. ".replace(/[\u0093\u0094]/g, "")),
        0x93,
        ...strToU8("ok"),
        0x94,
      ]),
    ],
    [
      "UTF-16LE with BOM",
      new Uint8Array([
        0xff,
        0xfe,
        ...Array.from("Café owner René said the plan worked.").flatMap((c) => [
          c.charCodeAt(0) & 0xff,
          c.charCodeAt(0) >> 8,
        ]),
      ]),
    ],
  ])(".txt in %s is read, not refused as binary", (_, bytes) => {
    const r = readUpload("story.txt", bytes);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.text).toContain("René said");
  });
});
