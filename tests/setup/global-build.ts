import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";

// Browser tests run against a production build on a free port with its own database file.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer at ${url} within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  const hasChromium = fs.existsSync(CHROMIUM);
  if (!hasChromium) {
    if (process.env.CI === "true") throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium); CI=true makes this a failure.`);
    console.warn(`\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it with "apt-get install -y chromium" to run the browser tests.\n`);
    project.provide("e2e", { baseUrl: "", chromium: "", skipReason: `no Chromium at ${CHROMIUM}` });
    return;
  }
  const root = path.resolve(".");
  // Child processes must not think they run under vitest (vite.config.ts leaves Remix's plugin out then).
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("VITEST")) delete childEnv[k];
  if (process.env.PARALLAX_E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, env: childEnv, stdio: "pipe", encoding: "utf8" });
    if (build.status !== 0) throw new Error(`remix vite:build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const tmp = path.join(root, "tests/.tmp");
  fs.mkdirSync(tmp, { recursive: true });
  const dbFile = path.join(tmp, `e2e-${process.pid}.db`);
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const port = await freePort();
  const server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/server.ts"], {
    cwd: root,
    env: { ...childEnv, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${dbFile}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(baseUrl + "/", server, 60_000);
  } catch (e) {
    server.kill("SIGKILL");
    throw new Error(`${(e as Error).message}\n--- server log ---\n${log}`);
  }
  project.provide("e2e", { baseUrl, chromium: CHROMIUM, skipReason: "" });
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    if (server.exitCode === null) server.kill("SIGKILL");
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { baseUrl: string; chromium: string; skipReason: string };
  }
}
