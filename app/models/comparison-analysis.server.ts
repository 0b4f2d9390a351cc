import { compareArticles, type Comparison } from "#app/compare/compare";
import { moveClaims } from "#app/compare/corrections";
import type { ArticleAnalysis } from "#app/analysis/index";
import type { Db } from "#app/utils/db.server";
import { getAnalyses } from "./analyses.server";
import type { ArticleWithOutlet } from "./articles.server";
import { getComparison, getComparisonRevision, type ComparisonDetail } from "./comparisons.server";
import { applyStoredCorrections, type CorrectionsApplied } from "./corrections.server";

export interface AnalysedComparison {
  detail: ComparisonDetail;
  /** Current analyses by article id (computed on demand where the background pass has not reached them). */
  analyses: Map<number, ArticleAnalysis>;
  /** The pure comparison over the chosen articles (all members unless `articleIds` narrows it). */
  comparison: Comparison | null;
  articles: ArticleWithOutlet[];
  /** People's corrections, applied: `analyses` above are the corrected ones; the machine's are kept here. */
  corrections: CorrectionsApplied;
}

/**
 * Everything the dashboard, the exports and the CLI need for one comparison, from one place:
 * its members, their analyses and the comparison structure that every chart and table reads.
 */
export async function loadAnalysedComparison(
  db: Db,
  id: number,
  opts: { articleIds?: number[]; coder?: string | null } = {},
): Promise<AnalysedComparison | null> {
  const detail = await getComparison(db, id);
  if (!detail) return null;
  const articles = opts.articleIds ? detail.articles.filter((a) => opts.articleIds!.includes(a.id)) : detail.articles;
  const machine = await getAnalyses(
    db,
    articles.map((a) => a.id),
  );
  // Corrections hook (issue 17): one coder's (all coders' when null) corrections on top of the machine's output.
  const corrections = await applyStoredCorrections(db, articles, machine, { coder: opts.coder });
  const analyses = corrections.analyses;
  const inputs = articles
    .filter((a) => analyses.has(a.id))
    .map((a) => ({
      id: a.id,
      title: a.title,
      outlet: a.outletName,
      url: a.url,
      published: a.published,
      analysis: analyses.get(a.id)!,
      text: a.text,
    }));
  const focalId = detail.comparison.focalArticleId ?? inputs[0]?.id ?? 0;
  const machineComparison = inputs.length ? compareArticles(inputs, { focalId }) : null;
  // Corrections hook (issue 17): claims people moved between groups of the claim matrix.
  const moved = machineComparison ? moveClaims(machineComparison, corrections.claimMoves) : null;
  if (moved)
    corrections.review.push(
      ...moved.review.map((r) => ({
        ...r,
        articleId: corrections.claimMoves.find((m) => m.correctionId === r.correctionId)?.articleId ?? 0,
      })),
    );
  const comparison = moved?.comparison ?? null;
  return { detail, analyses, comparison, articles, corrections };
}

/** How long a remembered comparison may be used at most, whatever its revision says (as the page cache). */
const MEMO_MAX_AGE_MS = 60_000;
const MEMO_ENTRIES = 16;
const memo = new Map<string, { at: number; value: Promise<AnalysedComparison | null> }>();
const memoStats = { hits: 0, loads: 0 };

/**
 * `loadAnalysedComparison`, remembered in this process per comparison revision: the revision is bumped by
 * database triggers on every change the comparison shows (its members, their texts, analyses, corrections,
 * whichever process wrote), and it is read before the data, so an entry never holds data older than its key.
 * A page render then reads one row instead of every analysis and recomputing the comparison. Callers must
 * not change what it returns (it is shared).
 */
export async function loadAnalysedComparisonCached(
  db: Db,
  id: number,
  opts: { coder?: string | null } = {},
): Promise<AnalysedComparison | null> {
  const revision = await getComparisonRevision(db, id);
  if (revision === null) return null;
  const key = `${id}|${revision}|${opts.coder ?? ""}`;
  const hit = memo.get(key);
  if (hit && Date.now() - hit.at < MEMO_MAX_AGE_MS) {
    memoStats.hits++;
    memo.delete(key);
    memo.set(key, hit);
    return hit.value;
  }
  memoStats.loads++;
  const value = loadAnalysedComparison(db, id, { coder: opts.coder ?? null });
  // An older revision of this comparison will not be asked for again.
  for (const k of memo.keys()) if (k.startsWith(`${id}|`) && k.split("|")[1] !== String(revision)) memo.delete(k);
  memo.set(key, { at: Date.now(), value });
  // A failed load is not remembered.
  value.catch(() => memo.get(key)?.value === value && memo.delete(key));
  for (const k of memo.keys()) {
    if (memo.size <= MEMO_ENTRIES) break;
    memo.delete(k);
  }
  return value;
}

/** For tests: how many page loads were answered from memory and how many read the database. */
export function analysedComparisonMemoStats(): { entries: number; hits: number; loads: number } {
  return { entries: memo.size, ...memoStats };
}

/** For tests and the bench: forget every remembered comparison. */
export function clearAnalysedComparisonMemo(): void {
  memo.clear();
  memoStats.hits = 0;
  memoStats.loads = 0;
}
