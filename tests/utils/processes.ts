import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// Helpers for tests that run the CLI, a worker or a server as real child processes (loopback only).
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TSX = path.join(ROOT, "node_modules/.bin/tsx");
/** `node --import tsx FILE`: no wrapper process, so a kill reaches the script itself. */
export const NODE_TSX = [process.execPath, "--import", "tsx"] as const;
export const TMP = path.join(ROOT, "tests/.tmp");

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/cli.ts ...args` in its own process with the given DATABASE_URL. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<RunResult> {
  return runTsx(["scripts/cli.ts", ...args], env, timeoutMs);
}

/** The same, waiting synchronously (for a `beforeAll` that sets up accounts, say). */
export function runCliSync(args: string[], env: Record<string, string>, timeoutMs = 60_000): RunResult {
  const r = spawnSync(NODE_TSX[0], [...NODE_TSX.slice(1), "scripts/cli.ts", ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A child's environment: this one's, without vitest's variables (vite.config.ts reads them), plus `extra`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (k.startsWith("VITEST")) delete env[k];
  return env;
}

export function runTsx(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), ...args], {
      cwd: ROOT,
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A `file:` URL for a database that does not exist yet, in the git-ignored tests/.tmp. */
export function freshDbUrl(label: string): { url: string; file: string; cleanup: () => void } {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.db`);
  return {
    url: `file:${file}`,
    file,
    cleanup: () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no free port"))));
    });
  });
}
