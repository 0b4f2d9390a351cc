// The golden snapshot of the sourcing engine: every attribution's rule, source, cue and content spans
// (and the sources with kinds) on the tutorial texts, the seed article and the fixture articles.
// `npx tsx scripts/sourcing-golden.ts --write` rewrites it; a change to it needs an engine revision bump.
import fs from "node:fs";
import path from "node:path";
import { analyseSourcing } from "#app/analysis/sourcing";
import type { FindOptions } from "#app/analysis/attribution";

export const GOLDEN_FILE = path.resolve("tests/fixtures/golden/sourcing.json");

/** The texts the snapshot covers, by a stable name; all ship with the repo. */
export function goldenTexts(): { name: string; text: string }[] {
  const dirs = ["app/demo/tutorial", "tests/fixtures/articles"];
  const out: { name: string; text: string }[] = [];
  for (const d of dirs) {
    for (const f of fs
      .readdirSync(path.resolve(d))
      .filter((x) => x.endsWith(".txt"))
      .sort()) {
      out.push({ name: `${d}/${f}`, text: fs.readFileSync(path.resolve(d, f), "utf8") });
    }
  }
  out.push({
    name: "app/demo/seed-article.txt",
    text: fs.readFileSync(path.resolve("app/demo/seed-article.txt"), "utf8"),
  });
  return out;
}

const piece = (text: string, s: { start: number; end: number } | null) =>
  s ? `${s.start}-${s.end} ${text.slice(s.start, s.end)}` : null;

/** One text's snapshot: plain JSON, readable in a diff. */
export function snapshotOf(text: string, options: FindOptions = {}) {
  const r = analyseSourcing(text, undefined, options);
  return {
    attributions: r.attributions.map((a) => ({
      rule: a.rule,
      kind: a.kind,
      source: piece(text, a.source),
      sourceKey: a.sourceKey,
      cue: piece(text, a.cue),
      content: a.content.map((c) => `${c.start}-${c.end}`),
    })),
    sources: r.sources.map((s) => `${s.key} | ${s.name} | ${s.kind}${s.affiliation ? ` | ${s.affiliation}` : ""}`),
    asides: r.asides.map((x) => `${x.type} | ${x.rule} | ${piece(text, x.who)} | ${x.whoName} | ${piece(text, x.cue)}`),
  };
}

export type Golden = Record<string, ReturnType<typeof snapshotOf>>;

export function buildGolden(options: FindOptions = {}): Golden {
  const out: Golden = {};
  for (const { name, text } of goldenTexts()) out[name] = snapshotOf(text, options);
  return out;
}

/**
 * The version guard: null when the stored snapshot matches what the engine finds now under the same
 * revision; otherwise what to do. Output that changes under an unchanged revision would leave stored
 * analyses stale for ever, so that case names the number to bump.
 */
export function versionGuard(
  stored: { revision: number; texts: Golden },
  now: Golden,
  revision: number,
): string | null {
  const changed = Object.keys({ ...stored.texts, ...now }).filter(
    (k) => JSON.stringify(stored.texts[k]) !== JSON.stringify(now[k]),
  );
  if (changed.length && stored.revision === revision)
    return `The sourcing engine's output changed (${changed.join(", ")}) but ENGINE_REVISION is still ${revision}: bump ENGINE_REVISION in app/analysis/attribution/version.ts to ${revision + 1}, then rewrite the snapshot with \`npx tsx scripts/sourcing-golden.ts --write\`.`;
  if (changed.length || stored.revision !== revision)
    return `The golden snapshot was made with ENGINE_REVISION ${stored.revision}, the engine is at ${revision}: review the changes and rewrite it with \`npx tsx scripts/sourcing-golden.ts --write\`.`;
  return null;
}
