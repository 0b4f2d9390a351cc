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
  { type: "next" } | { type: "login" } | { type: "forbidden"; message: string } | { type: "rewrite"; search: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type RouteAccess = "open" | "owner" | "signed-in" | "shareable";

/**
 * Every access decision reads this one table, first match wins, on the normalised path (lower case, decoded,
 * single slashes, no ".data" or trailing slash), because the router matches paths without regard to case.
 * Anything not listed needs a signed-in user (and, to change anything, an editor or owner).
 */
const ROUTE_ACCESS: Array<[RegExp, RouteAccess]> = [
  [/^\/login$/, "open"],
  [/^\/s\/[a-z0-9_-]+$/, "open"],
  [/^\/favicon\.(svg|ico)$/, "open"],
  [/^\/assets\//, "open"],
  // Remix's lazy route discovery: which route modules serve a path (no data); the login and share pages need it.
  [/^\/__manifest$/, "open"],
  [/^\/accounts(\/|$)/, "owner"],
  [/^\/logout$/, "signed-in"],
  [/^\/comparisons\/\d+(\/export\/[^/]+)?$/, "shareable"],
];

/** "/comparisons/3.data" → "/comparisons/3"; "/_root.data" → "/"; "/ACCOUNTS/" → "/accounts"; "/%61ccounts" → "/accounts". */
export function routePath(path: string): string {
  let p = path;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* undecodable: judged as written */
  }
  p = p.toLowerCase().replace(/[\\/]+/g, "/");
  if (p === "/_root.data") return "/";
  p = p.replace(/\.data$/, "").replace(/\/+$/, "");
  return p.startsWith("/") ? p : `/${p}`;
}

function routeAccess(path: string): RouteAccess | null {
  return ROUTE_ACCESS.find(([re]) => re.test(path))?.[1] ?? null;
}

/**
 * Who may do what on a shared instance: viewers read; editors also import and edit; owners also manage
 * accounts. Without accounts (single user on loopback) everything is open. A share link opens one
 * comparison read-only, in blind mode when the link says so.
 */
export function decideAccess(input: AccessInput): AccessDecision {
  const path = routePath(input.path);
  const access = routeAccess(path);
  if (!input.authEnabled || access === "open") return { type: "next" };
  const safe = SAFE_METHODS.has(input.method.toUpperCase());
  if (input.user) {
    if (access === "signed-in") return { type: "next" };
    if (access === "owner" && input.user.role !== "owner")
      return { type: "forbidden", message: "Only an owner can manage accounts." };
    if (!safe && input.user.role === "viewer")
      return { type: "forbidden", message: "Viewers can read but not change anything; ask an editor or owner." };
    return { type: "next" };
  }
  if (input.share && safe && access === "shareable") {
    const m = /^\/comparisons\/(\d+)/.exec(path);
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
export function isCrossSite(
  method: string,
  headers: { origin?: string; host?: string; secFetchSite?: string },
  ownOrigins: string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite === "cross-site") return true;
  if (headers.origin && headers.origin !== "null") return !ownOrigins.includes(headers.origin);
  return headers.origin === "null";
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    // The first of two cookies with one name wins, as browsers send the most specific first; a later
    // duplicate (set by a sibling subdomain or a script) cannot override the session.
    if (!k || Object.hasOwn(out, k)) continue;
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
/** Marks a browser that has signed in to an account before: failed guesses elsewhere do not lock it out. */
export const DEVICE_COOKIE = "parallax_device";

export function cookie(
  name: string,
  value: string,
  opts: { expires?: Date; secure?: boolean; maxAge?: number; path?: string } = {},
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? "/"}`, "HttpOnly", "SameSite=Lax"];
  if (opts.expires) parts.push(`Expires=${opts.expires.toUTCString()}`);
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}
