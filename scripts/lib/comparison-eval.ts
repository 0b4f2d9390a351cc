// The comparison gold (BASIL dev: 12 events, three outlets each): each event's comparison is built in a throwaway
// database with the `cli compare` code path, exported with the export code, and scored by the shared script.
// `npm run eval` calls evalComparisons(); `tsx scripts/lib/comparison-eval.ts [--verbose]` runs it alone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { prepareDatabase } from "#db/prepare";
import { bundleFile, buildComparisonExport } from "#app/models/export.server";
import { buildComparison } from "../commands/compare";
import { analyse } from "#app/analysis/index";
import { compareArticles, type CompareInput } from "#app/compare/compare";

const SHARED = path.resolve(process.cwd(), "../shared");
export const COMPARISON_GOLD_DIR = path.join(SHARED, "gold/basil-dev");
export const COMPARISON_IMPORT_DIR = path.join(SHARED, "data/basil-dev/import");
export const COMPARISON_EVAL_SCRIPT = path.join(SHARED, "eval/comparison-eval.mjs");

export interface ComparisonFigures {
  events: number;
  cellRecall: number | null;
  stanceAccuracy: number | null;
  /** Of the cells the app marks denied (matched to gold cells), the share gold marks denied. */
  deniedPrecision: number | null;
  deniedCount: number;
  groupRecall: number | null;
  groupPrecision: number | null;
  lacksPrecision: number | null;
  lacksRecall: number | null;
  sourcesRecall: number | null;
  sources: ComparisonSourceFigures;
  stanceConfusion: Record<string, number>;
  /** "Claims the focal article lacks" as listed (each article focal in turn): listed that gold says are absent. */
  listedLacksPrecision: number | null;
  listedLacksRecall: number | null;
  listedLacks: number;
}

/** The source layer of the comparison gold (issue 12's targets: kind accuracy ≥ 0.85, splits ≤ 1.1, recall ≥ 0.9). */
export interface ComparisonSourceFigures {
  /** Named gold sources. */
  goldNamed: number;
  /** Named gold sources with at least one matching app source. */
  namedFound: number | null;
  /** Matching app sources whose kind equals the gold kind. */
  kindAccuracy: number | null;
  /** Matching app sources whose named flag equals the gold one. */
  namedAccuracy: number | null;
  /** App sources per matched gold source (1 is ideal). */
  perGoldSource: number | null;
  /** App sources that match some gold source. */
  precision: number | null;
}

function sourceFigures(s: ScriptOutput["sources"]): ComparisonSourceFigures {
  return {
    goldNamed: s.goldNamed ?? 0,
    namedFound: s.recall,
    kindAccuracy: s.kindAccuracy ?? null,
    namedAccuracy: s.namedAccuracy ?? null,
    perGoldSource: s.splits ?? null,
    precision: s.precision ?? null,
  };
}

/** The line `npm run eval` prints for the source layer. */
export function formatSourceFigures(s: ComparisonSourceFigures): string {
  return `  sources (${s.goldNamed} named in gold): named found ${f3(s.namedFound)}, kind accuracy ${f3(s.kindAccuracy)}, named accuracy ${f3(s.namedAccuracy)}, app sources per gold source ${f3(s.perGoldSource)}, precision ${f3(s.precision)}`;
}

export function comparisonGoldPresent(): boolean {
  return (
    fs.existsSync(COMPARISON_GOLD_DIR) && fs.existsSync(COMPARISON_IMPORT_DIR) && fs.existsSync(COMPARISON_EVAL_SCRIPT)
  );
}

