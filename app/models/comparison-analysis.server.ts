import { compareArticles, type Comparison } from "#app/compare/compare";
import { moveClaims } from "#app/compare/corrections";
import type { ArticleAnalysis } from "#app/analysis/index";
import type { Db } from "#app/utils/db.server";
import { getAnalyses } from "./analyses.server";
import type { ArticleWithOutlet } from "./articles.server";
import { getComparison, type ComparisonDetail } from "./comparisons.server";
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
