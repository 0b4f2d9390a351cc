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
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.on("finish", bumpDataVersion);
      return next();
    }
    const path = req.path;
    if (!opts.match(path)) return next();
    const key = [req.originalUrl, ...opts.vary.map((h) => req.get(h) ?? "")].join("\u0000");
    const hit = cache.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < opts.ttlMs) {
      res.status(hit.status);
      for (const [k, v] of Object.entries(hit.headers)) res.setHeader(k, v);
      res.setHeader("X-Parallax-Cache", "hit");
      res.end(req.method === "HEAD" ? undefined : hit.body);
      return;
    }
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
      if (res.statusCode === 200 && !res.getHeader("set-cookie") && version === started) {
        if (cache.size >= opts.maxEntries) cache.delete(cache.keys().next().value!);
        const headers = { ...res.getHeaders() } as Entry["headers"];
        delete headers["content-length"];
        delete headers["content-encoding"];
        cache.set(key, { at: Date.now(), version, status: 200, headers, body: Buffer.concat(chunks) });
      }
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.setHeader("X-Parallax-Cache", "miss");
    next();
  };
}
