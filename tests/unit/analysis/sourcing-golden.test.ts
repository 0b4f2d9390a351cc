// Freezes what the sourcing engine finds on the texts the repo ships (tutorial, seed, fixtures): each
// attribution's rule, source, cue and content spans, and the sources with kinds. A restructuring keeps it
// green; a change meant to alter results bumps ENGINE_REVISION and rewrites it (scripts/sourcing-golden.ts).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_FILE, buildGolden, versionGuard, type Golden } from "#tests/utils/sourcing-golden";
import { ENGINE_REVISION, RULES_HASH, SOURCING_LEXICONS } from "#app/analysis/attribution/version";
import { ANALYSER_VERSION } from "#app/analysis/index";

const golden = JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) as { revision: number; texts: Golden };

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
  it("passes the version guard: output unchanged, or changed with a new ENGINE_REVISION and a rewritten snapshot", () => {
    expect(versionGuard(golden, now, ENGINE_REVISION)).toBeNull();
  });
  it("the engine revision, the rules' hash and the engine's lexicons are part of the analyser version", () => {
    expect(ANALYSER_VERSION.split("+")).toEqual(
      expect.arrayContaining([
        `sourcing.${ENGINE_REVISION}`,
        `attribution-rules@${RULES_HASH}`,
        ...SOURCING_LEXICONS.map((l) => `${l.name}@${l.version}`),
      ]),
    );
    expect(RULES_HASH).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("the version guard", () => {
  // A deliberately changed rule: the same engine with "X said (that) …" switched off for this call.
  const changed = buildGolden({ disabled: new Set(["indirect.said-that"]) });
  it("fails a changed rule whose revision was not bumped, saying which version to bump", () => {
    const msg = versionGuard(golden, changed, golden.revision);
    expect(msg).toMatch(
      /ENGINE_REVISION is still \d+: bump ENGINE_REVISION in app\/analysis\/attribution\/version\.ts/,
    );
    expect(msg).toContain("app/demo/tutorial/article-a.txt");
  });
  it("after the bump, still fails until the snapshot is rewritten", () => {
    expect(versionGuard(golden, changed, golden.revision + 1)).toMatch(/rewrite it/);
  });
  it("passes once the snapshot is rewritten with the bumped revision", () => {
    expect(versionGuard({ revision: golden.revision + 1, texts: changed }, changed, golden.revision + 1)).toBeNull();
  });
});
