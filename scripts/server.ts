// Starts Parallax: migrate and seed the database, then serve the Remix app (production build, or Vite in --dev).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { getEnv } from "#app/utils/env.server";
import { allowedHosts, checkHost, isLoopbackHost, parseOrigins } from "#app/utils/host.server";
import { prepareDatabase } from "#db/prepare";
import { SEED_WRITER } from "#app/models/seed.server";
import { startAppWorker } from "#app/models/job-handlers.server";
import { startJobProcess, type JobProcess } from "./lib/job-process";
import { installAnalysisThread } from "./lib/analysis-thread";
import { backfillFingerprints } from "#app/models/near-duplicates.server";
import { makeNonce, securityHeaders } from "#app/utils/security-headers.server";
import { responseCache } from "#app/utils/response-cache.server";
import { getComparisonRevision } from "#app/models/comparisons.server";
import { getLibraryFingerprint } from "#app/models/articles.server";
import { countUsers, getSessionUser, resolveShareLink, type PublicUser } from "#app/models/auth.server";
import { decideAccess, isCrossSite, parseCookies, SESSION_COOKIE, SHARE_COOKIE } from "#app/utils/access";
import { inHttpRequest, STORAGE_MESSAGES, storageFailure, type Db } from "#db/client";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
// React and Remix pick their production builds from NODE_ENV; a server started without it would run the slow dev builds.
process.env.NODE_ENV ??= dev ? "development" : "production";