/** Builds the bundles into `outDir` (one per gold event); returns their paths. */
export async function buildGoldBundles(outDir: string, log: (m: string) => void = () => {}): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-compare-eval-"));
  const db = await prepareDatabase({ url: `file:${path.join(work, "eval.db")}`, seed: false });
  const written: string[] = [];
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const events = fs
      .readdirSync(COMPARISON_GOLD_DIR)
      .filter((f) => f.endsWith(".gold.json"))
      .sort();
    for (const f of events) {
      const event = f.replace(/\.gold\.json$/, "");
      const files = [1, 2, 3]
        .map((n) => path.join(COMPARISON_IMPORT_DIR, `${event}_${n}.json`))
        .filter((p) => fs.existsSync(p));
      if (files.length < 2) {
        log(`${event}: import files missing, skipped`);
        continue;
      }
      const r = await buildComparison(db, files, { name: `BASIL ${event}` });
      if (!r.ok) {
        log(`${event}: ${r.failed.map((x) => `${x.input}: ${x.reason}`).join("; ")}`);
        continue;
      }
      const exp = await buildComparisonExport(db, r.id, { source: "comparison eval", now: new Date(0) });
      if (!exp) continue;
      const p = path.join(outDir, `${event}.json`);
      fs.writeFileSync(p, bundleFile(exp).body);
      written.push(p);
    }
  } finally {
    db.$client.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return written;
}

interface ScriptOutput {
  events: number;
  sources: {
    recall: number | null;
    goldNamed?: number;
    kindAccuracy?: number | null;
    namedAccuracy?: number | null;
    splits?: number | null;
    precision?: number | null;
  };
  claims: {
    cellRecall: number | null;
    stanceAccuracy: number | null;
    groupRecall: number | null;
    groupPrecision: number | null;
    lacksPrecision: number | null;
    lacksRecall: number | null;
    stanceConfusion: Record<string, number>;
  };
}

