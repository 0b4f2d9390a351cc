// Stance on the comparison gold's matched cells, in-process: each present gold cell is matched to the app claim whose
// words hold most of its evidence (at least half), as ../shared/eval/comparison-eval.mjs matches them. Used by
// scripts/stance-errors.ts (which lists the errors) and by the stance floor test.
import fs from "node:fs";
import { analyse } from "#app/analysis/index";
import type { ClaimItem } from "#app/analysis/claims";
import {
  COMPARISON_GOLD_DIR,
  COMPARISON_IMPORT_DIR,
  evidenceOverlap,
  readGoldEvents,
  readImportFile,
  type GoldCell,
} from "./comparison-eval";

export interface StanceMatch {
  article: string;
  claimId: string;
  claim: string;
  cell: GoldCell;
  app: ClaimItem;
}

export interface StanceFigures {
  cells: number;
  matched: StanceMatch[];
  right: number;
  deniedMarked: number;
  deniedRight: number;
}

export function stanceGoldPresent(): boolean {
  return fs.existsSync(COMPARISON_GOLD_DIR) && fs.existsSync(COMPARISON_IMPORT_DIR);
}

export function stanceOnGold(): StanceFigures {
  const out: StanceFigures = { cells: 0, matched: [], right: 0, deniedMarked: 0, deniedRight: 0 };
  for (const { gold } of readGoldEvents()) {
    for (const n of Object.keys(gold.articles)) {
      const imp = readImportFile(n);
      const a = analyse(imp.text, { title: imp.title ?? null });
      for (const k of gold.claims) {
        const cell = k.cells[n];
        if (!cell?.present) continue;
        out.cells++;
        let best: ClaimItem | null = null;
        let bestScore = 0;
        for (const c of a.claims) {
          const s = evidenceOverlap(cell.evidence ?? "", c.text);
          if (s > bestScore) [best, bestScore] = [c, s];
        }
        if (!best || bestScore < 0.5) continue;
        out.matched.push({ article: n, claimId: k.id, claim: k.claim, cell, app: best });
        if (best.stance === cell.stance) out.right++;
        if (best.stance === "denied") {
          out.deniedMarked++;
          if (cell.stance === "denied") out.deniedRight++;
        }
      }
    }
  }
  return out;
}
