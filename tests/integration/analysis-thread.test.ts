// The server analyses pasted articles and missing analyses on a worker thread, not on the event loop that
// renders pages (README, "Analysis runs off the page thread"). These tests run the real thread.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { threadId } from "node:worker_threads";
import { analyse } from "#app/analysis/index";
import { startAnalysisThread, type AnalysisThread } from "../../scripts/lib/analysis-thread";
import { setAnalysisRunner } from "#app/utils/analysis-runner.server";
import { analyses } from "#db/schema";
import { eq } from "drizzle-orm";
import { importArticle } from "#app/models/articles.server";
import { getAnalysis } from "#app/models/analyses.server";
import { getDb } from "#app/utils/db.server";

const PARA =
  `Mayor Ilse Varga of Tarnland said on Monday that the bridge would reopen "within weeks", according to a statement. ` +
  `Officials in the district, who asked not to be named, disputed that account.\n\n`;

let thread: AnalysisThread;
const ranOn: number[] = [];
beforeAll(() => {
  thread = startAnalysisThread();
  // As the server installs it, plus a record of where each analysis ran.
  setAnalysisRunner(async (text, meta) => {
    const r = await thread.analyse(text, meta);
    ranOn.push(r.threadId);
    return r.analysis;
  });
});
afterAll(async () => {
  setAnalysisRunner(null);
  await thread.close();
});

describe("the analysis thread", () => {
  it("gives exactly the analysis computed in place, from another thread", async () => {
    const text = PARA.repeat(3);
    const { analysis, threadId: where } = await thread.analyse(text, { title: "Bridge to reopen" });
    expect(where).not.toBe(threadId);
    expect(analysis).toEqual(analyse(text, { title: "Bridge to reopen" }));
  });

  it("leaves the event loop free while a long text is analysed", async () => {
    const text = PARA.repeat(400); // about 16,000 words: over a hundred milliseconds of analysis
    let ticks = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      ticks++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await thread.analyse(text, {});
    done = true;
    // Run in place, the analysis would hold the loop and no tick could happen until it returned.
    expect(ticks).toBeGreaterThan(10);
  });

  it("is what importing an article and reading a missing analysis use once installed", async () => {
    const db = getDb();
    const text = PARA + "A second paragraph of our own.";
    ranOn.length = 0;
    const outcome = await importArticle(db, { title: "Threaded import", text, origin: "paste" });
    expect(outcome.status).toBe("created");
    expect(ranOn).toHaveLength(1);
    // A missing analysis (as after an analyser upgrade) is computed on the thread too.
    await db.delete(analyses).where(eq(analyses.articleId, outcome.article.id));
    const stored = await getAnalysis(db, outcome.article.id);
    expect(ranOn).toHaveLength(2);
    expect(ranOn.every((id) => id !== threadId)).toBe(true);
    expect(stored).toEqual(analyse(text, { title: "Threaded import" }));
  });
});
