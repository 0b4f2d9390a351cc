import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Request, RequestHandler, Response } from "express";

// A page cache for the heaviest pages (a comparison renders eight charts and up to four texts): readers
// of the same page get one render, compressed once, until what the page shows changes.
//
// An entry is current while (1) the page's fingerprint is unchanged (for comparisons: a revision that
// database triggers bump on every change the page shows, made by any process), (2) nothing was posted
// through this process since (`bumpDataVersion`), and (3) it is younger than `maxAgeMs`, which bounds
// what the fingerprint does not see. The cached page keeps the CSP nonce of its render, with the header
// that names it: any stored change renders a new page with a new nonce.

interface Entry {
  key: string;
  at: number;
  version: number;
  fingerprint: string;
  status: number;
  headers: Record<string, string | string[] | number>;
  body: Buffer;
  /** Compressed once per entry, on first request for that encoding (off the main thread). */
  encoded: Map<Encoding, Promise<Buffer>>;
  /** The compressed copies' bytes, counted in the cache's size once made. */
  encodedBytes?: number;
}

type Encoding = "br" | "gzip";

let version = 0;

/** Called after anything that changes what a page shows (a form post, an import). */
export function bumpDataVersion(): void {
  version++;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|x-ndjson)|image\/svg\+xml)/i;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Brotli quality 3: most pages are compressed for one or a few readers (a number's first view), so the CPU matters
 * more than the last bytes. On a 220 KB page, quality 3 took 4.0 ms and quality 5 9.3 ms (under load), for 8% more
 * bytes (67.6 against 62.4 KB); gzip level 6 took 6.5 ms for 65.2 KB.
 */
const BROTLI_QUALITY = 3;

function encode(body: Buffer, enc: Encoding): Promise<Buffer> {
  return enc === "br"
    ? brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzip(body, { level: 6 });
}

export interface ResponseCacheOptions {
  maxAgeMs: number;
  maxEntries: number;
  /**
   * Bytes the entries may hold in all (each page and its compressed copies); the oldest go first. Entries alone
   * do not bound memory: a comparison page with its texts is several hundred KB.
   */
  maxBytes?: number;
  /** Which requests may be cached (GET and HEAD only in any case). */
  match: (req: Request) => boolean;
  /** Request headers that make a different page (the session cookie: each reader their own). */
  vary: string[];
  /** What the page's data is now: an entry made under another fingerprint is stale. Null: do not cache. */
  fingerprint?: (req: Request) => Promise<string | null>;
  /**
   * How long a page whose fingerprint changed may still be served (0, the default: never). Changes posted
   * through this process are never served stale: their author sees them at once.
   */
  staleForMs?: number;
  /** Render and key by the known query parameters only (see normalisedQuery). */
  normaliseQuery?: boolean;
  /** What else makes a different page, in place of whole `vary` headers (e.g. just the session cookie). */
  varyKey?: (req: Request) => string;
  /**
   * Pages whose `focus` names one of their numbers: a render hands back (`res.locals.registerFocusCheck`, passed to
   * the loader's context) which tokens are real for that page, reader and fingerprint. Later requests of theirs
   * with a token it does not know are answered as `focus=none` (one entry, saying the number was not found), so
   * made-up tokens cannot force renders. The first request after a change renders as asked.
   */
  checkFocus?: boolean;
}

/** The focus value every made-up token is answered as (no number has it, so the page says it was not found). */
export const UNKNOWN_FOCUS = "none";
/**
 * Pages and readers whose focus check is kept (one revision each: a new one replaces the old). Each holds its loaded
 * comparison (several MB for a large one) beyond the 16 the comparison memo keeps: few, so memory stays bounded.
 */
const MAX_FOCUS_CHECKS = 32;

export function responseCache(opts: ResponseCacheOptions): RequestHandler {
  const cache = new Map<string, Entry>();
  const maxBytes = opts.maxBytes ?? Infinity;
  let bytes = 0;
  const sizeOf = (e: Entry) => e.body.length + (e.encodedBytes ?? 0);
  const drop = (key: string) => {
    const e = cache.get(key);
    if (!e) return;
    cache.delete(key);
    bytes -= sizeOf(e);
  };
  const fit = () => {
    for (const k of cache.keys()) {
      if (cache.size <= opts.maxEntries && bytes <= maxBytes) break;
      drop(k);
    }
  };
  // Requests that arrive while the same page is being rendered wait for that render instead of starting
  // their own: fifty readers at the moment a page changes cost one render, not fifty.
  const inflight = new Map<string, ((e: Entry | null) => void)[]>();
  /**
   * Which focus tokens are real, by page and reader, for one fingerprint each (see `checkFocus`): a check holds its
   * loaded comparison, so a page that keeps changing keeps one, not one per revision; the oldest go first.
   */
  const focusChecks = new Map<string, { fingerprint: string; check: (token: string) => boolean }>();

  function send(req: Request, res: Response, e: Entry, how: string): void {
    res.status(e.status);
    for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
    res.setHeader("X-Parallax-Cache", how);
    const body = (buf: Buffer) => {
      res.setHeader("Content-Length", buf.length);
      res.end(req.method === "HEAD" ? undefined : buf);
    };
    const type = String(e.headers["content-type"] ?? "");
    const best =
      e.body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(type)
        ? req.acceptsEncodings("br", "gzip", "identity")
        : "identity";
    if (best !== "br" && best !== "gzip") return body(e.body);
    let p = e.encoded.get(best);
    if (!p) {
      p = encode(e.body, best);
      e.encoded.set(best, p);
      void p.then(
        (buf) => {
          e.encodedBytes = (e.encodedBytes ?? 0) + buf.length;
          // Counted only while the entry is still the cache's own.
          if (cache.get(e.key) === e) {
            bytes += buf.length;
            fit();
          }
        },
        () => {},
      );
    }
    p.then(
      (buf) => {
        // Already encoded: the compression middleware leaves a response with a Content-Encoding alone.
        res.setHeader("Content-Encoding", best);
        res.setHeader("Vary", "Accept-Encoding");
        body(buf);
      },
      () => {
        e.encoded.delete(best);
        body(e.body);
      },
    );
  }

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.on("finish", bumpDataVersion);
      return next();
    }
    if (!opts.match(req)) return next();
    if (opts.normaliseQuery) {
      // Rendered as keyed: what the page shows depends only on the known parameters.
      const q = req.originalUrl.indexOf("?");
      if (q >= 0) {
        const path = req.originalUrl.slice(0, q);
        const query = normalisedQuery(req.originalUrl.slice(q));
        // A document is sent to its normalised address: the browser's URL must be the one rendered, or the
        // hydrated page (a form's default action, for one) would differ from the server's HTML.
        // Data requests and downloads hydrate nothing: they are simply answered for the normalised query.
        if (query !== req.originalUrl.slice(q) && !path.endsWith(".data") && !path.includes("/export/"))
          return res.redirect(302, path + query);
        req.originalUrl = path + query;
        req.url = req.originalUrl;
      }
    }
    const reader = [...opts.vary.map((h) => req.get(h) ?? ""), opts.varyKey?.(req) ?? ""];
    void (async () => {
      const fingerprint = opts.fingerprint ? await opts.fingerprint(req) : "";
      if (fingerprint === null) return next();
      // The page and reader whose real focus tokens a render registers (a document and its .data), for this
      // fingerprint only.
      const scope = [req.path.replace(/\.data$/, ""), ...reader].join("\u0000");
      const known = focusChecks.get(scope);
      if (opts.checkFocus) unknownFocus(req, known?.fingerprint === fingerprint ? known.check : undefined);
      const key = [req.originalUrl, ...reader].join("\u0000");
      const hit = cache.get(key);
      const sameVersion = hit && hit.version === version;
      const current = sameVersion && hit.fingerprint === fingerprint;
      const age = hit ? Date.now() - hit.at : Infinity;
      if (current && age < opts.maxAgeMs) return send(req, res, hit, "hit");
      const tolerant = (opts.staleForMs ?? 0) > 0;
      // Changed by another process (nothing posted through this one since): the page of the previous revision
      // is served while it is younger than `staleForMs`, so a page that keeps changing (a bulk import into its
      // comparison) is rendered at most once per `staleForMs`, however many readers and changes there are.
      if (sameVersion && tolerant && age < opts.staleForMs!) return send(req, res, hit, "stale");
      const waiting = inflight.get(key);
      if (waiting) {
        // Serve the previous page while the one render in flight refreshes it.
        if (sameVersion && (current || tolerant)) return send(req, res, hit, "stale");
        waiting.push((e) => (e && (e.fingerprint === fingerprint || tolerant) ? send(req, res, e, "shared") : next()));
        return;
      }
      // A HEAD is answered from the cache but never fills it: Remix answers it with no body, which would be kept
      // as the page and served to the GETs after it.
      if (req.method === "HEAD") return next();
      if (opts.checkFocus)
        res.locals.registerFocusCheck = (check: (token: string) => boolean) => {
          focusChecks.delete(scope);
          focusChecks.set(scope, { fingerprint, check });
          if (focusChecks.size > MAX_FOCUS_CHECKS) focusChecks.delete(focusChecks.keys().next().value!);
        };
      render(req, res, next, key, fingerprint);
    })().catch(next);
  };

  function render(req: Request, res: Response, next: (err?: unknown) => void, key: string, fingerprint: string): void {
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

    // A page that will be kept is held whole and sent as a hit is: compressed once, off the event loop, the copy
    // kept for the next readers. Streamed through the compression middleware it was compressed twice (gzip for
    // this reader, later brotli for the others), the gzip on the event loop and flushed after every chunk.
    // Whether it will be kept is known at its first chunk (the status and cookies are set by then).
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
    const started = version;
    let held: boolean | null = null;
    const holds = () => (held ??= res.statusCode === 200 && !res.getHeader("set-cookie"));
    const toBuffer = (chunk: unknown, enc: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof enc === "string" ? (enc as BufferEncoding) : "utf8");
    const restore = () => {
      res.write = write as typeof res.write;
      res.end = end as unknown as typeof res.end;
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!holds()) return write(chunk, ...rest);
      if (chunk) chunks.push(toBuffer(chunk, rest[0]));
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (!holds()) {
        restore();
        const out = end(chunk, ...rest);
        settle(null);
        return out;
      }
      if (res.statusCode !== 200) {
        // An error page replaced the render midway (its handler set its own status and length): only the error
        // page goes out, not the part of the page held before it.
        restore();
        const out = end(chunk, ...rest);
        settle(null);
        return out;
      }
      if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
      const done = [chunk, ...rest].find((r) => typeof r === "function") as (() => void) | undefined;
      if (done) res.once("finish", done);
      restore();
      const body = Buffer.concat(chunks);
      if (res.getHeader("set-cookie") || version !== started) {
        // Changed meanwhile (a post through this process): sent as it is, not kept.
        end(body);
        settle(null);
        return res;
      }
      const headers = { ...res.getHeaders() } as Entry["headers"];
      for (const h of ["content-length", "content-encoding", "x-parallax-cache", "vary", "transfer-encoding"])
        delete headers[h];
      const entry: Entry = {
        key,
        at: Date.now(),
        version,
        fingerprint,
        status: 200,
        headers,
        body,
        encoded: new Map(),
      };
      drop(key);
      cache.set(key, entry);
      bytes += sizeOf(entry);
      fit();
      send(req, res, entry, "miss");
      settle(entry);
      return res;
    }) as typeof res.end;
    res.setHeader("X-Parallax-Cache", "miss");
    next();
  }
}

