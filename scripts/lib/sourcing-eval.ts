// Scoring helpers for `npm run eval` and the floor tests: PolNeAR predictions (scored by the shared
// script) and the hand gold of the seed and tutorial articles (matched by content start and source name).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { analyseSourcing } from "#app/analysis/sourcing";
import { normaliseName } from "#app/analysis/sources";

export const SHARED = path.resolve(process.cwd(), "../shared");
export const POLNEAR_DIR = path.join(SHARED, "data/polnear-dev");
export const EVAL_SCRIPT = path.join(SHARED, "eval/attribution-eval.mjs");

export interface PolnearFigures {
  articles: number;
  gold: number;
  predicted: number;
  contentF1At03: number;
  contentF1At08: number;
  endToEndF1At03: number;
  endToEndF1At08: number;
  precisionAt03: number;
  recallAt03: number;
  sourceAccuracy: number;
  cueAccuracy: number;
  wordsPerSecond: number;
}

/** Analyse every PolNeAR dev text, score with the shared script, return the figures. */
export function evalPolnear(dir = POLNEAR_DIR): PolnearFigures {
  const textDir = path.join(dir, "text");
  const files = fs.readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort();
  const lines: string[] = [];
  let ms = 0;
  let words = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(textDir, f), "utf8");
    const t0 = performance.now();
    const r = analyseSourcing(text);
    ms += performance.now() - t0;
    words += text.split(/\s+/).filter(Boolean).length;
    lines.push(JSON.stringify({ file: f, attributions: r.attributions.map((a) => ({ source: a.source, cue: a.cue, content: a.content })) }));
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-eval-"));
  const pred = path.join(tmp, "polnear-pred.jsonl");
  fs.writeFileSync(pred, lines.join("\n") + "\n");
  const out = execFileSync(process.execPath, [EVAL_SCRIPT, "--gold", dir, "--pred", pred, "--json"], { encoding: "utf8" });
  fs.rmSync(tmp, { recursive: true, force: true });
  const [loose, strict] = JSON.parse(out) as {
    articles: number;
    gold: number;
    predicted: number;
    content: { precision: number; recall: number; f1: number };
    sourceAccuracyOnMatched: number;
    cueAccuracyOnMatched: number;
    endToEnd: { f1: number };
  }[];
  return {
    articles: loose!.articles,
    gold: loose!.gold,
    predicted: loose!.predicted,
    contentF1At03: loose!.content.f1,
    contentF1At08: strict!.content.f1,
    endToEndF1At03: loose!.endToEnd.f1,
    endToEndF1At08: strict!.endToEnd.f1,
    precisionAt03: loose!.content.precision,
    recallAt03: loose!.content.recall,
    sourceAccuracy: loose!.sourceAccuracyOnMatched,
    cueAccuracy: loose!.cueAccuracyOnMatched,
    wordsPerSecond: Math.round(words / (ms / 1000)),
  };
}

export interface GoldAttribution {
  id: string;
  source: string | null;
  sourceText?: string | null;
  cue?: string | null;
  contentStart: string;
}

export interface GoldScore {
  total: number;
  found: number;
  foundWithSource: number;
  misses: string[];
}

/** Do two source names denote the same party? Case, diacritics and a surname against a full name are forgiven. */
export function sameSourceName(pred: string | null, gold: string | null): boolean {
  const unnamedGold = !gold || /^\(unnamed/i.test(gold.trim());
  if (unnamedGold) return pred === null || pred.startsWith("(unnamed");
  if (!pred) return false;
  const p = normaliseName(pred).replace(/[^\p{L}\p{N}\s-]/gu, "");
  return gold.split(/;|\+/).some((g0) => {
    const g = normaliseName(g0).replace(/[^\p{L}\p{N}\s-]/gu, "").trim();
    if (!g || /^unnamed/.test(g)) return false;
    if (p === g) return true;
    const pt = p.split(/[\s-]+/).filter(Boolean);
    const gt = g.split(/[\s-]+/).filter(Boolean);
    const tail = (a: string[], b: string[]) => b.length > 0 && b.length <= a.length && b.every((w, i) => a[a.length - b.length + i] === w);
    return tail(pt, gt) || tail(gt, pt) || (pt.length > 1 && gt.length > 1 && pt[pt.length - 1] === gt[gt.length - 1]);
  });
}

/** Score one article against hand gold: content found (covers the gold content start) and with the right source. */
export function scoreGoldArticle(text: string, gold: GoldAttribution[]): GoldScore {
  const r = analyseSourcing(text);
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  let found = 0;
  let withSource = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const at = text.indexOf(g.contentStart);
    if (at < 0) {
      misses.push(`${g.id}: content start not in text`);
      continue;
    }
    const gs = { start: at, end: at + g.contentStart.length };
    const cands = r.attributions.filter((a) =>
      a.content.some((c) => Math.min(c.end, gs.end) - Math.max(c.start, gs.start) >= (gs.end - gs.start) / 2),
    );
    if (!cands.length) {
      misses.push(`${g.id}: not found (${g.contentStart.slice(0, 50)})`);
      continue;
    }
    found++;
    const ok = cands.some((a) => {
      const ent = a.sourceKey ? byKey.get(a.sourceKey) : undefined;
      const name = ent ? (ent.named ? ent.name : `(unnamed ${ent.name})`) : null;
      return sameSourceName(name, g.source);
    });
    if (ok) withSource++;
    else
      misses.push(
        `${g.id}: source ${cands.map((a) => (a.sourceKey ? byKey.get(a.sourceKey)?.name : "none")).join("/")} ≠ gold ${g.source}`,
      );
  }
  return { total: gold.length, found, foundWithSource: withSource, misses };
}
