// Starts Parallax: migrate and seed the database, then serve the Remix app (production build, or Vite in --dev).
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "#app/utils/env.server";
import { isLoopbackHost } from "#app/utils/host.server";
import { prepareDatabase } from "#db/prepare";
import { reanalyseStale } from "#app/models/analyses.server";
import { makeNonce, securityHeaders } from "#app/utils/security-headers.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  const env = getEnv();
  // Bound beyond this machine, Parallax would be open to anyone who can reach it: refuse until access control exists.
  if (!isLoopbackHost(env.HOST) && process.env.PARALLAX_ALLOW_OPEN !== "1") {
    console.error(
      `Refusing to listen on ${env.HOST}: this Parallax has no accounts configured, so anyone who can reach it could ` +
        `import and edit. Bind to 127.0.0.1 (the default), or put it behind your own authenticating proxy and set ` +
        `PARALLAX_ALLOW_OPEN=1 to accept that risk.`,
    );
    process.exit(1);
  }
  const db = await prepareDatabase({ seed: env.PARALLAX_SEED === "1", log: (m) => console.log(m) });

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use((req, res, next) => {
    const nonce = makeNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce, { dev, https: req.secure }));
    next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildPath = path.join(root, "build/server/index.js");
    build = (await import(buildPath)) as ServerBuild;
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : env.PORT;
    console.log(`Parallax is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
  });

  // Analyses from an older analyser version are recomputed off the request path.
  setTimeout(() => {
    reanalyseStale(db)
      .then((n) => n && console.log(`re-analysed ${n} article(s) with the current analyser`))
      .catch((e: unknown) => console.error("background re-analysis failed:", e));
  }, 200);

  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
