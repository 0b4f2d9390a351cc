import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDb } from "#db/client";
import { enqueueImport } from "#app/models/import-job.server";
import type { BulkItem } from "#app/ingest/bulk.server";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";
import { runCliSync } from "#tests/utils/processes";
import { loadFixtureTexts, makeVariant } from "../../bench/lib/variants";
import { e2e, launch } from "./browser";

/** A raw request with any Host header (fetch would set its own). */
function rawRequest(
  base: string,
  opts: { path: string; method?: string; host?: string | null; body?: string },
): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (opts.host) headers.host = opts.host;
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: opts.path,
        method: opts.method ?? "GET",
        headers,
        setHost: opts.host === undefined,
      },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

// Every kind of door: pages, data requests, route discovery, exports, assets, the accounts and login forms.
const ROUTES = [
  "/",
  "/_root.data",
  "/library",
  "/import",
  "/accounts",
  "/ACCOUNTS.data",
  "/login",
  "/methods",
  "/comparisons/1",
  "/comparisons/1.data",
  "/comparisons/1/export/voices.csv",
  "/comparisons/1/share",
  "/articles/1",
  "/articles/new",
  "/jobs/1",
  "/s/sometoken",
  "/__manifest?p=%2F&version=x",
  "/favicon.svg",
  "/assets/nothing.js",
  "/no/such/page",
];

describe.skipIf(!e2e.baseUrl)("the Host allow-list (DNS rebinding)", () => {
  test.each(ROUTES)("a foreign Host is refused on %s, for reads and writes", async (route) => {
    for (const method of ["GET", "POST"]) {
      const r = await rawRequest(e2e.baseUrl, {
        path: route,
        method,
        host: "rebind.evil.example:" + new URL(e2e.baseUrl).port,
        body: "name=x",
      });
      expect(r.status, `${method} ${route}`).toBe(421);
      expect(r.body).toContain("PARALLAX_ORIGIN");
    }
    const own = await rawRequest(e2e.baseUrl, { path: route, host: `localhost:${new URL(e2e.baseUrl).port}` });
    expect(own.status).not.toBe(421);
  });

  test("a request without a Host header is a 400", async () => {
    expect((await rawRequest(e2e.baseUrl, { path: "/", host: null })).status).toBe(400);
  });
});

describe.skipIf(!e2e.baseUrl)("a shared instance under load", () => {
  const dbFile = path.join(ROOT, `tests/.tmp/hardening-${process.pid}.db`);
  const PASS = "a long enough password";
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    removeDb(dbFile);
    const r = runCliSync(["user", "add", "olga", "--role", "owner"], {
      DATABASE_URL: `file:${dbFile}`,
      PARALLAX_PASSWORD: PASS,
    });
    expect(r.code, r.stderr).toBe(0);
    // Two servers on one file: A works the import job in its child process, B serves pages only.
    a = await startServer({ dbFile });
    b = await startServer({ dbFile, env: { PARALLAX_JOBS: "off", PARALLAX_SEED: "0" } });
  }, 180_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    removeDb(dbFile);
  });

  test("with accounts on, anonymous pages discover their routes without a console error", async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(a.baseUrl + "/");
      await page.waitForURL(/\/login/);
      await page.waitForLoadState("networkidle");
      await page.goto(a.baseUrl + "/comparisons/1");
      await page.waitForLoadState("networkidle");
      expect(errors.filter((e) => /manifest/i.test(e))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test("20 sign-ins and 20 saves during a bulk import, across two servers on one file: no 500, no SQLITE_BUSY", async () => {
    const db = openDb(`file:${dbFile}`);
    const fixtures = loadFixtureTexts();
    const items: BulkItem[] = Array.from({ length: 400 }, (_, n) => {
      const v = makeVariant(fixtures, n, "hardening");
      return {
        ok: true,
        input: `generated ${n}`,
        record: { title: v.title, text: v.text, outlet: v.outlet, url: v.url, published: v.published },
        warnings: [],
      };
    });
    const job = await enqueueImport(db, items, null);
    // Wait until the import is under way.
    for (let i = 0; i < 200; i++) {
      const row = (await db.$client.execute({ sql: "select done from jobs where id = ?", args: [job.id] })).rows[0];
      if (Number(row?.done ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const signIn = (server: RunningServer) =>
      fetch(server.baseUrl + "/login", {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
        body: new URLSearchParams({ username: "olga", password: PASS, next: "/" }),
      });
    const cookies = await Promise.all(
      [a, b].map(async (s) => ((await signIn(s)).headers.get("set-cookie") ?? "").split(";")[0]!),
    );
    const save = (server: RunningServer, cookie: string, n: number) =>
      fetch(server.baseUrl + "/?index", {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl, cookie },
        body: new URLSearchParams({ name: `Saved during import ${n}` }),
      });
    // All at once, as a newsroom's morning is: each server gets 10 sign-ins and 10 saves together.
    const responses = await Promise.all(
      [a, b].flatMap((server, k) =>
        Array.from({ length: 10 }, (_, i) => [signIn(server), save(server, cookies[k]!, k * 100 + i)]).flat(),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const still = (
      await db.$client.execute({ sql: "select status, done, total from jobs where id = ?", args: [job.id] })
    ).rows[0];
    await db.$client.execute({ sql: "update jobs set status = 'cancelled' where id = ?", args: [job.id] });
    db.$client.close();
    expect(statuses.length).toBe(40);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 302)).toBe(true);
    // The import was really running beside the saves.
    expect(Number(still?.done)).toBeGreaterThan(0);
    expect(a.log() + b.log()).not.toMatch(/SQLITE_BUSY|database is locked/);
  }, 240_000);
});
