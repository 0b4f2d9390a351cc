import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress, fetchAllowList, safeFetch } from "#app/ingest/safe-fetch.server";
import { allow, html, redirect, startRecorder, startServer, type LocalServer } from "./local-server";

const article = readFileSync(new URL("../../fixtures/ingest/article-basic.html", import.meta.url), "utf8");

let site: LocalServer;
let recorder: Awaited<ReturnType<typeof startRecorder>>;
let restore: () => void = () => {};

beforeAll(async () => {
  recorder = await startRecorder();
  site = await startServer({
    "/article": html(article),
    "/r1": redirect("/r2", 301),
    "/r2": redirect("/r3", 307),
    "/r3": redirect("/article"),
    "/loop/*": (req, res) => {
      const n = Number((req.url ?? "").split("/").pop());
      res.writeHead(302, { Location: `/loop/${n + 1}` }).end();
    },
    "/to-recorder": (_req, res) => res.writeHead(302, { Location: `http://127.0.0.1:${recorder.port}/secret` }).end(),
    "/to-localhost": (_req, res) => res.writeHead(302, { Location: `http://localhost:${site.port}/article` }).end(),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-ftp": redirect("ftp://files.example/a"),
    "/hang": () => {},
    "/dribble": (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      const t = setInterval(() => res.write("<p>slow</p>"), 50);
      res.on("close", () => clearInterval(t));
    },
    "/huge": (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = "<p>" + "x".repeat(16 * 1024) + "</p>";
      let sent = 0;
      const pump = () => {
        while (sent < 2000) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (sent = 1e9));
      pump();
    },
    "/huge-declared": (_req, res) =>
      res.writeHead(200, { "Content-Type": "text/html", "Content-Length": "99999999" }).end(),
    "/gzip-bomb": (_req, res) => {
      const packed = zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x61));
      res
        .writeHead(200, {
          "Content-Type": "text/html",
          "Content-Encoding": "gzip",
          "Content-Length": String(packed.length),
        })
        .end(packed);
    },
    "/gzip-ok": (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }).end(zlib.gzipSync(article));
    },
    "/pdf": (_req, res) => res.writeHead(200, { "Content-Type": "application/pdf" }).end("%PDF-1.4 fictional"),
    "/image": (_req, res) =>
      res.writeHead(200, { "Content-Type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    "/text": (_req, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end("Plain words."),
    "/latin1": (_req, res) =>
      res
        .writeHead(200, { "Content-Type": "text/html; charset=iso-8859-1" })
        .end(Buffer.from("<p>Caf\u00e9 cr\u00e8me</p>", "latin1")),
    "/cp1251": (_req, res) =>
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(
          Buffer.concat([
            Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
            Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]),
            Buffer.from("</p></body></html>"),
          ]),
        ),
    "/missing": html("gone", 404),
    "/paywalled": html("no", 403),
  });
});
afterAll(async () => {
  await site.close();
  await recorder.close();
});
afterEach(() => restore());

