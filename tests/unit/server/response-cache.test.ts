import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bumpDataVersion, normalisedQuery, responseCache } from "#app/utils/response-cache.server";

/** A GET as raw bytes with their Content-Encoding and cache header (fetch would decode the body). */
function rawGet(
  url: string,
  accept: string,
): Promise<{ enc: string | undefined; cache: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": accept } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({
            enc: res.headers["content-encoding"],
            cache: res.headers["x-parallax-cache"] as string,
            body: Buffer.concat(parts),
          }),
        );
      })
      .on("error", reject);
  });
}

describe("the comparison micro-cache", () => {
  let base = "";
  let renders = 0;
  let close: () => void = () => {};
  // Stands in for the comparison's revision in the database.
  const revisions = new Map<string, number>();
  beforeAll(async () => {
    const app = express();
    app.use(compression());
    app.use(
      responseCache({
        maxAgeMs: 60_000,
        maxEntries: 10,
        match: (req) => req.path.startsWith("/comparisons/") && req.query.lq === undefined,
        vary: ["cookie"],
        fingerprint: async (req) =>
          req.params && req.path.endsWith("/gone") ? null : String(revisions.get(req.path) ?? 0),
      }),
    );
    app.get("/comparisons/:id", (req, res, next) => {
      // As Remix answers a HEAD: the headers of the page and no body.
      if (req.method === "HEAD") return void res.type("html").end();
      renders++;
      if (req.query.login) res.setHeader("Set-Cookie", "s=1");
      res.setHeader("Content-Security-Policy", `script-src 'nonce-${renders}'`);
      res.type("html");
      res.write(`<p>render ${renders} for ${req.get("cookie") ?? "nobody"}`);
      // A render that fails after its first chunk: the error handler answers instead.
      if (req.query.fail) return next(new Error("render failed"));
      res.end(`${req.query.big ? "<!-- padding -->".repeat(500) : ""}</p>`);
    });
    app.post("/comparisons/:id", (_req, res) => void res.status(204).end());
    app.get("/other", (_req, res) => void res.send(`other ${++renders}`));
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    close = () => srv.close();
  });
  afterAll(() => close());

  test("the same URL for the same reader is rendered once, with the headers that match the body", async () => {
    const a = await fetch(base + "/comparisons/1");
    const b = await fetch(base + "/comparisons/1");
    const [ta, tb] = [await a.text(), await b.text()];
    expect(ta).toBe(tb);
    expect(a.headers.get("x-parallax-cache")).toBe("miss");
    expect(b.headers.get("x-parallax-cache")).toBe("hit");
    expect(b.headers.get("content-security-policy")).toBe(a.headers.get("content-security-policy"));
  });

  test("a HEAD on a miss never fills the cache: the GET after it gets the whole page", async () => {
    const head = await fetch(base + "/comparisons/40", { method: "HEAD" });
    expect(head.status).toBe(200);
    const get = await fetch(base + "/comparisons/40");
    expect(get.headers.get("x-parallax-cache")).toBe("miss");
    expect(await get.text()).toMatch(/^<p>render \d+ for nobody<\/p>$/);
    // Once kept, a HEAD is answered from it.
    expect((await fetch(base + "/comparisons/40", { method: "HEAD" })).headers.get("x-parallax-cache")).toBe("hit");
  });

  test("a render that fails midway sends only the error page, not the part held before it", async () => {
    const res = await fetch(base + "/comparisons/41?fail=1");
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain("<p>render");
    expect(body).toContain("render failed");
    expect((await fetch(base + "/comparisons/41?fail=1")).headers.get("x-parallax-cache")).toBe("miss");
  });

  test("another reader (cookie) gets their own render; responses setting cookies are never cached", async () => {
    const mine = await (await fetch(base + "/comparisons/2", { headers: { cookie: "u=ann" } })).text();
    const theirs = await (await fetch(base + "/comparisons/2", { headers: { cookie: "u=ben" } })).text();
    expect(mine).toContain("u=ann");
    expect(theirs).toContain("u=ben");
    await fetch(base + "/comparisons/3?login=1");
    const again = await fetch(base + "/comparisons/3?login=1");
    expect(again.headers.get("x-parallax-cache")).toBe("miss");
  });

  test("a change clears it: a post through this process, or an import", async () => {
    const first = await (await fetch(base + "/comparisons/4")).text();
    await fetch(base + "/comparisons/4", { method: "POST" });
    const afterPost = await (await fetch(base + "/comparisons/4")).text();
    expect(afterPost).not.toBe(first);
    bumpDataVersion();
    const afterImport = await fetch(base + "/comparisons/4");
    expect(afterImport.headers.get("x-parallax-cache")).toBe("miss");
  });

  test("a changed fingerprint (a write by any process) makes the next request render again", async () => {
    const first = await (await fetch(base + "/comparisons/5")).text();
    expect((await fetch(base + "/comparisons/5")).headers.get("x-parallax-cache")).toBe("hit");
    revisions.set("/comparisons/5", 1);
    const after = await fetch(base + "/comparisons/5");
    expect(after.headers.get("x-parallax-cache")).toBe("miss");
    expect(await after.text()).not.toBe(first);
    expect((await fetch(base + "/comparisons/5")).headers.get("x-parallax-cache")).toBe("hit");
    // No fingerprint (no such comparison) and the library search are never cached.
    await fetch(base + "/comparisons/gone");
    expect((await fetch(base + "/comparisons/gone")).headers.get("x-parallax-cache")).toBeNull();
    await fetch(base + "/comparisons/5?lq=x");
    expect((await fetch(base + "/comparisons/5?lq=x")).headers.get("x-parallax-cache")).toBeNull();
  });

  test("a hit is served compressed in the encoding the reader accepts, compressed once per entry", async () => {
    const url = base + "/comparisons/6?big=1";
    const plain = await (await fetch(url, { headers: { "accept-encoding": "identity" } })).text();
    for (const [accept, enc] of [
      ["gzip", "gzip"],
      ["br;q=1, gzip;q=0.5", "br"],
      ["gzip, br", "gzip"],
      ["identity", null],
    ] as const) {
      // Raw bytes (fetch would decode them): the body must be what Content-Encoding says.
      const r = await rawGet(url, accept);
      expect(r.cache).toBe("hit");
      expect(r.enc ?? null).toBe(enc);
      const decoded =
        enc === "br" ? zlib.brotliDecompressSync(r.body) : enc === "gzip" ? zlib.gunzipSync(r.body) : r.body;
      expect(decoded.toString()).toBe(plain);
      if (enc) expect(r.body.length).toBeLessThan(plain.length / 4);
    }
  });

  test("a first render is sent as a hit is: compressed once (off the event loop), the same bytes kept for the next reader", async () => {
    const url = base + "/comparisons/16?big=1";
    const raw = (accept: string) => rawGet(url, accept);
    const before = renders;
    const first = await raw("br, gzip");
    const second = await raw("br, gzip");
    expect(renders - before).toBe(1);
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect([first.enc, second.enc]).toEqual(["br", "br"]);
    // One compression, not the middleware's gzip for the first reader and brotli again for the others.
    expect(second.body.equals(first.body)).toBe(true);
    expect(zlib.brotliDecompressSync(first.body).toString()).toContain("<!-- padding -->");
  });

  test("other paths are not cached", async () => {
    expect(await (await fetch(base + "/other")).text()).not.toBe(await (await fetch(base + "/other")).text());
  });
});

