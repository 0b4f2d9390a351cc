import { vitePlugin as remix } from "@remix-run/dev";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { host: "127.0.0.1" },
  plugins: [
    // Remix's plugin builds the app; vitest runs modules directly and must not load it.
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ["**/*.test.*", "**/*.schema.ts"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
  ],
  // Three projects: fast pure-function tests, integration tests on a real libSQL file per worker,
  // and browser tests against one production build and server (started in global setup; files run one at a time).
  test: {
    // Vitest's default is one worker less than the cores: one worker on a 2-core CI machine, where the unit and
    // integration files then ran one after another while the integration tests mostly wait on child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // `npm test` prints a coverage summary of the analysis and the comparison code (the parts whose rules matter).
    coverage: {
      provider: "v8",
      include: ["app/analysis/**", "app/compare/**"],
      reporter: ["text-summary"],
    },
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Pure functions: the files share one module graph per worker instead of loading the analysis (its NLP
          // model and lexicons) again for each of ~80 files, which was about 40% of the unit project's CPU time.
          isolate: false,
        },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/worker-db.ts"],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-build.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
