import { describe, expect, test } from "vitest";
import { cleanText, normaliseText } from "#app/ingest/clean-text";
import { looksBinary, readUpload, stripMarkdown } from "#app/ingest/upload.server";

const BODY = [
  "The fictional city of Ardmoor opened its new tram line on Sunday, the transport office said.",
  'Riders queued from dawn. "It is faster than the bus," said Leni Ostrova, a teacher.',
];

describe("page chrome", () => {
  test("outlet line, headline, breadcrumb, trailing list and byline are kept out of the body", () => {
    const raw = [
      "Ardmoor Daily Lantern",
      "",
      "Trams return to Ardmoor",
      "",
      "YOU ARE IN: Home > City > Transport",
      "",
      ...BODY.flatMap((p) => [p, ""]),
      "Jorun Halde",
      "",
      "Most recent items in: Transport",
    ].join("\n");
    const r = cleanText(raw);
    expect(r.text).toBe(BODY.join("\n\n"));
    expect(r).toMatchObject({
      outlet: "Ardmoor Daily Lantern",
      title: "Trams return to Ardmoor",
      author: "Jorun Halde",
    });
    expect(r.removed.map((x) => x.as)).toEqual(["outlet", "title", "chrome", "chrome", "byline"]);
  });

  test("hints are matched whatever the case and punctuation", () => {
    const raw = ["ARDMOOR DAILY LANTERN", "Trams return to Ardmoor!", ...BODY].join("\n\n");
    const r = cleanText(raw, { outlet: "Ardmoor Daily Lantern", title: "Trams return to Ardmoor" });
    expect(r.text).toBe(BODY.join("\n\n"));
  });

  test("a leading 'By' line is a byline", () => {
    const r = cleanText(["By Mira Santesson", ...BODY].join("\n\n"), { title: "Trams" });
    expect(r.author).toBe("Mira Santesson");
    expect(r.text).toBe(BODY.join("\n\n"));
  });

  test("plain body text is left alone", () => {
    const r = cleanText(BODY.join("\n\n"), { title: "Given" });
    expect(r.text).toBe(BODY.join("\n\n"));
    expect(r.removed).toEqual([]);
  });

  test("line endings, control characters and runs of blank lines are normalised", () => {
    expect(normaliseText("\uFEFFa\r\nb\u0007\r\n\r\n\r\n\r\nc  ")).toBe("a\nb\n\nc");
  });
});

describe("uploads", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  test("binary content is detected", () => {
    expect(looksBinary(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x05, 0x06]))).toBe(true);
    // A UTF-16 byte-order mark before an odd number of bytes is no text either.
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0xfd]))).toBe(true);
    expect(looksBinary(enc("Plain words, ‘curly’ quotes and émigré accents."))).toBe(false);
  });

  test("markdown loses its markup, not its words", () => {
    expect(stripMarkdown("# Head\n\nSome **bold** and _it_ [link](http://x.test) text.\n\n> quoted")).toBe(
      "Head\n\nSome bold and it link text.\n\nquoted",
    );
  });

  test("an upload with a path in its name is read by its base name only", () => {
    const r = readUpload("../../etc/passwd", enc("root:x:0:0"));
    expect(r).toEqual({ ok: false, reason: "“passwd” is not a .txt, .md or .html file." });
  });

  test("a .md upload yields clean text and a headline", () => {
    const r = readUpload("story.md", enc(["# Trams return to Ardmoor", ...BODY].join("\n\n")));
    expect(r.ok && r.title).toBe("Trams return to Ardmoor");
    expect(r.ok && r.text).toBe(BODY.join("\n\n"));
  });
});
