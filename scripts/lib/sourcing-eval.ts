// Scoring helpers for `npm run eval` and the floor tests: PolNeAR predictions (scored by the shared
// script) and the hand gold of the seed and tutorial articles (matched by content start and source name).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { analyseSourcing, type SourcingResult } from "#app/analysis/sourcing";
import { normaliseName } from "#app/analysis/sources";
import { countWords } from "#app/analysis/nlp";

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

export const POLNEAR_TRAIN_DIR = path.join(SHARED, "data/polnear-train");

interface PredLine {
  file: string;
  attributions: { source: unknown; cue: unknown; content: unknown; rule: string }[];
}

interface ScorerFigures {
  articles: number;
  gold: number;
  predicted: number;
  content: { precision: number; recall: number; f1: number };
  sourceAccuracyOnMatched: number;
  cueAccuracyOnMatched: number;
  endToEnd: { f1: number };
}

/**
 * The PolNeAR adapter: PolNeAR's scheme annotates refusals given with a verb ("declined to comment", "did not
 * respond") and the writer's impressions ("it seems") as attributions, so the asides the app shows apart are
 * scored as attributions here; "could not be reached", which the scheme leaves out, is not.
 */
export function polnearAttributions(r: SourcingResult): PredLine["attributions"] {
  return [
    ...r.attributions,
    ...r.asides.filter((x) => x.rule !== "nocomment.unreachable").map((x) => ({ ...x, source: x.who })),
  ]
    .sort((p, q) => p.content[0]!.start - q.content[0]!.start || (p.cue?.start ?? 0) - (q.cue?.start ?? 0))
    .map((a) => ({ source: a.source, cue: a.cue, content: a.content, rule: a.rule }));
}

/** Analyse every text of a PolNeAR split (rules can be switched off for the run). */
function analyseSplit(
  dir: string,
  disabled: ReadonlySet<string> = new Set(),
): { lines: PredLine[]; ms: number; words: number } {
  const textDir = path.join(dir, "text");
  const files = fs
    .readdirSync(textDir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const lines: PredLine[] = [];
  let ms = 0;
  let words = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(textDir, f), "utf8");
    const t0 = performance.now();
    const r = analyseSourcing(text, undefined, { disabled });
    ms += performance.now() - t0;
    words += countWords(text);
    lines.push({
      file: f,
      attributions: polnearAttributions(r),
    });
  }
  return { lines, ms, words };
}

/** Score predictions with the shared script: [loose (0.3), strict (0.8)]. */
function score(dir: string, lines: PredLine[]): [ScorerFigures, ScorerFigures] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-eval-"));
  const pred = path.join(tmp, "polnear-pred.jsonl");
  fs.writeFileSync(
    pred,
    lines
      .map((l) =>
        JSON.stringify({
          file: l.file,
          attributions: l.attributions.map(({ source, cue, content }) => ({ source, cue, content })),
        }),
      )
      .join("\n") + "\n",
  );
  const out = execFileSync(process.execPath, [EVAL_SCRIPT, "--gold", dir, "--pred", pred, "--json"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  fs.rmSync(tmp, { recursive: true, force: true });
  return JSON.parse(out) as [ScorerFigures, ScorerFigures];
}

export interface RuleFigures {
  rule: string;
  /** Attributions the rule made on the split. */
  count: number;
  /** Share of them whose content overlaps a gold attribution's by 0.3 or more (the rule's attributions scored alone). */
  precisionAt03: number | null;
}

/** Per rule id: how many attributions it made on a split and their precision at content overlap 0.3. */
export function perRulePolnear(dir = POLNEAR_TRAIN_DIR): RuleFigures[] {
  const { lines } = analyseSplit(dir);
  const counts = new Map<string, number>();
  for (const l of lines) for (const a of l.attributions) counts.set(a.rule, (counts.get(a.rule) ?? 0) + 1);
  return [...counts.keys()].sort().map((rule) => {
    const only = lines.map((l) => ({ file: l.file, attributions: l.attributions.filter((a) => a.rule === rule) }));
    const [loose] = score(dir, only);
    return { rule, count: counts.get(rule)!, precisionAt03: loose.predicted ? loose.content.precision : null };
  });
}

/** Analyse every text of a PolNeAR split (dev unless told), score with the shared script, return the figures. */
export function evalPolnear(dir = POLNEAR_DIR, disabled: ReadonlySet<string> = new Set()): PolnearFigures {
  const { lines, ms, words } = analyseSplit(dir, disabled);
  const [loose, strict] = score(dir, lines);
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
    const g = normaliseName(g0)
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .trim();
    if (!g || /^unnamed/.test(g)) return false;
    if (p === g) return true;
    const pt = p.split(/[\s-]+/).filter(Boolean);
    const gt = g.split(/[\s-]+/).filter(Boolean);
    const tail = (a: string[], b: string[]) =>
      b.length > 0 && b.length <= a.length && b.every((w, i) => a[a.length - b.length + i] === w);
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
