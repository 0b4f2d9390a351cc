import { randomBytes } from "node:crypto";

export function makeNonce(): string {
  return randomBytes(16).toString("base64");
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
