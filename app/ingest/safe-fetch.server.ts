import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";

export type SafeFetchOptions = {
  /** Total time for every hop, DNS and body together. Default 15 s. */
  timeoutMs?: number;
  /** Cap on the (decoded) body; reading stops and the connection is dropped beyond it. Default 5 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Lets a job cancel a fetch in flight. */
  signal?: AbortSignal;
};

export type SafeFetchCode =
  | "invalid_url"
  | "bad_scheme"
  | "blocked_address"
  | "dns_failed"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "bad_redirect"
  | "bad_content_type"
  | "http_error"
  | "network_error"
  | "aborted";

export type SafeFetchResult =
  | { ok: true; finalUrl: string; status: number; contentType: string; body: string; redirects: string[] }
  | { ok: false; reason: string; code: SafeFetchCode; status?: number };

export const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Parallax/0.1 (+coverage comparison; fetches one page on a user's request)";

const ALLOWED_TYPES = new Set(["text/html", "application/xhtml+xml", "text/plain"]);
const MB = 1024 * 1024;

class FetchFailure extends Error {
  constructor(
    readonly code: SafeFetchCode,
    readonly reason: string,
    readonly status?: number,
  ) {
    super(reason);
  }
}

/**
 * Fetches a page on a user's behalf without letting the user reach private networks: every hop's host
 * is resolved, every address checked, and the connection pinned to the checked address.
 */
export async function safeFetch(url: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 5 * MB;
  const maxRedirects = opts.maxRedirects ?? 5;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (opts.signal?.aborted) controller.abort();

  const redirects: string[] = [];
  try {
    let current = parseTarget(url);
    for (;;) {
      const addresses = await checkTarget(current, controller.signal);
      const res = await request(current, addresses, controller.signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        res.destroy();
        const location = res.headers.location;
        if (!location)
          throw new FetchFailure(
            "bad_redirect",
            `The site answered with a redirect (${status}) but did not say where to.`,
            status,
          );
        if (redirects.length >= maxRedirects) {
          throw new FetchFailure(
            "too_many_redirects",
            `The page redirected more than ${maxRedirects} times; Parallax stopped following it.`,
            status,
          );
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchFailure("bad_redirect", "The site redirected to an address that is not a valid URL.", status);
        }
        current = parseTarget(next.toString());
        redirects.push(current.toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new FetchFailure("http_error", httpErrorReason(status, res.statusMessage), status);
      }
      const declared = mediaType(res.headers["content-type"]);
      if (declared && !ALLOWED_TYPES.has(declared)) {
        res.destroy();
        throw new FetchFailure(
          "bad_content_type",
          `This link leads to a ${describeType(
            declared,
          )}, not a web page. Parallax reads HTML pages and plain text; paste the text instead.`,
          status,
        );
      }
      const length = Number(res.headers["content-length"]);
      if (Number.isFinite(length) && length > maxBytes && !res.headers["content-encoding"]) {
        res.destroy();
        throw new FetchFailure("too_large", tooLargeReason(maxBytes), status);
      }
      const bytes = await readBody(res, maxBytes, controller.signal);
      // Missing Content-Type: accept only what looks like text (no NUL bytes up front).
      if (!declared && bytes.subarray(0, 1024).includes(0)) {
        throw new FetchFailure(
          "bad_content_type",
          "This link does not lead to a web page or text. Paste the text instead.",
          status,
        );
      }
      const body = decode(bytes, res.headers["content-type"]);
      const contentType = declared ?? (/^\s*</.test(body.slice(0, 256)) ? "text/html" : "text/plain");
      return { ok: true, finalUrl: current.toString(), status, contentType, body, redirects };
    }
  } catch (err) {
    if (err instanceof FetchFailure) return { ok: false, reason: err.reason, code: err.code, status: err.status };
    if (timedOut)
      return {
        ok: false,
        code: "timeout",
        reason: `The site did not answer within ${formatSeconds(timeoutMs)}; try again later or paste the text.`,
      };
    if (controller.signal.aborted) return { ok: false, code: "aborted", reason: "The fetch was cancelled." };
    const msg = err instanceof Error ? err.message : String(err);
    return { ok: false, code: "network_error", reason: `Could not fetch this page: ${networkReason(msg)}.` };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onOuterAbort);
  }
}

function parseTarget(input: string): URL {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new FetchFailure("invalid_url", "That does not look like a web address (it should start with https://).");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new FetchFailure(
      "bad_scheme",
      `Only http and https links can be imported (this one is ${u.protocol.replace(":", "")}).`,
    );
  }
  if (!u.hostname) throw new FetchFailure("invalid_url", "That web address has no host name.");
  return u;
}

