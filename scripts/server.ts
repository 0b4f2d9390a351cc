// Starts Parallax: migrate and seed the database, then serve the Remix app (production build, or Vite in --dev).
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "#app/utils/env.server";
import { isLoopbackHost } from "#app/utils/host.server";
import { prepareDatabase } from "#db/prepare";
import { startAppWorker } from "#app/models/job-handlers.server";
import { backfillFingerprints } from "#app/models/near-duplicates.server";
import { makeNonce, securityHeaders } from "#app/utils/security-headers.server";
import { responseCache } from "#app/utils/response-cache.server";
import { countUsers, getSessionUser, resolveShareLink, type PublicUser } from "#app/models/auth.server";
import { decideAccess, isCrossSite, parseCookies, SESSION_COOKIE, SHARE_COOKIE } from "#app/utils/access";
import type { Db } from "#db/client";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
// React and Remix pick their production builds from NODE_ENV; a server started without it would run the slow dev builds.
process.env.NODE_ENV ??= dev ? "development" : "production";

/** Accounts, roles, share links and cross-site request refusal, before any route runs. */
function accessControl(db: Db): express.RequestHandler {
  let cached = { at: 0, enabled: false };
  return (req, res, next) => {
    void (async () => {
      const ownOrigins = [`${req.protocol}://${req.get("host") ?? ""}`];
      if (isCrossSite(req.method, { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") }, ownOrigins)) {
        res.status(403).type("text/plain").send("Refused: this request came from another site.");
        return;
      }
      if (Date.now() - cached.at > 3000) cached = { at: Date.now(), enabled: (await countUsers(db)) > 0 };
      const cookies = parseCookies(req.get("cookie"));
      const user = cached.enabled ? await getSessionUser(db, cookies[SESSION_COOKIE]) : null;
      const share = cached.enabled && !user ? await resolveShareLink(db, cookies[SHARE_COOKIE]) : null;
      res.locals.user = user;
      res.locals.authEnabled = cached.enabled;
      const url = new URL(req.originalUrl, "http://x");
      const decision = decideAccess({ method: req.method, path: url.pathname, search: url.search, authEnabled: cached.enabled, user, share });
      if (decision.type === "login") {
        if (url.pathname.endsWith(".data")) res.status(401).type("text/plain").send("Sign in first.");
        else res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      if (decision.type === "forbidden") {
        res.status(403).type("text/plain").send(decision.message);
        return;
      }
      if (decision.type === "rewrite") {
        // Blind mode forced by a share link: the server, not the browser, decides what is shown.
        req.originalUrl = url.pathname + decision.search;
        req.url = req.originalUrl;
      }
      next();
    })().catch(next);
  };
}

async function main(): Promise<void> {
  const env = getEnv();
  const db = await prepareDatabase({ seed: env.PARALLAX_SEED === "1", log: (m) => console.log(m) });
  // Bound beyond this machine, Parallax would be open to anyone who can reach it: refuse until it has accounts.
  if (!isLoopbackHost(env.HOST) && (await countUsers(db)) === 0) {
    console.error(
      `Refusing to listen on ${env.HOST}: this Parallax has no accounts, so anyone who can reach it could import and edit.\n` +
        `Create an owner first:  PARALLAX_PASSWORD='…' npm run --silent cli -- user add NAME --role owner\n` +
        `or bind to 127.0.0.1 (the default) for single-user use.`,
    );
    db.$client.close();
    process.exit(1);
  }

  const app = express();
  app.disable("x-powered-by");
  // Behind a local reverse proxy, trust its X-Forwarded-Proto so cookies get Secure on https.
  app.set("trust proxy", "loopback");
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
  app.use(accessControl(db));
  // Comparison pages and their exports: the same URL for the same reader within 2 s is served from memory.
  app.use(
    responseCache({
      ttlMs: 2000,
      maxEntries: 200,
      match: (p) => /^\/comparisons\/\d+(\.data|\/export\/[^/]+)?$/.test(p),
      vary: ["cookie", "accept-encoding"],
    }),
  );
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        user: (res.locals.user as PublicUser | null) ?? null,
        authEnabled: Boolean(res.locals.authEnabled),
        clientAddress: req.ip ?? "unknown",
        secure: req.secure,
      }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : env.PORT;
    console.log(`Parallax is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
  });

  // Long work runs off the request path as jobs in the database: any number of app processes (or
  // `npm run worker`) sharing it claim each job once; stale analyses are queued as one such job.
  const workers = new AbortController();
  void startAppWorker(db, { workerId: `server:${os.hostname()}:${process.pid}`, signal: workers.signal, pollMs: 500, log: (m) => console.log(m) }).catch(
    (e: unknown) => console.error("job worker stopped:", e instanceof Error ? e.message : e),
  );
  void backfillFingerprints(db).catch((e: unknown) => console.error("fingerprint backfill failed:", e));

  const stop = () => {
    workers.abort();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