describe("safeFetch on an allow-listed local server", () => {
  it("fetches a page with a browser-like User-Agent naming Parallax", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    let ua = "";
    const probe = await startServer({
      "/": (req, res) => (
        (ua = String(req.headers["user-agent"])),
        res.writeHead(200, { "Content-Type": "text/html" }).end("<p>ok</p>")
      ),
    });
    restore();
    restore = allow(`127.0.0.1:${site.port}`, `127.0.0.1:${probe.port}`);
    const p = await safeFetch(`${probe.origin}/`);
    await probe.close();
    expect(p.ok).toBe(true);
    expect(ua).toMatch(/^Mozilla\/5\.0 .*Parallax/);
    const r = await safeFetch(`${site.origin}/article`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.status).toBe(200);
    expect(r.contentType).toBe("text/html");
    expect(r.body).toContain("Harbour council approves new ferry link");
    expect(r.redirects).toEqual([]);
    expect(r.finalUrl).toBe(`${site.origin}/article`);
  });

  it("follows a redirect chain and reports every hop", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const r = await safeFetch(`${site.origin}/r1`);
    if (!r.ok) throw new Error(r.reason);
    expect(r.redirects).toEqual([`${site.origin}/r2`, `${site.origin}/r3`, `${site.origin}/article`]);
    expect(r.finalUrl).toBe(`${site.origin}/article`);
  });

  it("refuses more than 5 redirects, after exactly 6 requests", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const before = site.hits.length;
    const r = await safeFetch(`${site.origin}/loop/0`);
    expect(r).toMatchObject({ ok: false, code: "too_many_redirects" });
    expect(site.hits.length - before).toBe(6);
    const ok = await safeFetch(`${site.origin}/loop/0`, { maxRedirects: 10 });
    expect(ok).toMatchObject({ ok: false, code: "too_many_redirects" });
  });

  it("times out on a server that never answers and on one that dribbles", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const t = Date.now();
    const r = await safeFetch(`${site.origin}/hang`, { timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, code: "timeout" });
    if (!r.ok) expect(r.reason).toMatch(/did not answer within 300 ms/);
    const d = await safeFetch(`${site.origin}/dribble`, { timeoutMs: 400 });
    expect(d).toMatchObject({ ok: false, code: "timeout" });
    expect(Date.now() - t).toBeLessThan(3000);
  });

  it("stops reading a body beyond the cap, declared or not, compressed or not", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const big = await safeFetch(`${site.origin}/huge`, { maxBytes: 100_000 });
    expect(big).toMatchObject({ ok: false, code: "too_large" });
    if (!big.ok) expect(big.reason).toMatch(/larger than 98 KB/);
    expect(await safeFetch(`${site.origin}/huge-declared`, { maxBytes: 100_000 })).toMatchObject({
      ok: false,
      code: "too_large",
    });
    expect(await safeFetch(`${site.origin}/gzip-bomb`, { maxBytes: 1_000_000 })).toMatchObject({
      ok: false,
      code: "too_large",
    });
    const gz = await safeFetch(`${site.origin}/gzip-ok`);
    expect(gz.ok && gz.body).toBe(article);
  });

  it("refuses PDFs and images, accepts plain text, decodes charsets", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const pdf = await safeFetch(`${site.origin}/pdf`);
    expect(pdf).toMatchObject({ ok: false, code: "bad_content_type" });
    if (!pdf.ok) expect(pdf.reason).toMatch(/PDF document, not a web page/);
    const img = await safeFetch(`${site.origin}/image`);
    expect(img).toMatchObject({ ok: false, code: "bad_content_type" });
    if (!img.ok) expect(img.reason).toMatch(/image/);
    expect(await safeFetch(`${site.origin}/text`)).toMatchObject({
      ok: true,
      contentType: "text/plain",
      body: "Plain words.",
    });
    expect(await safeFetch(`${site.origin}/latin1`)).toMatchObject({ ok: true, body: "<p>Caf\u00e9 cr\u00e8me</p>" });
    const ru = await safeFetch(`${site.origin}/cp1251`);
    expect(ru.ok && ru.body).toContain("<p>Привет</p>");
  });

  it("admits an allow-listed host name and connects only to the addresses it checked", async () => {
    restore = allow(`localhost:${site.port}`);
    const r = await safeFetch(`http://localhost:${site.port}/article`);
    expect(r.ok && r.finalUrl).toBe(`http://localhost:${site.port}/article`);
  });

  it("explains HTTP errors", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    expect(await safeFetch(`${site.origin}/missing`)).toMatchObject({ ok: false, code: "http_error", status: 404 });
    const pw = await safeFetch(`${site.origin}/paywalled`);
    expect(pw).toMatchObject({ ok: false, code: "http_error", status: 403 });
    if (!pw.ok) expect(pw.reason).toMatch(/paywalled/);
  });
});

