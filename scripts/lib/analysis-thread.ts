// One worker thread that runs `analyse()` for the server's request handlers, so that analysing a long pasted
// text (2 MB takes seconds) never blocks the event loop that serves every other page. Requests queue in order;
// a thread that dies is replaced and the texts it held are failed with a message, never lost silently.
import { Worker } from "node:worker_threads";
import type { ArticleAnalysis } from "#app/analysis/index";
import { setAnalysisRunner } from "#app/utils/analysis-runner.server";

type Pending = { resolve: (r: { analysis: ArticleAnalysis; threadId: number }) => void; reject: (e: Error) => void };
type Reply = { id: number; threadId: number; analysis?: ArticleAnalysis; error?: string };

export interface AnalysisThread {
  analyse(text: string, meta: { title?: string }): Promise<{ analysis: ArticleAnalysis; threadId: number }>;
  close(): Promise<void>;
}

export function startAnalysisThread(): AnalysisThread {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let worker = spawn();

  function spawn(): Worker {
    const w = new Worker(new URL("./analysis-thread-entry.mjs", import.meta.url));
    w.unref();
    w.on("message", (m: Reply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.analysis) p.resolve({ analysis: m.analysis, threadId: m.threadId });
      else p.reject(new Error(`Analysis failed: ${m.error ?? "unknown error"}`));
    });
    w.on("error", (e) => fail(`the analysis thread stopped (${e.message})`));
    w.on("exit", () => {
      fail("the analysis thread stopped");
      if (!closed) worker = spawn();
    });
    return w;
  }
  function fail(why: string): void {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(new Error(`Analysis failed: ${why}; please try again.`));
    }
  }
  return {
    analyse(text, meta) {
      if (closed) return Promise.reject(new Error("The analysis thread is closed."));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, text, meta });
      });
    },
    async close() {
      closed = true;
      await worker.terminate();
    },
  };
}

/** Starts the thread and makes it the runner of `runAnalysis` in this process (server start). */
export function installAnalysisThread(): AnalysisThread {
  const thread = startAnalysisThread();
  setAnalysisRunner(async (text, meta) => (await thread.analyse(text, meta)).analysis);
  return {
    analyse: thread.analyse,
    async close() {
      setAnalysisRunner(null);
      await thread.close();
    },
  };
}
