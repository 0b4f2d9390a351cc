// The `analyze` command's contract: one JSON line per good file, offsets into the text as read,
// bad files reported on stderr with a non-zero exit while the others are still processed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../../scripts/commands/analyze";
import { captureCli } from "#tests/utils/capture-cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-analyze-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const body = "“The mill stays open,” Mayor Ilsa Brandt said. According to the union, 300 jobs are at risk.";
fs.writeFileSync(path.join(dir, "a.txt"), body);
fs.writeFileSync(
  path.join(dir, "b.json"),
  JSON.stringify({
    title: "T",
    url: "https://example.test/a",
    outlet: "The Saltmere Post",
    published: "2026-01-02",
    text: body,
  }),
);
fs.writeFileSync(path.join(dir, "bad.json"), "{not json");
fs.writeFileSync(path.join(dir, "shape.json"), JSON.stringify({ title: "no text" }));

const capture = (argv: string[]) => captureCli(run, argv);

describe("cli analyze", () => {
  it("prints one JSON line per file with offsets into the text", async () => {
    const { code, out } = await capture(["--json", path.join(dir, "a.txt"), path.join(dir, "b.json")]);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual(["a.txt", "b.json"]);
    for (const l of lines) {
      expect(l.attributions.length).toBeGreaterThanOrEqual(2);
      for (const a of l.attributions) {
        for (const k of ["source", "cue", "content"] as const)
          if (a[k]) expect(body.slice(a[k].start, a[k].end)).toBe(a[k].text);
        expect(Object.keys(a)).toEqual(
          expect.arrayContaining([
            "kind",
            "source",
            "cue",
            "content",
            "canonicalSource",
            "sourceKind",
            "affiliation",
            "cueStance",
            "rule",
          ]),
        );
      }
    }
    const q = lines[0].attributions.find((a: { rule: string }) => a.rule === "quote.source-cue-after");
    expect(q.canonicalSource).toBe("Ilsa Brandt");
    expect(q.kind).toBe("direct");
  });

  it("reports bad files on stderr, exits non-zero and still processes the rest", async () => {
    const { code, out, err } = await capture([
      "--json",
      path.join(dir, "missing.txt"),
      path.join(dir, "bad.json"),
      path.join(dir, "shape.json"),
      path.join(dir, "a.txt"),
    ]);
    expect(code).not.toBe(0);
    expect(err).toMatch(/missing\.txt: no such file/);
    expect(err).toMatch(/bad\.json: not valid JSON/);
    expect(err).toMatch(/shape\.json: expected a JSON object/);
    expect(out.trim().split("\n")).toHaveLength(1);
  });

  it("prints a readable summary without --json", async () => {
    const { code, out } = await capture([path.join(dir, "a.txt")]);
    expect(code).toBe(0);
    expect(out).toMatch(/a\.txt: \d+ attributions/);
    expect(out).toMatch(/Ilsa Brandt/);
  });
});
