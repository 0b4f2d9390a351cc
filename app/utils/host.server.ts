import ipaddr from "ipaddr.js";

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1 and "localhost". */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "");
  if (h === "localhost") return true;
  if (!ipaddr.isValid(h)) return false;
  const addr = ipaddr.process(h);
  return addr.range() === "loopback";
}

/** The name part of a Host header ("Example.org:3000" → "example.org", "[::1]:80" → "::1"), or null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(h);
  if (!m) return null;
  return m[1]!.replace(/^\[|\]$/g, "").replace(/\.$/, "");
}

/**
 * The Host names this server answers to: loopback names, the address it is bound to (when it is one
 * address rather than all of them) and the host of each public origin in `PARALLAX_ORIGIN`.
 * Any other name could be an attacker's domain resolving to this machine (DNS rebinding).
 */
export function allowedHosts(opts: { bindHost: string; origins: string[] }): (name: string) => boolean {
  const names = new Set<string>();
  const bind = opts.bindHost.replace(/^\[|\]$/g, "").toLowerCase();
  if (bind && bind !== "0.0.0.0" && bind !== "::") names.add(bind);
  for (const o of opts.origins) names.add(new URL(o).hostname.replace(/^\[|\]$/g, "").toLowerCase());
  return (name) => isLoopbackHost(name) || names.has(name);
}

export type HostCheck = { ok: true } | { ok: false; status: 400 | 421; message: string };

/** The first check on every request: a missing or foreign Host is refused before any route runs. */
export function checkHost(header: string | undefined, allowed: (name: string) => boolean): HostCheck {
  const name = hostName(header);
  if (name === null) return { ok: false, status: 400, message: "Refused: this request has no valid Host header." };
  if (!allowed(name)) {
    return {
      ok: false,
      status: 421,
      message:
        `Refused: this Parallax does not answer to the name “${name.slice(0, 100)}”. ` +
        "Open it as localhost or 127.0.0.1, or set PARALLAX_ORIGIN to the address people use to reach it.",
    };
  }
  return { ok: true };
}

/** PARALLAX_ORIGIN: one or more public origins ("https://parallax.example.org"), comma-separated. */
export function parseOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(",").map((s) => {
    let u: URL;
    try {
      u = new URL(s.trim());
    } catch {
      throw new Error(`PARALLAX_ORIGIN: “${s.trim()}” is not an address like https://parallax.example.org.`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:")
      throw new Error(`PARALLAX_ORIGIN: “${s.trim()}” is not an http(s) origin.`);
    return u.origin;
  });
}