/** A focus the page's registered check does not know becomes UNKNOWN_FOCUS, in the URL rendered and keyed. */
function unknownFocus(req: Request, check: ((token: string) => boolean) | undefined): void {
  const q = req.originalUrl.indexOf("?");
  if (!check || q < 0) return;
  const sp = new URLSearchParams(req.originalUrl.slice(q));
  const focus = sp.get("focus");
  if (focus === null || focus === UNKNOWN_FOCUS || check(focus)) return;
  sp.set("focus", UNKNOWN_FOCUS);
  req.originalUrl = `${req.originalUrl.slice(0, q)}?${sp.toString()}`;
  req.url = req.originalUrl;
}

// The query parameters a comparison page or export reads, each with the values that change what it shows.
const FLAG = (v: string) => (v === "1" ? "1" : null);
const KNOWN_PARAMS: Record<string, (v: string) => string | null> = {
  _routes: (v) => (/^[\w.,$/-]{1,300}$/.test(v) ? v : null),
  article: (v) => (/^\d{1,9}$/.test(v) ? v : null),
  blind: FLAG,
  by: (v) => (v === "words" ? v : null),
  cg: (v) => (/^g\d{1,5}$/.test(v) ? v : null),
  claims: (v) => (v === "lacks" || v === "only" ? v : null),
  claimsAll: FLAG,
  cols: (v) => (/^[\d,]{1,80}$/.test(v) ? v : null),
  focus: (v) => (v.length <= 300 ? v : null),
  large: (v) => (v === "1" || v === "0" ? v : null),
  layer: (v) => (/^[a-z]{1,12}$/.test(v) ? v : null),
  layers: () => "1",
  notice: (v) => (/^[a-z-]{1,24}$/.test(v) ? v : null),
  print: FLAG,
  // The texts side by side come with the page (otherwise the browser fetches them after the first view).
  reader: FLAG,
  snapshot: (v) => (/^[A-Za-z0-9_-]{12}$/.test(v) ? v : null),
  texts: FLAG,
};

/**
 * The query of a cached page reduced to what changes it: known parameters with meaningful values, in a fixed
 * order. Used both as the cache key and as the URL rendered, so made-up parameters (`?x=1`, `?blind=2`) can
 * neither force a render nor fill the cache with copies of one page.
 */
export function normalisedQuery(search: string): string {
  const sp = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const key of Object.keys(KNOWN_PARAMS).sort()) {
    const values = [
      ...new Set(
        sp
          .getAll(key)
          .map(KNOWN_PARAMS[key]!)
          .filter((v): v is string => v !== null),
      ),
    ];
    // Single-valued parameters keep their first value, as URLSearchParams.get reads it.
    for (const v of key === "layer" ? values : values.slice(0, 1)) out.append(key, v);
  }
  const q = out.toString();
  return q ? `?${q}` : "";
}