describe("safeFetch refusals: no request ever reaches a refused address", () => {
  it("refuses 127.0.0.1 without the allow-list, and ports not on it", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const r = await safeFetch(`http://127.0.0.1:${recorder.port}/`);
    expect(r).toMatchObject({ ok: false, code: "blocked_address" });
    if (!r.ok) expect(r.reason).toMatch(/loopback/);
    restore();
    restore = allow();
    expect(await safeFetch(`${site.origin}/article`)).toMatchObject({ ok: false, code: "blocked_address" });
    expect(recorder.connections()).toBe(0);
  });

  it.each([
    ["http://10.0.0.1/", /private-network/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://[::1]:8080/", /loopback/],
    ["http://[fd00::1]/", /private-network/],
    ["http://[::ffff:10.0.0.1]/", /private-network/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://224.0.0.1/", /multicast/],
    ["http://2130706433/", /loopback/],
  ])("refuses %s at the address check, before connecting", async (url, why) => {
    restore = allow(`127.0.0.1:${site.port}`);
    const t = Date.now();
    const r = await safeFetch(url, { timeoutMs: 5000 });
    expect(r).toMatchObject({ ok: false, code: "blocked_address" });
    if (!r.ok) expect(r.reason).toMatch(why);
    // A connection attempt to an unroutable address would take far longer than a check.
    expect(Date.now() - t).toBeLessThan(500);
  });

  it("refuses a host name that resolves to loopback", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const r = await safeFetch(`http://localhost:${recorder.port}/`);
    expect(r).toMatchObject({ ok: false, code: "blocked_address" });
    // Refused without naming the address it resolved to (that would map internal names for anyone who asks).
    if (!r.ok) expect(r.reason).not.toMatch(/127\.0\.0\.1|::1/);
    expect(recorder.connections()).toBe(0);
  });

  it("refuses a redirect from an allowed host to a refused one without contacting it", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    expect(await safeFetch(`${site.origin}/to-recorder`)).toMatchObject({ ok: false, code: "blocked_address" });
    expect(await safeFetch(`${site.origin}/to-metadata`)).toMatchObject({ ok: false, code: "blocked_address" });
    // The allow-list admits exact host:port pairs: "localhost" on the same port is another pair.
    expect(await safeFetch(`${site.origin}/to-localhost`)).toMatchObject({ ok: false, code: "blocked_address" });
    expect(await safeFetch(`${site.origin}/to-ftp`)).toMatchObject({ ok: false, code: "bad_scheme" });
    expect(recorder.connections()).toBe(0);
  });

  it("refuses other schemes and junk", async () => {
    expect(await safeFetch("file:///etc/passwd")).toMatchObject({ ok: false, code: "bad_scheme" });
    expect(await safeFetch("gopher://x.example/")).toMatchObject({ ok: false, code: "bad_scheme" });
    expect(await safeFetch("not a url")).toMatchObject({ ok: false, code: "invalid_url" });
  });

  it("can be cancelled", async () => {
    restore = allow(`127.0.0.1:${site.port}`);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    expect(await safeFetch(`${site.origin}/hang`, { signal: ac.signal })).toMatchObject({ ok: false, code: "aborted" });
  });
});

describe("classifyAddress and the allow-list", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["93.184.216.34", "public"],
    ["2606:4700:4700::1111", "public"],
    ["127.0.0.1", "loopback (this machine)"],
    ["10.1.2.3", "private-network"],
    ["172.16.0.1", "private-network"],
    ["172.31.255.255", "private-network"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private-network"],
    ["169.254.169.254", "link-local (includes cloud metadata services)"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback (this machine)"],
    ["::", "unspecified"],
    ["fe80::1", "link-local (includes cloud metadata services)"],
    ["fc00::1", "private-network"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback (this machine)"],
    ["::ffff:169.254.169.254", "link-local (includes cloud metadata services)"],
    ["64:ff9b::a00:1", "reserved"],
    ["2002:a00:1::1", "reserved"],
    ["::7f00:1", "reserved"],
    ["fd00:ec2::254", "private-network"],
    ["not-an-ip", "malformed"],
  ])("%s is %s", (addr, verdict) => {
    expect(classifyAddress(addr)).toBe(verdict);
  });

  it("parses host:port pairs, IPv6 in brackets, and ignores junk", () => {
    expect([...fetchAllowList({ PARALLAX_FETCH_ALLOW: " 127.0.0.1:4567 ,[::1]:80,Localhost:1, junk, :5" })]).toEqual([
      "127.0.0.1:4567",
      "::1:80",
      "localhost:1",
    ]);
    expect(fetchAllowList({}).size).toBe(0);
  });
});

describe("refusals do not map internal names", () => {
  it("a refused name is not followed by the address it resolved to", async () => {
    const r = await safeFetch("http://localhost:9/internal");
    expect(r).toMatchObject({ ok: false, code: "blocked_address" });
    if (!r.ok) {
      expect(r.reason).toContain("localhost");
      expect(r.reason).not.toMatch(/127\.0\.0\.1|::1|loopback/);
    }
  });
});
