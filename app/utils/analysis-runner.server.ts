// Where `analyse()` runs when a request needs it (a pasted article, a missing analysis). The server installs a
// worker thread (scripts/lib/analysis-thread.ts) so that a long text never holds up the event loop that renders
// pages; the CLI, the job worker and tests run it in place. The hook lives on globalThis because the server
// script and the Remix build each load their own copy of this module.
import { analyse, type ArticleAnalysis } from "#app/analysis/index";

export type AnalysisRunner = (text: string, meta: { title?: string }) => Promise<ArticleAnalysis>;

const KEY = Symbol.for("parallax.analysisRunner");
type Holder = { [KEY]?: AnalysisRunner };

export function setAnalysisRunner(runner: AnalysisRunner | null): void {
  const g = globalThis as Holder;
  if (runner) g[KEY] = runner;
  else delete g[KEY];
}

/** The analysis of one text, on the installed runner (a worker thread in the server) or in place. */
export function runAnalysis(text: string, meta: { title?: string } = {}): Promise<ArticleAnalysis> {
  const runner = (globalThis as Holder)[KEY];
  if (runner) return runner(text, meta);
  return Promise.resolve().then(() => analyse(text, meta));
}
