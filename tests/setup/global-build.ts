import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { childEnv, removeDb, ROOT, startServer } from "./server";

// Browser tests run against a production build on a free port with its own database file.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI === "true")
      throw new Error(
        `Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium); CI=true makes this a failure.`,
      );
    console.warn(
      `\n[e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it with "apt-get install -y chromium" to run the browser tests.\n`,
    );
    project.provide("e2e", { baseUrl: "", chromium: "", skipReason: `no Chromium at ${CHROMIUM}` });
    return;
  }
  if (process.env.PARALLAX_E2E_SKIP_BUILD !== "1") {
    // As `npm run build` makes it: vitest's NODE_ENV=test would put React's development build in the client bundle.
    const build = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["vite:build"], {
      cwd: ROOT,
      env: childEnv({ NODE_ENV: "production" }),
      stdio: "pipe",
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`remix vite:build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const tmp = path.join(ROOT, "tests/.tmp");
  fs.mkdirSync(tmp, { recursive: true });
  const dbFile = path.join(tmp, `e2e-${process.pid}.db`);
  removeDb(dbFile);
  const server = await startServer({ dbFile });
  project.provide("e2e", { baseUrl: server.baseUrl, chromium: CHROMIUM, skipReason: "" });
  return async () => {
    await server.stop();
    removeDb(dbFile);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: { baseUrl: string; chromium: string; skipReason: string };
  }
}