describe("a burst of readers", () => {
  test("fifty concurrent requests for one page cost one render", async () => {
    const app = express();
    let renders = 0;
    app.use(responseCache({ maxAgeMs: 60_000, maxEntries: 10, match: () => true, vary: [] }));
    app.get("/slow", (_req, res) => {
      renders++;
      setTimeout(() => res.end(`render ${renders}`), 150);
    });
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/slow`;
    const bodies = await Promise.all(Array.from({ length: 50 }, () => fetch(url).then((r) => r.text())));
    srv.close();
    expect(renders).toBe(1);
    expect(new Set(bodies)).toEqual(new Set(["render 1"]));
  });
});

describe("a page that another process keeps changing", () => {
  test("is served from the previous revision for staleForMs, rendered once per window, and a post here is seen at once", async () => {
    const app = express();
    let renders = 0;
    let revision = 0;
    app.use(
      responseCache({
        maxAgeMs: 60_000,
        staleForMs: 2000,
        maxEntries: 10,
        match: () => true,
        vary: [],
        fingerprint: async () => String(revision),
      }),
    );
    app.get("/page", (_req, res) => {
      const r = ++renders;
      const rev = revision;
      setTimeout(() => res.end(`render ${r} of revision ${rev}`), 50);
    });
    app.post("/page", (_req, res) => void res.status(204).end());
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/page`;
    const get = async () => {
      const r = await fetch(url);
      return { how: r.headers.get("x-parallax-cache"), body: await r.text() };
    };
    try {
      expect(await get()).toEqual({ how: "miss", body: "render 1 of revision 0" });
      // Ten changes by "another process" within the window, twenty readers each: no render, the previous page.
      for (let i = 0; i < 10; i++) {
        revision++;
        const burst = await Promise.all(Array.from({ length: 20 }, get));
        expect(new Set(burst.map((b) => b.how))).toEqual(new Set(["stale"]));
      }
      expect(renders).toBe(1);
      await new Promise((r) => setTimeout(r, 2100));
      // Past the window: one render of the newest revision, however many readers arrive at once.
      const after = await Promise.all(Array.from({ length: 50 }, get));
      expect(renders).toBe(2);
      expect(after.filter((b) => b.how === "miss")).toEqual([{ how: "miss", body: "render 2 of revision 10" }]);
      expect((await get()).body).toBe("render 2 of revision 10");
      // A change posted through this process is never served stale.
      revision++;
      await fetch(url, { method: "POST" });
      expect(await get()).toEqual({ how: "miss", body: "render 3 of revision 11" });
    } finally {
      srv.close();
    }
  });
});

