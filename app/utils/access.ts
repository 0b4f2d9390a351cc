import type { Role } from "#db/schema";

export interface AccessInput {
  method: string;
  /** Path as requested; Remix data requests end in ".data". */
  path: string;
  search: string;
  authEnabled: boolean;
  user: { role: Role } | null;
  share: { comparisonId: number; blind: boolean } | null;
}

export type AccessDecision =
  | { type: "next" }
  | { type: "login" }
  | { type: "forbidden"; message: string }
  | { type: "rewrite"; search: string };

const ALWAYS_OPEN = [/^\/login$/, /^\/s\/[A-Za-z0-9_-]+$/, /^\/favicon\.(svg|ico)$/, /^\/assets\//];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** "/comparisons/3.data" → "/comparisons/3"; "/_root.data" → "/". */
export function routePath(path: string): string {
  if (path === "/_root.data") return "/";
  return path.replace(/\.data$/, "") || "/";
}

/**
 * Who may do what on a shared instance: viewers read; editors also import and edit; owners also manage
 * accounts. Without accounts (single user on loopback) everything is open. A share link opens one
 * comparison read-only, in blind mode when the link says so.
 */
export function decideAccess(input: AccessInput): AccessDecision {
  const path = routePath(input.path);
  if (!input.authEnabled || ALWAYS_OPEN.some((re) => re.test(path))) return { type: "next" };
  const safe = SAFE_METHODS.has(input.method.toUpperCase());
  const accounts = path === "/accounts" || path.startsWith("/accounts/");
  if (input.user) {
    if (path === "/logout") return { type: "next" };
    if (accounts && input.user.role !== "owner") return { type: "forbidden", message: "Only an owner can manage accounts." };
    if (!safe && input.user.role === "viewer") return { type: "forbidden", message: "Viewers can read but not change anything; ask an editor or owner." };
    return { type: "next" };
  }
  if (input.share && safe) {
    const m = /^\/comparisons\/(\d+)(?:\/export\/[^/]+)?$/.exec(path);
    if (m && Number(m[1]) === input.share.comparisonId) {
      const params = new URLSearchParams(input.search);
      if (input.share.blind && params.get("blind") !== "1") {
        params.set("blind", "1");
        return { type: "rewrite", search: `?${params.toString()}` };
      }
      return { type: "next" };
    }
  }
  return safe ? { type: "login" } : { type: "forbidden", message: "Sign in first." };
}

/**
 * Cross-site request forgery: a browser always names the page that sent a form (Origin, Sec-Fetch-Site),
 * so a state-changing request from another site is refused whatever cookies it carries.
 */
export function isCrossSite(method: string, headers: { origin?: string; host?: string; secFetchSite?: string }, ownOrigins: string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite === "cross-site") return true;
  if (headers.origin && headers.origin !== "null") return !ownOrigins.includes(headers.origin);
  return headers.origin === "null";
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!k) continue;
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      /* a malformed cookie is ignored, never an error page */
    }
  }
  return out;
}

export const SESSION_COOKIE = "parallax_session";
export const SHARE_COOKIE = "parallax_share";

export function cookie(name: string, value: string, opts: { expires?: Date; secure?: boolean; maxAge?: number } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (opts.expires) parts.push(`Expires=${opts.expires.toUTCString()}`);
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}
