// Word choice against BASIL's lexical-bias annotations (the dev half in ../shared/data/basil-dev): every import
// file is analysed as `analyze --json --all` does, and the shared script scores the writer-voice markers, all
// types together and the loaded class alone. Used by `npm run eval` (key `lexicalBias`) and the floor test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { analyse } from "#app/analysis/index";
import { allLayers } from "../commands/analyze";
import { readArticleFile } from "./article-file";

export const BASIL_DIR = path.resolve(process.cwd(), "../shared/data/basil-dev");
export const LEXICAL_EVAL_SCRIPT = path.resolve(process.cwd(), "../shared/eval/lexical-bias-eval.mjs");

export interface LexicalScore {
  files: number;
  goldSpans: number;
  spanRecall: number;
  markers: number;
  spanPrecision: number;
  sentence: { precision: number; recall: number; f1: number };
}

export interface LexicalFigures {
  all: LexicalScore;
  loaded: LexicalScore;
  hedge: LexicalScore;
  booster: LexicalScore;
  scareQuote: LexicalScore;
  /** Share of all loaded terms found that stand in quoted speech (not counted for the outlet). */
  quotedLoadedShare: number;
}

/** True when the data and the shared script are both present (they are absent on a user's machine). */
export function haveBasil(dir = BASIL_DIR): boolean {
  return fs.existsSync(path.join(dir, "import")) && fs.existsSync(LEXICAL_EVAL_SCRIPT);
}

/** Writes the predictions of every BASIL import file to `out` (JSON lines, the `analyze --all` shape). */
export function predictBasil(out: string, dir = BASIL_DIR): { quoted: number; loaded: number } {
  const importDir = path.join(dir, "import");
  const lines: string[] = [];
  let quoted = 0;
  let loaded = 0;
  for (const f of fs
    .readdirSync(importDir)
    .filter((x) => x.endsWith(".json"))
    .sort()) {
    const art = readArticleFile(path.join(importDir, f));
    const layers = allLayers(art.text, analyse(art.text));
    for (const m of layers.markers) {
      if (m.type !== "loaded") continue;
      loaded++;
      if (m.voice === "quoted") quoted++;
    }
    lines.push(JSON.stringify({ file: art.name, markers: layers.markers }));
  }
  fs.writeFileSync(out, lines.join("\n") + "\n");
  return { quoted, loaded };
}

function score(pred: string, dir: string, types?: string): LexicalScore {
  const args = [LEXICAL_EVAL_SCRIPT, "--basil", dir, "--pred", pred, "--json"];
  if (types) args.push("--types", types);
  const r = JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" })) as LexicalScore & {
    skipped: number;
  };
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    files: r.files,
    goldSpans: r.goldSpans,
    spanRecall: round(r.spanRecall),
    markers: r.markers,
    spanPrecision: round(r.spanPrecision),
    sentence: { precision: round(r.sentence.precision), recall: round(r.sentence.recall), f1: round(r.sentence.f1) },
  };
}

/** Analyse BASIL dev, score with the shared script, return the figures. */
export function evalLexicalBias(dir = BASIL_DIR): LexicalFigures {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-lexical-"));
  try {
    const pred = path.join(tmp, "pred.jsonl");
    const { quoted, loaded } = predictBasil(pred, dir);
    return {
      all: score(pred, dir),
      loaded: score(pred, dir, "loaded"),
      hedge: score(pred, dir, "hedge"),
      booster: score(pred, dir, "booster"),
      scareQuote: score(pred, dir, "scare_quote"),
      quotedLoadedShare: loaded ? Math.round((quoted * 1000) / loaded) / 1000 : 0,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The `npm run eval` step: prints the figures and returns them for the `lexicalBias` key (null when skipped). */
export function runLexicalEval(): LexicalFigures | null {
  if (!haveBasil()) {
    console.log("BASIL lexical bias: skipped (../shared/data/basil-dev or the shared eval script is absent)");
    return null;
  }
  const f = evalLexicalBias();
  const line = (name: string, s: LexicalScore) =>
    console.log(
      `  ${name.padEnd(12)} span recall ${s.spanRecall.toFixed(3)}  span precision ${s.spanPrecision.toFixed(3)} (${s.markers})  sentence P ${s.sentence.precision.toFixed(3)} R ${s.sentence.recall.toFixed(3)} F1 ${s.sentence.f1.toFixed(3)}`,
    );
  console.log(`BASIL dev lexical bias, writer's voice (${f.all.files} articles, ${f.all.goldSpans} spans):`);
  line("all markers", f.all);
  line("loaded", f.loaded);
  line("hedges", f.hedge);
  line("boosters", f.booster);
  line("scare quotes", f.scareQuote);
  console.log(
    `  ${(100 * f.quotedLoadedShare).toFixed(1)}% of loaded terms stand in quoted speech and are not counted for the outlet`,
  );
  return f;
}
