// Freezes what the sourcing engine finds on the texts the repo ships (tutorial, seed, fixtures): each
// attribution's rule, source, cue and content spans, and the sources with kinds. A restructuring keeps it
// green; a change meant to alter results bumps ENGINE_REVISION and rewrites it (scripts/sourcing-golden.ts).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_FILE, buildGolden } from "#tests/utils/sourcing-golden";
import { ENGINE_REVISION } from "#app/analysis/attribution/version";

const golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) as { revision: number; texts: ReturnType<typeof buildGolden> };

describe("sourcing golden snapshot", () => {
  const now = buildGolden();
  it("covers the tutorial, the seed article and every fixture article", () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(golden.texts).sort());
    expect(Object.keys(now).length).toBeGreaterThanOrEqual(10);
  });
  for (const name of Object.keys(golden.texts)) {
    it(`finds the same attributions and sources in ${name}`, () => {
      expect(now[name]).toEqual(golden.texts[name]);
    });
  }
  it("was written with the current engine revision", () => {
    expect(golden.revision, "the snapshot is from another ENGINE_REVISION: rewrite it with `npx tsx scripts/sourcing-golden.ts --write`").toBe(ENGINE_REVISION);
  });
});