// The shared script's matching of gold cells to app claims (by evidence words), for the listed-omissions figure.
const STOP = new Set(
  (
    "a an the and or but of to in on at by for with from as is are was were be been being that this these those it its " +
    "he she they them his her their we our you your i me my not no said says say told also has have had will would could should may " +
    "might can did do does than then there here which who whom what when where while after before about into over under more most " +
    "mr mrs ms dr"
  ).split(" "),
);
const contentWords = (s: string) =>
  (
    (s || "")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? []
  )
    .map((w) => w.replace(/'s$/, ""))
    .filter((w) => w.length > 2 && !STOP.has(w));
/** Share of the gold evidence's content words found in a text: how the shared script matches gold cells to claims. */
export function evidenceOverlap(evidence: string, text: string): number {
  const e = contentWords(evidence);
  if (!e.length) return 0;
  const t = new Set(contentWords(text));
  return e.filter((w) => t.has(w)).length / e.length;
}

/** One outlet's cell of a gold claim. */
export interface GoldCell {
  present: boolean;
  stance?: string;
  source?: string | null;
  evidence?: string;
}

/** A gold event: its articles (import file names) and its key claims with each article's cell. */
export interface GoldEvent {
  articles: Record<string, unknown>;
  claims: { id: string; claim: string; cells: Record<string, GoldCell> }[];
}

/** Every gold event of the comparison gold, in file-name order. */
export function readGoldEvents(): { file: string; gold: GoldEvent }[] {
  return fs
    .readdirSync(COMPARISON_GOLD_DIR)
    .filter((x) => x.endsWith(".gold.json"))
    .sort()
    .map((file) => ({
      file,
      gold: JSON.parse(fs.readFileSync(path.join(COMPARISON_GOLD_DIR, file), "utf8")) as GoldEvent,
    }));
}

/** An event's import file (the text as the eval imports it). */
export function readImportFile(name: string): { title?: string; text: string; outlet?: string; url?: string } {
  return JSON.parse(fs.readFileSync(path.join(COMPARISON_IMPORT_DIR, name), "utf8")) as {
    title?: string;
    text: string;
    outlet?: string;
    url?: string;
  };
}

/**
 * "Claims the focal article lacks" as the comparison page lists them (`focalLacks`), each article of each gold event
 * focal in turn: of the gold claims other articles carry, those listed as lacking against those gold marks absent.
 * Analysed in-process (the same analyse() and compareArticles() the app runs).
 */
export function evalListedLacks(): { precision: number | null; recall: number | null; listed: number; absent: number } {
  let listed = 0;
  let absent = 0;
  let both = 0;
  for (const { gold } of readGoldEvents()) {
    const names = Object.keys(gold.articles).filter((n) => fs.existsSync(path.join(COMPARISON_IMPORT_DIR, n)));
    if (names.length < 2) continue;
    const inputs: CompareInput[] = names.map((n, i) => {
      const imp = readImportFile(n);
      return {
        id: i + 1,
        title: imp.title ?? n,
        outlet: imp.outlet ?? null,
        url: imp.url ?? null,
        published: null,
        analysis: analyse(imp.text, { title: imp.title ?? null }),
        text: imp.text,
      };
    });
    // Each present gold cell's app claim, as the shared script matches it.
    const appClaim = new Map<string, string>();
    for (const k of gold.claims) {
      names.forEach((n, i) => {
        const cell = k.cells[n];
        if (!cell?.present) return;
        let best: string | null = null;
        let bestScore = 0;
        for (const c of inputs[i]!.analysis.claims) {
          const sc = evidenceOverlap(cell.evidence ?? "", c.text);
          if (sc > bestScore) [best, bestScore] = [c.id, sc];
        }
        if (best && bestScore >= 0.5) appClaim.set(`${k.id}|${i + 1}`, best);
      });
    }
    for (let fi = 0; fi < names.length; fi++) {
      const cmp = compareArticles(inputs, { focalId: fi + 1 });
      const lacks = new Set<string>();
      for (const g of cmp.claimGroups)
        if (g.focalLacks) for (const c of g.cells) lacks.add(`${c.articleId}|${c.claimId}`);
      for (const k of gold.claims) {
        const ms = names.map((_, i) => i + 1).filter((a) => a !== fi + 1 && appClaim.has(`${k.id}|${a}`));
        if (!ms.length) continue;
        const goldLacks = !k.cells[names[fi]!]?.present;
        const appLacks = ms.some((a) => lacks.has(`${a}|${appClaim.get(`${k.id}|${a}`)}`));
        if (goldLacks) absent++;
        if (appLacks) listed++;
        if (goldLacks && appLacks) both++;
      }
    }
  }
  return { precision: listed ? both / listed : null, recall: absent ? both / absent : null, listed, absent };
}

/** Builds every gold event's comparison, scores it with the shared script, returns the figures. */
export async function evalComparisons(
  opts: { verbose?: boolean; log?: (m: string) => void } = {},
): Promise<ComparisonFigures> {
  const bundles = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-bundles-"));
  try {
    await buildGoldBundles(bundles, opts.log);
    const args = [
      COMPARISON_EVAL_SCRIPT,
      "--gold",
      COMPARISON_GOLD_DIR,
      "--import",
      COMPARISON_IMPORT_DIR,
      "--bundles",
      bundles,
    ];
    if (opts.verbose)
      process.stderr.write(
        execFileSync(process.execPath, [...args, "--verbose"], { encoding: "utf8", maxBuffer: 64 << 20 }),
      );
    const out = JSON.parse(
      execFileSync(process.execPath, [...args, "--json"], { encoding: "utf8", maxBuffer: 64 << 20 }),
    ) as ScriptOutput;
    const conf = out.claims.stanceConfusion ?? {};
    let deniedApp = 0;
    let deniedOk = 0;
    for (const [k, v] of Object.entries(conf)) {
      const [gold, app] = k.split("->");
      if (app === "denied") {
        deniedApp += v;
        if (gold === "denied") deniedOk += v;
      }
    }
    const listed = evalListedLacks();
    return {
      events: out.events,
      cellRecall: out.claims.cellRecall,
      stanceAccuracy: out.claims.stanceAccuracy,
      deniedPrecision: deniedApp ? deniedOk / deniedApp : null,
      deniedCount: deniedApp,
      groupRecall: out.claims.groupRecall,
      groupPrecision: out.claims.groupPrecision,
      lacksPrecision: out.claims.lacksPrecision,
      lacksRecall: out.claims.lacksRecall,
      sourcesRecall: out.sources.recall,
      sources: sourceFigures(out.sources),
      stanceConfusion: conf,
      listedLacksPrecision: listed.precision,
      listedLacksRecall: listed.recall,
      listedLacks: listed.listed,
    };
  } finally {
    fs.rmSync(bundles, { recursive: true, force: true });
  }
}

const f3 = (x: number | null) => (x == null ? "n/a" : x.toFixed(3));

/** The lines `npm run eval` prints. */
export function formatComparisonFigures(f: ComparisonFigures): string {
  return [
    `comparison gold (BASIL dev, ${f.events} events): claim cells found ${f3(f.cellRecall)}, stance accuracy ${f3(f.stanceAccuracy)}, denied precision ${f3(f.deniedPrecision)} (${f.deniedCount} marked)`,
    `  grouping recall ${f3(f.groupRecall)} / precision ${f3(f.groupPrecision)}, lacks precision ${f3(f.lacksPrecision)} / recall ${f3(f.lacksRecall)} (not in the claim's group)`,
    `  claims the focal article lacks, as listed: precision ${f3(f.listedLacksPrecision)} / recall ${f3(f.listedLacksRecall)} (${f.listedLacks} listed, each article focal in turn)`,
    `  stance confusion (gold->app): ${Object.entries(f.stanceConfusion)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
    formatSourceFigures(f.sources),
  ].join("\n");
}

/** The figures as eval-results.json keeps them for the methods page (`comparison.*`; the confusion table stays out). */
export interface ComparisonResults {
  events: number;
  claimCellRecall: number | null;
  stanceAccuracy: number | null;
  deniedPrecision: number | null;
  deniedMarked: number;
  groupingRecall: number | null;
  groupingPrecision: number | null;
  lacksPrecision: number | null;
  lacksRecall: number | null;
  listedLacksPrecision: number | null;
  listedLacksRecall: number | null;
  sources: ComparisonSourceFigures;
}

/** For `npm run eval`: the figures printed and returned, or null (with a message) when the gold is absent. */
export async function runComparisonEval(): Promise<ComparisonResults | null> {
  if (!comparisonGoldPresent()) {
    console.log(
      "comparison gold: skipped (../shared/gold/basil-dev, ../shared/data/basil-dev or the shared eval script is absent)",
    );
    return null;
  }
  console.error("comparison gold: building 12 comparisons with `cli compare`…");
  const f = await evalComparisons({ log: (m) => console.error(`  ${m}`) });
  console.log(formatComparisonFigures(f));
  return {
    events: f.events,
    claimCellRecall: f.cellRecall,
    stanceAccuracy: f.stanceAccuracy,
    deniedPrecision: f.deniedPrecision,
    deniedMarked: f.deniedCount,
    groupingRecall: f.groupRecall,
    groupingPrecision: f.groupPrecision,
    lacksPrecision: f.lacksPrecision,
    lacksRecall: f.lacksRecall,
    listedLacksPrecision: f.listedLacksPrecision,
    listedLacksRecall: f.listedLacksRecall,
    sources: f.sources,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!comparisonGoldPresent()) {
    console.log("comparison gold absent");
  } else {
    const keep = process.argv.includes("--keep") ? process.argv[process.argv.indexOf("--keep") + 1] : null;
    if (keep) await buildGoldBundles(keep);
    const f = await evalComparisons({ verbose: process.argv.includes("--verbose"), log: (m) => console.error(m) });
    console.log(formatComparisonFigures(f));
  }
}