function hostOf(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

function portOf(u: URL): number {
  return u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80;
}

/** Host:port pairs from PARALLAX_FETCH_ALLOW, read at call time ("127.0.0.1:4567,[::1]:80"). */
export function fetchAllowList(env: Record<string, string | undefined> = process.env): Set<string> {
  const out = new Set<string>();
  for (const raw of (env.PARALLAX_FETCH_ALLOW ?? "").split(",")) {
    const m = /^\s*\[?([^\]\s]+?)\]?:(\d{1,5})\s*$/.exec(raw);
    if (m) out.add(`${m[1]!.toLowerCase()}:${Number(m[2])}`);
  }
  return out;
}

type Address = { address: string; family: 4 | 6 };

/** Resolves the host and returns the addresses to connect to, or throws when any address is refused. */
async function checkTarget(u: URL, signal: AbortSignal): Promise<Address[]> {
  const host = hostOf(u);
  const allowed = fetchAllowList().has(`${host}:${portOf(u)}`);
  let addresses: Address[];
  const literal = net.isIP(host);
  if (literal) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else {
    try {
      const found = await abortable(dnsLookup(host, { all: true, verbatim: true }), signal);
      addresses = found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
    } catch (err) {
      if (signal.aborted) throw err;
      throw new FetchFailure("dns_failed", `The site ${host} could not be found (its name does not resolve).`);
    }
    if (addresses.length === 0) throw new FetchFailure("dns_failed", `The site ${host} could not be found.`);
  }
  if (!allowed) {
    for (const a of addresses) {
      const verdict = classifyAddress(a.address);
      if (verdict !== "public") {
        throw new FetchFailure(
          "blocked_address",
          // A name is refused without saying what it resolved to: the message must not map internal names.
          host === a.address
            ? `Parallax does not fetch from ${host}: it is a ${verdict} address, not a public web site.`
            : `Parallax does not fetch from ${host}: it is not a public web site.`,
        );
      }
    }
  }
  return addresses;
}

/** "public", or a plain-words description of why an address is refused. */
export function classifyAddress(address: string): string {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return "malformed";
  }
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
  }
  const range = ip.range();
  if (ip.kind() === "ipv4") return range === "unicast" ? "public" : describeRange(range);
  // IPv6: only global unicast (2000::/3) outside every special block; this also refuses the
  // IPv4-compatible, NAT64, 6to4 and Teredo forms that can embed a private IPv4 address.
  const first = (ip as ipaddr.IPv6).parts[0]!;
  if (range !== "unicast") return describeRange(range);
  return (first & 0xe000) === 0x2000 ? "public" : "reserved";
}

function describeRange(range: string): string {
  const words: Record<string, string> = {
    loopback: "loopback (this machine)",
    private: "private-network",
    uniqueLocal: "private-network",
    linkLocal: "link-local (includes cloud metadata services)",
    multicast: "multicast",
    unspecified: "unspecified",
    broadcast: "broadcast",
    carrierGradeNat: "carrier-grade NAT",
    deprecatedSiteLocal: "site-local",
  };
  return words[range] ?? "reserved";
}

