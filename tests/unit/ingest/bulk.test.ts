import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BULK_LIMITS,
  readImportInputs,
  parseBulkFile,
  parseBulkFiles,
  parseBulkText,
  readBulkPath,
  resolveInside,
  safeRelativeName,
  type BulkItem,
} from "#app/ingest/bulk.server";

const enc = (s: string) => new TextEncoder().encode(s);
const ok = (items: BulkItem[]) => items.filter((i): i is Extract<BulkItem, { ok: true }> => i.ok);
const failed = (items: BulkItem[]) => items.filter((i): i is Extract<BulkItem, { ok: false }> => !i.ok);

const STORY = [
  "Harbour fees to rise in Fernvale",
  "",
  "The Fernvale harbour board agreed on Wednesday to raise mooring fees by a tenth from January, saying the money was needed for dredging.",
  "",
  "Fishing families said the rise would fall hardest on small boats, and asked the board to phase it in over two years.",
].join("\n");

describe("tables", () => {
  it("reads a TSV coverage list with a url column", () => {
    const tsv = [
      "id\tevent\tdate\toutlet\tcountry\tkind\tlanguage\ttitle\turl",
      "1\tFerry vote\t2025-04-14\tFernvale Courier\tNowhere\tnewspaper\ten\tCouncil approves ferry\thttps://courier.example/ferry?utm_source=x",
      "2\tFerry vote\t2025-04\tTessaly Times\tNowhere\tnews site\ten\tIsland reacts\thttps://times.example/island",
      "3\tFerry vote\t2025-04-14/15\tQuay Radio\tNowhere\tradio\ten\tVote delayed?\thttps://radio.example/vote",
      "4\tFerry vote\tundated\tBlog\tNowhere\tblog\ten\tNo link\tnot-a-url",
      "",
    ].join("\n");
    const r = parseBulkText("coverage.tsv", tsv);
    expect(r.format).toBe("tsv");
    expect(r.errors).toEqual([]);
    expect(ok(r.items).map((i) => i.record)).toEqual([
      {
        url: "https://courier.example/ferry?utm_source=x",
        title: "Council approves ferry",
        outlet: "Fernvale Courier",
        published: "2025-04-14",
        language: "en",
      },
      {
        url: "https://times.example/island",
        title: "Island reacts",
        outlet: "Tessaly Times",
        published: "2025-04",
        language: "en",
      },
      {
        url: "https://radio.example/vote",
        title: "Vote delayed?",
        outlet: "Quay Radio",
        published: "2025-04-14",
        language: "en",
      },
    ]);
    expect(ok(r.items)[2]!.warnings[0]).toMatch(/date range/);
    expect(failed(r.items)).toEqual([
      { ok: false, input: "coverage.tsv row 5", reason: expect.stringMatching(/“not-a-url” is not a web address/) },
    ]);
  });

  it("reads a CSV with quoted fields and Media Cloud column names", () => {
    const csv =
      'stories_id,publish_date,title,url,media_name\n17,2025-05-02 08:15:00,"Bridge opens, finally",https://oasis.example/bridge,"The Oasis, Daily"\n';
    const r = parseBulkFile("export.csv", enc(csv));
    expect(ok(r.items)[0]!.record).toEqual({
      url: "https://oasis.example/bridge",
      title: "Bridge opens, finally",
      outlet: "The Oasis, Daily",
      published: new Date("2025-05-02 08:15:00").toISOString(),
    });
  });

  it("explains a table without a url column and survives broken quoting", () => {
    const r = parseBulkText("list.csv", "name,when\nFerry,today\n");
    expect(r.items).toEqual([]);
    expect(r.errors[0]).toBe(
      '“list.csv” has no url column (its columns: name, when). Add a column named "url" with one web address per row.',
    );
    const broken = parseBulkText("broken.csv", 'url,title\nhttps://a.example/1,"unclosed\nhttps://a.example/2,fine\n');
    expect(broken.errors).toEqual([]);
    expect(broken.items.length).toBeGreaterThan(0);
    expect(failed(broken.items)[0]?.reason).toMatch(/could not be read/);
  });

  it("decodes Windows-1252 exports and refuses binary files", () => {
    const bytes = Uint8Array.from([...enc("url,title\nhttps://a.example/1,Caf"), 0xe9, 0x0a]);
    expect(ok(parseBulkFile("old.csv", bytes).items)[0]!.record.title).toBe("Café");
    const bin = parseBulkFile("data.csv", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    expect(bin.errors[0]).toMatch(/not a text file/);
    expect(parseBulkFile("empty.tsv", new Uint8Array()).errors[0]).toBe("“empty.tsv” is empty.");
    expect(parseBulkFile("report.pdf", enc("%PDF")).errors[0]).toMatch(/not a file Parallax can import/);
  });
});

describe("JSON and JSONL", () => {
  it("reads one record, a list, or a wrapped list", () => {
    const rec = {
      title: "Harbour fees to rise",
      url: "https://courier.example/fees",
      outlet: "Fernvale Courier",
      published: "2025-06-01",
      text: "Para one.\r\n\r\nPara two.",
    };
    expect(ok(parseBulkText("one.json", JSON.stringify(rec)).items)[0]!.record).toEqual({
      ...rec,
      text: "Para one.\n\nPara two.",
    });
    expect(parseBulkText("list.json", JSON.stringify([rec, rec])).items).toHaveLength(2);
    expect(parseBulkText("wrapped.json", JSON.stringify({ records: [rec] })).items).toHaveLength(1);
    // A text without a URL is a paste; a record with neither is an error.
    const mixed = parseBulkText(
      "mixed.json",
      JSON.stringify([{ title: "Only text", text: "Some words here." }, { title: "Nothing" }, 42, { url: ["x"] }]),
    );
    expect(mixed.items.map((i) => i.ok)).toEqual([true, false, false, false]);
    expect(failed(mixed.items).map((i) => i.reason)).toEqual([
      "Mixed.json record 2 has neither a url nor a text.",
      'Mixed.json record 3 is not a record like {"url": "https://…"} or {"title": "…", "text": "…"}.',
      "Mixed.json record 4 has neither a url nor a text.",
    ]);
  });

  it("explains invalid JSON", () => {
    const r = parseBulkText("bad.json", '{"title": "x",');
    expect(r.errors[0]).toMatch(/^“bad\.json” is not valid JSON \(.+\)\. Use one record, a list of records, or JSONL/);
  });

  it("reads JSONL line by line; a bad line fails alone", () => {
    const jsonl = [
      '{"url":"https://a.example/1","title":"One"}',
      "{oops",
      "",
      '{"url":"https://a.example/2","title":"Two"}',
    ].join("\n");
    const r = parseBulkText("items.jsonl", jsonl);
    expect(r.items.map((i) => i.input)).toEqual(["items.jsonl line 1", "items.jsonl line 2", "items.jsonl line 4"]);
    expect(failed(r.items)[0]!.reason).toMatch(/^Line 2 is not valid JSON/);
    // Without an extension the format is sniffed.
    expect(parseBulkText("upload", jsonl).format).toBe("jsonl");
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.constantFrom("a.csv", "a.tsv", "a.json", "a.jsonl", "a"),
        (s, name) => {
          const r = parseBulkText(name, s);
          expect(Array.isArray(r.items)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("files, folders and archives", () => {
  let dir: string;
  let outside: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "parallax-bulk-"));
    outside = await mkdtemp(path.join(os.tmpdir(), "parallax-outside-"));
    await writeFile(path.join(outside, "secret.txt"), STORY.replace("Harbour fees", "Secret"));
    await writeFile(path.join(dir, "a-fees.txt"), STORY);
    await writeFile(
      path.join(dir, "b-notes.md"),
      `# Mooring fees debate\n\nThe **harbour board** met on [Wednesday](https://courier.example/x).\n\n- Fees rise by a tenth from January for all moorings in the old harbour.\n`,
    );
    await writeFile(
      path.join(dir, "c-page.html"),
      `<html><head><title>Dredging plan</title><meta property="og:site_name" content="Quay Radio"></head><body><article><h1>Dredging plan</h1><p>${"The harbour board published its dredging plan for the outer channel on Thursday. ".repeat(
        4,
      )}</p></article></body></html>`,
    );
    await writeFile(path.join(dir, "d-photo.png"), Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(path.join(dir, ".hidden.txt"), STORY);
    await mkdir(path.join(dir, "more"));
    await writeFile(path.join(dir, "more", "e-list.jsonl"), '{"url":"https://a.example/9"}\n');
    await symlink(path.join(outside, "secret.txt"), path.join(dir, "f-link.txt"));
    await symlink(outside, path.join(dir, "g-linked-dir"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it("reads a folder of .txt, .md and .html files without following links out of it", async () => {
    const r = await readBulkPath(dir);
    expect(r.format).toBe("folder");
    expect(r.errors).toEqual([]);
    const byInput = Object.fromEntries(r.items.map((i) => [i.input, i]));
    expect(Object.keys(byInput).sort()).toEqual(
      ["a-fees.txt", "b-notes.md", "c-page.html", "d-photo.png", "more/e-list.jsonl line 1"].sort(),
    );
    const txt = byInput["a-fees.txt"]!;
    expect(txt.ok && txt.record.title).toBe("Harbour fees to rise in Fernvale");
    expect(txt.ok && txt.record.text?.startsWith("The Fernvale harbour board agreed")).toBe(true);
    const md = byInput["b-notes.md"]!;
    expect(md.ok && md.record.text).not.toMatch(/\*\*|\]\(|^- /m);
    const html = byInput["c-page.html"]!;
    expect(html.ok && html.record).toMatchObject({ title: "Dredging plan", outlet: "Quay Radio" });
    expect(byInput["d-photo.png"]).toMatchObject({ ok: false, reason: expect.stringMatching(/^Skipped/) });
    expect(JSON.stringify(r)).not.toMatch(/Secret/);
  });

  it("takes CLI arguments: URLs and paths, in order, a bad one failing alone", async () => {
    const r = await readImportInputs([
      "https://courier.example/a",
      path.join(dir, "a-fees.txt"),
      "ftp://x.example/f",
      path.join(dir, "missing.csv"),
    ]);
    expect(r.items.map((i) => [i.input, i.ok])).toEqual([
      ["https://courier.example/a", true],
      ["a-fees.txt", true],
      ["ftp://x.example/f", false],
      [path.join(dir, "missing.csv"), false],
    ]);
    expect(r.items[0]).toMatchObject({ record: { url: "https://courier.example/a" } });
  });

  it("reads a single file path and explains a missing one", async () => {
    const r = await readBulkPath(path.join(dir, "a-fees.txt"));
    expect(r.format).toBe("txt");
    expect(r.items).toHaveLength(1);
    expect((await readBulkPath(path.join(dir, "nope.tsv"))).errors[0]).toMatch(/^No file or folder at/);
  });

  it("keeps upload names inside: traversal segments are dropped, never resolved", () => {
    expect(safeRelativeName("../../etc/passwd")).toBe("etc/passwd");
    expect(safeRelativeName("C:\\Users\\..\\..\\win.ini")).toBe("Users/win.ini");
    expect(safeRelativeName("/abs/./x.txt")).toBe("abs/x.txt");
    expect(safeRelativeName("../..")).toBe("unnamed");
    const root = path.join(os.tmpdir(), "uploads");
    for (const evil of ["../../etc/passwd", "..\\..\\x", "/etc/shadow", "a/../../b", "\0../x"]) {
      const p = resolveInside(root, evil)!;
      expect(p.startsWith(root + path.sep)).toBe(true);
    }
    // An uploaded name is a label only: the file's own bytes are parsed, nothing is read from disk.
    const r = parseBulkFile("../../etc/passwd.txt", enc(STORY));
    expect(r.items[0]).toMatchObject({ ok: true, input: "etc/passwd.txt" });
    const folder = parseBulkFiles([
      { name: "../../up/a.txt", bytes: enc(STORY) },
      { name: "up/b.exe", bytes: enc("MZ") },
    ]);
    expect(folder.items.map((i) => [i.input, i.ok])).toEqual([
      ["up/a.txt", true],
      ["up/b.exe", false],
    ]);
  });

  it("reads a zip of files with hostile names and refuses zip bombs", () => {
    const zip = zipSync({
      "../../evil.txt": strToU8(STORY),
      "__MACOSX/._x.txt": strToU8("junk"),
      "list.csv": strToU8("url\nhttps://a.example/1\n"),
    });
    const r = parseBulkFile("upload.zip", zip);
    expect(r.format).toBe("zip");
    expect(r.items.map((i) => i.input).sort()).toEqual(["upload.zip/evil.txt", "upload.zip/list.csv row 2"]);
    const limit = BULK_LIMITS.maxZipBytes;
    BULK_LIMITS.maxZipBytes = 1024 * 1024;
    try {
      const bomb = zipSync({ "big.txt": new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
      expect(bomb.length).toBeLessThan(20_000);
      expect(parseBulkFile("bomb.zip", bomb).errors[0]).toMatch(/unpacks to more than 1 MB/);
    } finally {
      BULK_LIMITS.maxZipBytes = limit;
    }
    expect(parseBulkFile("junk.zip", enc("PK\u0003\u0004 not really")).errors[0]).toMatch(/not a readable zip/);
  });
});
