// The golden snapshot of the sourcing engine: every attribution's rule, source, cue and content spans
// (and the sources with kinds) on the tutorial texts, the seed article and the fixture articles.
// `npx tsx scripts/sourcing-golden.ts --write` rewrites it; a change to it needs an engine revision bump.
import fs from "node:fs";
import path from "node:path";
import { analyseSourcing } from "#app/analysis/sourcing";

export const GOLDEN_FILE = path.resolve("tests/fixtures/golden/sourcing.json");

/** The texts the snapshot covers, by a stable name; all ship with the repo. */
export function goldenTexts(): { name: string; text: string }[] {
  const dirs = ["app/demo/tutorial", "tests/fixtures/articles"];
  const out: { name: string; text: string }[] = [];
  for (const d of dirs) {
    for (const f of fs.readdirSync(path.resolve(d)).filter((x) => x.endsWith(".txt")).sort()) {
      out.push({ name: `${d}/${f}`, text: fs.readFileSync(path.resolve(d, f), "utf8") });
    }
  }
  out.push({ name: "app/demo/seed-article.txt", text: fs.readFileSync(path.resolve("app/demo/seed-article.txt"), "utf8") });
  return out;
}

const piece = (text: string, s: { start: number; end: number } | null) => (s ? `${s.start}-${s.end} ${text.slice(s.start, s.end)}` : null);

/** One text's snapshot: plain JSON, readable in a diff. */
export function snapshotOf(text: string) {
  const r = analyseSourcing(text);
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
  };
}

export function buildGolden(): Record<string, ReturnType<typeof snapshotOf>> {
  const out: Record<string, ReturnType<typeof snapshotOf>> = {};
  for (const { name, text } of goldenTexts()) out[name] = snapshotOf(text);
  return out;
}
