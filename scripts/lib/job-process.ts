// The server's job worker as a child process: `scripts/worker.ts` with an IPC channel (it exits when the
// server does, even one killed outright), restarted with a growing pause if it dies, stopped on shutdown.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface JobProcess {
  stop: () => Promise<void>;
}

export function startJobProcess(opts: {
  root: string;
  workerId: string;
  pollMs: number;
  log: (msg: string) => void;
}): JobProcess {
  let child: ChildProcess | null = null;
  let stopping = false;
  let pauseMs = 1000;
  let restartTimer: NodeJS.Timeout | null = null;

  const start = () => {
    const startedAt = Date.now();
    const c = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(opts.root, "scripts/worker.ts"),
        "--queue-stale",
        "--poll",
        String(opts.pollMs),
        "--id",
        opts.workerId,
      ],
      { cwd: opts.root, env: process.env, stdio: ["ignore", "inherit", "inherit", "ipc"] },
    );
    child = c;
    c.on("exit", (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      // A worker that ran a while and died starts again at once; one that keeps dying waits longer each time.
      pauseMs = Date.now() - startedAt > 60_000 ? 1000 : Math.min(pauseMs * 2, 60_000);
      opts.log(`job worker exited (${signal ?? `code ${code}`}); restarting in ${Math.round(pauseMs / 1000)} s`);
      restartTimer = setTimeout(start, pauseMs);
    });
    c.on("error", (e) => opts.log(`job worker could not start: ${e.message}`));
  };
  start();

  return {
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise<void>((r) => c.once("exit", () => r()));
      // SIGTERM releases the job it holds back to the queue; a worker that does not stop in time is killed.
      c.kill("SIGTERM");
      const timer = setTimeout(() => c.kill("SIGKILL"), 2500);
      await exited;
      clearTimeout(timer);
    },
  };
}
