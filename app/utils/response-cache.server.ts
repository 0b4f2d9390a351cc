import type { RequestHandler } from "express";

// A micro-cache for the heaviest pages (a comparison renders eight charts and up to four texts): a burst
// of readers, e.g. a class opening one shared link, gets one render per couple of seconds instead of one each.
// Any change made through this process clears it at once; other processes' changes show within `ttlMs`.

interface Entry {
  at: number;
  version: number;
  status: number;
  headers: Record<string, string | string[] | number>;
  body: Buffer;
}

let version = 0;

/** Called after anything that changes what a page shows (a form post, an import). */
export function bumpDataVersion(): void {
  version++;
}

export function responseCache(opts: { ttlMs: number; maxEntries: number; match: (path: string) => boolean; vary: string[] }): RequestHandler {
  const cache = new Map<string, Entry>();
  // Requests that arrive while the same page is being rendered wait for that render instead of starting
  // their own: fifty readers at the moment an entry expires cost one render, not fifty.
  const inflight = new Map<string, ((e: Entry | null) => void)[]>();

  function send(res: Parameters<RequestHandler>[1], method: string, e: Entry, how: string): void {
    res.status(e.status);
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    res.setHeader("X-Parallax-Cache", how);
    res.end(method === "HEAD" ? undefined : e.body);
  }

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.on("finish", bumpDataVersion);
      return next();
    }
    if (!opts.match(req.path)) return next();
    const key = [req.originalUrl, ...opts.vary.map((h) => req.get(h) ?? "")].join("\u0000");
    const hit = cache.get(key);
    const current = hit && hit.version === version;
    if (current && Date.now() - hit.at < opts.ttlMs) return send(res, req.method, hit, "hit");
    const waiting = inflight.get(key);
    if (waiting) {
      // Same data, only older than the TTL: serve it while the one render in flight refreshes it.
      if (current) return send(res, req.method, hit, "stale");
      waiting.push((e) => (e ? send(res, req.method, e, "shared") : next()));
      return;
    }
    const waiters: ((e: Entry | null) => void)[] = [];
    inflight.set(key, waiters);
    let settled = false;
    const settle = (e: Entry | null) => {
      if (settled) return;
      settled = true;
      inflight.delete(key);
      for (const w of waiters) w(e);
    };
    res.on("close", () => settle(null));

    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
    const started = version;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8"));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8"));
      let entry: Entry | null = null;
      if (res.statusCode === 200 && !res.getHeader("set-cookie") && version === started) {
        if (cache.size >= opts.maxEntries) cache.delete(cache.keys().next().value!);
        const headers = { ...res.getHeaders() } as Entry["headers"];
        delete headers["content-length"];
        delete headers["content-encoding"];
        delete headers["x-parallax-cache"];
        entry = { at: Date.now(), version, status: 200, headers, body: Buffer.concat(chunks) };
        cache.set(key, entry);
      }
      const out = end(chunk, ...rest);
      settle(entry);
      return out;
    }) as typeof res.end;
    res.setHeader("X-Parallax-Cache", "miss");
    next();
  };
}