describe("the page cache keyed by the normalised query", () => {
  test("only known parameters with meaningful values, in a fixed order", () => {
    expect(normalisedQuery("?zz=1&blind=2&cols=1,2")).toBe("?cols=1%2C2");
    expect(normalisedQuery("?cols=1,2&blind=1")).toBe(normalisedQuery("?blind=1&cols=1,2&utm=x"));
    expect(normalisedQuery("?layer=attr&layer=hedge&layer=attr&layers=on")).toBe("?layer=attr&layer=hedge&layers=1");
    expect(normalisedQuery("?nonsense=1")).toBe("");
  });

  test("a made-up focus is answered from one entry per page, reader and fingerprint, once the page said which are real", async () => {
    let renders = 0;
    let fingerprint = "r1";
    const app = express();
    app.use(
      responseCache({
        maxAgeMs: 60_000,
        maxEntries: 50,
        match: () => true,
        vary: [],
        normaliseQuery: true,
        checkFocus: true,
        varyKey: (req) => req.get("x-reader") ?? "",
        fingerprint: async () => fingerprint,
      }),
    );
    app.get(["/comparisons/:id", "/comparisons/:id.data"], (req, res) => {
      renders++;
      // As the comparison page's loader does, through its load context.
      (res.locals.registerFocusCheck as ((c: (t: string) => boolean) => void) | undefined)?.(
        (t) => t === "k:1:official:c" || t === `k:1:${fingerprint}:c`,
      );
      res
        .type("html")
        .send(`<p>render ${renders} focus ${new URL(req.originalUrl, "http://x").searchParams.get("focus")}</p>`);
    });
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    const get = async (q: string, reader = "ann", data = false) => {
      const r = await fetch(`${base}/comparisons/1${data ? ".data" : ""}${q}`, { headers: { "x-reader": reader } });
      return { how: r.headers.get("x-parallax-cache"), body: await r.text() };
    };
    try {
      // Before the page said which tokens are real (after a change, say), a focus is rendered as asked.
      expect(await get("?focus=junk-0")).toEqual({ how: "miss", body: "<p>render 1 focus junk-0</p>" });
      expect(await get("?focus=junk-1")).toEqual({ how: "miss", body: "<p>render 2 focus none</p>" });
      expect(await get("?focus=junk-2")).toEqual({ how: "hit", body: "<p>render 2 focus none</p>" });
      expect(await get("?focus=junk-3&by=words")).toEqual({ how: "miss", body: "<p>render 3 focus none</p>" });
      expect(await get("?by=words&focus=junk-4")).toMatchObject({ how: "hit" });
      // The page's data requests share the document's check.
      expect(await get("?focus=junk-5", "ann", true)).toEqual({ how: "miss", body: "<p>render 4 focus none</p>" });
      expect(await get("?focus=junk-6", "ann", true)).toMatchObject({ how: "hit" });
      // Real tokens keep their own entries.
      expect(await get("?focus=k:1:official:c")).toEqual({ how: "miss", body: "<p>render 5 focus k:1:official:c</p>" });
      // Another reader has not had a page rendered yet: theirs is rendered as asked.
      expect(await get("?focus=junk-7", "ben")).toEqual({ how: "miss", body: "<p>render 6 focus junk-7</p>" });
      // A new fingerprint (the comparison changed): its own check, registered by its first render.
      fingerprint = "r2";
      expect(await get("?focus=k:1:r2:c")).toEqual({ how: "miss", body: "<p>render 7 focus k:1:r2:c</p>" });
      expect(await get("?focus=junk-8")).toEqual({ how: "miss", body: "<p>render 8 focus none</p>" });
      expect(renders).toBe(8);
    } finally {
      srv.close();
    }
  });

  test("made-up parameters cannot force a render: they reach neither the key nor the page", async () => {
    let renders = 0;
    const seen: string[] = [];
    const app = express();
    app.use(
      responseCache({
        maxAgeMs: 60_000,
        maxEntries: 10,
        match: () => true,
        vary: [],
        normaliseQuery: true,
        varyKey: (req) => req.get("x-reader") ?? "",
      }),
    );
    app.get("/comparisons/:id", (req, res) => {
      renders++;
      seen.push(req.originalUrl);
      res.type("html").send(`<p>render ${renders}</p>`);
    });
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    try {
      for (const q of ["", "?x=1", "?blind=2", "?x=2&y=3", "?cacheBuster=123"])
        await fetch(base + "/comparisons/9" + q, { headers: { cookie: `junk=${q}` } });
      expect(renders).toBe(1);
      await fetch(base + "/comparisons/9?blind=1&cols=1,2");
      await fetch(base + "/comparisons/9?cols=1,2&blind=1&x=9");
      expect(renders).toBe(2);
      expect(seen).toEqual(["/comparisons/9", "/comparisons/9?blind=1&cols=1%2C2"]);
      await fetch(base + "/comparisons/9", { headers: { "x-reader": "another" } });
      expect(renders).toBe(3);
    } finally {
      srv.close();
    }
  });

  test("a document asked for with another query goes to its normalised address; data and downloads are answered", async () => {
    const app = express();
    app.use(responseCache({ maxAgeMs: 60_000, maxEntries: 10, match: () => true, vary: [], normaliseQuery: true }));
    app.get(["/comparisons/:id", "/comparisons/:id.data", "/comparisons/:id/export/:file"], (req, res) =>
      res.type("html").send(req.originalUrl),
    );
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    try {
      const doc = await fetch(base + "/comparisons/9?focus=a&cg=g1&x=1", { redirect: "manual" });
      expect(doc.status).toBe(302);
      expect(doc.headers.get("location")).toBe("/comparisons/9?cg=g1&focus=a");
      const same = await fetch(base + "/comparisons/9?cg=g1&focus=a", { redirect: "manual" });
      expect(same.status).toBe(200);
      const data = await fetch(base + "/comparisons/9.data?focus=a&cg=g1", { redirect: "manual" });
      expect([data.status, await data.text()]).toEqual([200, "/comparisons/9.data?cg=g1&focus=a"]);
      const file = await fetch(base + "/comparisons/9/export/bundle.json?blind=maybe", { redirect: "manual" });
      expect(file.status).toBe(200);
    } finally {
      srv.close();
    }
  });
});

describe("the cache's size", () => {
  test("is bounded in bytes as well as entries: the oldest pages go first", async () => {
    const app = express();
    let renders = 0;
    // Pages of 40 KB that do not compress much (no encoding asked), five at most in 128 KB: three fit.
    app.use(responseCache({ maxAgeMs: 60_000, maxEntries: 5, maxBytes: 128 * 1024, match: () => true, vary: [] }));
    app.get("/p/:n", (req, res) => {
      renders++;
      res.type("text/plain").end(`${req.params.n}:`.padEnd(40 * 1024, "x"));
    });
    const srv = app.listen(0, "127.0.0.1");
    await new Promise((r) => srv.once("listening", r));
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/p/`;
    const get = (n: number) => fetch(base + n, { headers: { "accept-encoding": "identity" } }).then((r) => r.text());
    for (const n of [1, 2, 3, 4]) await get(n);
    expect(renders).toBe(4);
    // 2, 3 and 4 are kept (120 KB); 1 went when 4 came.
    for (const n of [2, 3, 4]) await get(n);
    expect(renders).toBe(4);
    await get(1);
    expect(renders).toBe(5);
    srv.close();
  });
});
