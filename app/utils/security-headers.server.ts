import { randomBytes } from "node:crypto";

// Random bytes are drawn 4 KiB at a time (one call to the system's generator per 256 nonces rather than one
// per request: measured at about a tenth of a cached page's cost); each nonce is 16 bytes never used again.
let pool = Buffer.alloc(0);
let at = 0;

/** A fresh CSP nonce: 16 random bytes, base64. */
export function makeNonce(): string {
  if (at + 16 > pool.length) {
    pool = randomBytes(4096);
    at = 0;
  }
  const nonce = pool.toString("base64", at, at + 16);
  at += 16;
  return nonce;
}

/**
 * Headers for every response. Scripts: only our own files and Remix's nonce'd inline bootstrap.
 * Styles allow inline attributes (charts and layout use them); no third-party origins at all.
 */
export function securityHeaders(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${opts.dev ? " 'unsafe-inline'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (opts.https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}