/** Accounts, roles, share links and cross-site request refusal, before any route runs. */
function accessControl(db: Db, origins: string[]): express.RequestHandler {
  let cached = { at: 0, enabled: false };
  return (req, res, next) => {
    void (async () => {
      // The Host was checked against the allow-list before this runs, so an origin built from it is ours.
      const ownOrigins = [`${req.protocol}://${req.get("host") ?? ""}`, ...origins];
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
      const decision = decideAccess({
        method: req.method,
        path: url.pathname,
        search: url.search,
        authEnabled: cached.enabled,
        user,
        share,
      });
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
  const origins = parseOrigins(env.PARALLAX_ORIGIN);
  const hostAllowed = allowedHosts({ bindHost: env.HOST, origins });
  const db = await prepareDatabase({ seed: env.PARALLAX_SEED === "1" && SEED_WRITER, log: (m) => console.log(m) });
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
  // Before anything else: a request naming a host we do not serve may come from a page on another site whose
  // name resolves to this machine (DNS rebinding), and would otherwise read and change everything.
  app.use((req, res, next) => {
    const check = checkHost(req.get("host"), hostAllowed);
    if (check.ok) return next();
    res.status(check.status).set("Connection", "close").type("text/plain").send(check.message);
  });
  // A write the storage refuses (disk full, read-only) during a request is answered 507 with a plain message.
  app.use((_req, _res, next) => inHttpRequest(next));
  // Forwarded headers (client address, https) are believed only from a proxy the operator names.
  const trustProxy = env.PARALLAX_TRUST_PROXY?.trim();
  app.set("trust proxy", trustProxy ? (/^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy) : false);
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
    // The few files at the top of build/client (favicon, robots.txt): looked up by name, so that page
    // requests do not each cost a file-system lookup on their way to the app.
    const clientDir = path.join(root, "build/client");
    const entries = fs.readdirSync(clientDir, { withFileTypes: true });
    const topFiles = new Set(entries.filter((e) => e.isFile()).map((e) => `/${e.name}`));
    const topDirs = entries.filter((e) => e.isDirectory() && e.name !== "assets").map((e) => `/${e.name}/`);
    const serveTop = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) =>
      topFiles.has(req.path) || topDirs.some((d) => req.path.startsWith(d)) ? serveTop(req, res, next) : next(),
    );
  }
  app.use(accessControl(db, origins));
  // Comparison pages and their exports: one render per page until the comparison changes (its revision,
  // kept by database triggers, so changes made by other processes count too). The add-an-article search
  // (`lq`) lists the whole library, which every import changes: it is rendered each time.
  // One revision read per comparison per quarter second, however many readers: a change made by another
  // process shows within that; changes posted here clear the cache at once (bumpDataVersion).
  const revisionReads = new Map<number, { at: number; value: Promise<string | null> }>();
  const comparisonRevision = (id: number): Promise<string | null> => {
    const known = revisionReads.get(id);
    if (known && Date.now() - known.at < 250) return known.value;
    const value = getComparisonRevision(db, id).then((r) => (r === null ? null : String(r)));
    revisionReads.set(id, { at: Date.now(), value });
    if (revisionReads.size > 1000) revisionReads.delete(revisionReads.keys().next().value!);
    return value;
  };
  const readerKey = (req: express.Request) => {
    const c = parseCookies(req.get("cookie"));
    // Large text for a projector is kept in a cookie and changes the page.
    return `${c[SESSION_COOKIE] ?? ""}\u0000${c[SHARE_COOKIE] ?? ""}\u0000${c.parallax_large === "1" ? "large" : ""}`;
  };
  // The home page (comparisons and the newest articles) as it is with no search: one render per reader until
  // the library changes. During an import every new article changes it: re-rendered once a second at most.
  let libraryRead = { at: 0, value: Promise.resolve("") };
  app.use(
    responseCache({
      maxAgeMs: 10_000,
      staleForMs: 1000,
      maxEntries: 100,
      maxBytes: 16 * 1024 * 1024,
      match: (req) => req.originalUrl === "/",
      vary: [],
      varyKey: readerKey,
      fingerprint: () => {
        if (Date.now() - libraryRead.at >= 250) libraryRead = { at: Date.now(), value: getLibraryFingerprint(db) };
        return libraryRead.value;
      },
    }),
  );
  const cachedPage = /^\/comparisons\/(\d+)(?:\.data|\/export\/[^/]+)?$/;
  app.use(
    responseCache({
      maxAgeMs: 60_000,
      // A comparison that another process keeps changing (an import into it) re-renders once a second at most.
      staleForMs: 1000,
      maxEntries: 200,
      // Memory stays bounded however many views are asked for (a page with its texts is several hundred KB).
      maxBytes: 48 * 1024 * 1024,
      match: (req) => cachedPage.test(req.path) && req.query.lq === undefined,
      // Each reader their own page: by session and share link, not by the whole Cookie header (junk cookies
      // would force renders); the query counts by its known parameters only.
      vary: [],
      varyKey: readerKey,
      normaliseQuery: true,
      // A made-up `focus` is answered from one entry per page and reader (see checkFocus).
      checkFocus: true,
      fingerprint: (req) => comparisonRevision(Number(cachedPage.exec(req.path)![1])),
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
        // Behind a proxy that did not name the client, there is no client address: one shared key for every
        // visitor would let anyone lock everyone out, so the per-address limit is skipped instead.
        clientAddress: trustProxy && !req.get("x-forwarded-for") ? undefined : (req.ip ?? req.socket.remoteAddress),
        secure: req.secure,
        registerFocusCheck: res.locals.registerFocusCheck as AppLoadContext["registerFocusCheck"],
      }),
    }),
  );

  // Errors before the app's routes (access control reads sessions): a storage refusal keeps its status and message.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const kind = storageFailure(err);
    if (err instanceof Response && err.status === 507)
      void err.text().then((t) => res.status(507).type("text/plain").send(t), next);
    else if (kind) res.status(507).type("text/plain").send(STORAGE_MESSAGES[kind]);
    else next(err);
  });

  // Request handlers that need an analysis (a pasted article, one not yet re-analysed) wait for this thread
  // instead of computing it on the event loop that serves every page.
  const analysisThread = installAnalysisThread();

  const server = app.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : env.PORT;
    console.log(`Parallax is running at http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`);
  });

  // Long work runs off the request path as jobs in the database: any number of app processes (or
  // `npm run worker`) sharing it claim each job once; stale analyses are queued as one such job. By default
  // this server works them in a child process at lower CPU priority, so a bulk import never holds up a page.
  const workerId = `server:${os.hostname()}:${process.pid}`;
  const workers = new AbortController();
  let jobProcess: JobProcess | null = null;
  if (env.PARALLAX_JOBS === "process") {
    jobProcess = startJobProcess({ root, workerId: `${workerId}:jobs`, pollMs: 500, log: (m) => console.error(m) });
  } else if (env.PARALLAX_JOBS === "inline") {
    void startAppWorker(db, { workerId, signal: workers.signal, pollMs: 500, log: (m) => console.log(m) }).catch(
      (e: unknown) => console.error("job worker stopped:", e instanceof Error ? e.message : e),
    );
  }
  void backfillFingerprints(db).catch((e: unknown) => console.error("fingerprint backfill failed:", e));

  const stop = () => {
    workers.abort();
    // The job worker stops while open requests finish; the process exits when both are done.
    const jobsStopped = jobProcess?.stop();
    void analysisThread.close();
    server.close(() => void Promise.resolve(jobsStopped).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // `kill -USR2 PID` prints what the server's memory holds (bench:load asks after its run); with
  // PARALLAX_HEAP_SNAPSHOT=DIR it also writes a V8 heap snapshot there (seconds of pause, for measuring only).
  process.on("SIGUSR2", () => {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const m = process.memoryUsage();
    const spaces = v8
      .getHeapSpaceStatistics()
      .map((s) => `${s.space_name.replace(/_space$/, "")} ${mb(s.space_used_size)}`)
      .join(", ");
    console.error(
      `memory: rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, external ${mb(m.external)} MB ` +
        `(array buffers ${mb(m.arrayBuffers)} MB); heap spaces (MB): ${spaces}`,
    );
    const dir = process.env.PARALLAX_HEAP_SNAPSHOT;
    if (dir)
      console.error(`heap snapshot: ${v8.writeHeapSnapshot(path.join(dir, `server-${process.pid}.heapsnapshot`))}`);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
