// `analyze --json --all`: every layer of the analysis on one line per file, with offsets into the text as read;
// without --all the output stays what it was (the attributions contract).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../../scripts/commands/analyze";
import { captureCli } from "#tests/utils/capture-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-analyze-all-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const body =
  "The Korvath Front, a militant group, blasted the council on Monday. " +
  "“This is a disgraceful sham,” Mayor Ilsa Brandt said. According to officials, the depot was closed.";
fs.writeFileSync(path.join(dir, "a.txt"), body);

const capture = (argv: string[]) => captureCli(run, argv);

describe("cli analyze --json --all", () => {
  it("adds markers (with voice), claims, sources and descriptors, with offsets into the text", async () => {
    const { code, out } = await capture(["--json", "--all", path.join(dir, "a.txt")]);
    expect(code).toBe(0);
    const line = JSON.parse(out.trim());
    expect(Object.keys(line)).toEqual(["file", "attributions", "markers", "claims", "sources", "descriptors"]);
    for (const m of line.markers) {
      expect(Object.keys(m)).toEqual(["type", "start", "end", "text", "lexiconEntry", "rule", "voice"]);
      expect(body.slice(m.start, m.end)).toBe(m.text);
    }
    const byText = Object.fromEntries(line.markers.map((m: { text: string; voice: string }) => [m.text, m.voice]));
    expect(byText).toMatchObject({ blasted: "writer", disgraceful: "quoted", sham: "quoted" });
    for (const c of line.claims) {
      expect(Object.keys(c)).toEqual(["start", "end", "text", "stance"]);
      expect(body.slice(c.start, c.end)).toBe(c.text);
    }
    expect(line.claims.length).toBeGreaterThan(0);
    expect(line.sources.map((s: { name: string }) => s.name)).toContain("Ilsa Brandt");
    for (const s of line.sources) expect(Object.keys(s)).toEqual(["name", "kind", "affiliation", "named"]);
    expect(line.descriptors.length).toBeGreaterThan(0);
    for (const d of line.descriptors) {
      expect(Object.keys(d)).toEqual(["actor", "start", "end", "text", "labelClass"]);
      expect(body.slice(d.start, d.end)).toBe(d.text);
    }
  });

  it("keeps the output without --all as it was, and refuses --all without --json", async () => {
    const plain = JSON.parse((await capture(["--json", path.join(dir, "a.txt")])).out.trim());
    expect(Object.keys(plain)).toEqual(["file", "attributions"]);
    const all = JSON.parse((await capture(["--json", "--all", path.join(dir, "a.txt")])).out.trim());
    expect(all.attributions).toEqual(plain.attributions);
    const bad = await capture(["--all", path.join(dir, "a.txt")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--all needs --json/);
  });
});