function request(u: URL, pinned: Address[], signal: AbortSignal): Promise<http.IncomingMessage> {
  const mod = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    // The pinned lookup makes the socket use the addresses we checked, whatever DNS says now.
    const lookup = (_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
      if (options?.all)
        cb(
          null,
          pinned.map((a) => ({ address: a.address, family: a.family })),
        );
      else cb(null, pinned[0]!.address, pinned[0]!.family);
    };
    const req = mod.request(
      {
        protocol: u.protocol,
        hostname: hostOf(u),
        port: portOf(u),
        path: `${u.pathname}${u.search}`,
        method: "GET",
        agent: false,
        lookup: lookup as unknown as net.LookupFunction,
        signal,
        headers: {
          "User-Agent": USER_AGENT,
          Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
          "Accept-Language": "en;q=1, *;q=0.5",
          "Accept-Encoding": "gzip, deflate, br",
          Host: u.host,
        },
      },
      resolve,
    );
    req.on("socket", (socket) => {
      socket.once("connect", () => {
        const remote = socket.remoteAddress;
        if (remote && !pinned.some((a) => sameAddress(remote, a.address))) {
          req.destroy(
            new FetchFailure("blocked_address", "The connection went to an address Parallax had not checked."),
          );
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

function sameAddress(a: string, b: string): boolean {
  try {
    return ipaddr.process(a).toString() === ipaddr.process(b).toString();
  } catch {
    return a === b;
  }
}

async function readBody(res: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const encoding = String(res.headers["content-encoding"] ?? "")
    .trim()
    .toLowerCase();
  let stream: NodeJS.ReadableStream = res;
  // Decompress ourselves and count decoded bytes, so a small compressed bomb still hits the cap.
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  if (decoder) {
    // pipe() does not forward errors: a broken connection must end the read, not wait for the timeout.
    res.on("error", (e) => decoder.destroy(e));
    res.on("aborted", () => decoder.destroy(new Error("aborted")));
    stream = res.pipe(decoder);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new FetchFailure("too_large", tooLargeReason(maxBytes));
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    if (signal.aborted) throw err;
    throw new FetchFailure(
      "network_error",
      "The page could not be read completely (the connection broke or the compression was invalid).",
    );
  } finally {
    res.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks, total);
}

function mediaType(header: string | undefined): string | null {
  if (!header) return null;
  const t = header.split(";")[0]!.trim().toLowerCase();
  return t || null;
}

function decode(bytes: Buffer, header: string | undefined): string {
  let charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(header ?? "")?.[1];
  if (!charset) {
    // An HTML page may name its charset in a <meta> near the top.
    const head = bytes.subarray(0, 2048).toString("latin1");
    charset = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(charset ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function describeType(t: string): string {
  if (t === "application/pdf") return "PDF document";
  if (t.startsWith("image/")) return "image";
  if (t.startsWith("video/")) return "video";
  if (t.startsWith("audio/")) return "audio file";
  if (t === "application/json") return "JSON data file";
  return `file of type ${t}`;
}

function httpErrorReason(status: number, message: string | undefined): string {
  if (status === 401 || status === 403)
    return `The site refused access (${status}); the article may be paywalled or block automated readers. Paste the text instead.`;
  if (status === 404 || status === 410) return `The site says this page does not exist (${status}).`;
  if (status === 429) return "The site asked us to slow down (429); try again later or paste the text.";
  if (status >= 500) return `The site had an error (${status}${message ? ` ${message}` : ""}); try again later.`;
  return `The site answered ${status}${message ? ` ${message}` : ""} instead of the page.`;
}

function tooLargeReason(maxBytes: number): string {
  return `The page is larger than ${formatBytes(
    maxBytes,
  )}, more than an article; Parallax stopped reading it. Paste the text instead.`;
}

function formatBytes(n: number): string {
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} seconds` : `${ms} ms`;
}

function networkReason(msg: string): string {
  if (/ECONNREFUSED/.test(msg)) return "the site refused the connection";
  if (/ECONNRESET|socket hang up/.test(msg)) return "the connection was dropped";
  if (/certificate|CERT|SSL|TLS/i.test(msg)) return "its secure connection (certificate) is not valid";
  if (/EHOSTUNREACH|ENETUNREACH/.test(msg)) return "the site cannot be reached";
  return "a network error occurred";
}

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error("aborted"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
