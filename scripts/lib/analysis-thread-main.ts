// Inside the analysis thread: analyse each text posted and post the result back (with this thread's id).
import { parentPort, threadId } from "node:worker_threads";
import { analyse } from "#app/analysis/index";

parentPort!.on("message", (msg: { id: number; text: string; meta: { title?: string } }) => {
  try {
    parentPort!.postMessage({ id: msg.id, threadId, analysis: analyse(msg.text, msg.meta) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, threadId, error: e instanceof Error ? e.message : String(e) });
  }
});
