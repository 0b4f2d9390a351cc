// Parameters that identify a campaign, click or referrer, never the article itself. Kept short on
// purpose: dropping a parameter that does select the article would merge two articles.
const TRACKING_EXACT = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "li_fat_id",
  "igshid",
  "mc_cid",
  "mc_eid",
  "ref",
  "ref_src",
  "ref_url",
  "referrer",
  "cmpid",
  "cmp",
  "ncid",
  "ocid",
  "sr_share",
  "smid",
  "smtyp",
  "spm",
  "__twitter_impression",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "wt_mc",
  "wt.mc_id",
  "guccounter",
  "guce_referrer",
  "guce_referrer_sig",
  "xtor",
  "ito",
  "s_cid",
  "s_kwcid",
  "icid",
  "int_cmp",
]);
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "hsa_", "at_", "itm_"];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_EXACT.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/** True for a parseable absolute http(s) URL. */
export function isHttpUrl(input: string): boolean {
  try {
    const u = new URL(input.trim());
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Normalises a URL for deduplication: lower-case scheme and host, no default port, no fragment,
 * no credentials, no tracking parameters, remaining parameters sorted, no trailing slash
 * (except the root "/"), "www." kept (it can be a different site). Returns null when not http(s).
 */
export function normalizeUrl(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  // WHATWG URL already lower-cases scheme and host, punycodes IDNs and drops default ports.
  u.hash = "";
  u.username = "";
  u.password = "";
  if (u.hostname.endsWith(".")) u.hostname = u.hostname.slice(0, -1);
  const kept = [...u.searchParams.entries()].filter(([k]) => !isTrackingParam(k));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = "";
  for (const [k, v] of kept) u.searchParams.append(k, v);
  let path = u.pathname.replace(/\/{2,}/g, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.replace(/\/+$/, "") || "/";
  u.pathname = path;
  let out = u.toString();
  // An empty query leaves a bare "?" in some inputs.
  if (out.endsWith("?")) out = out.slice(0, -1);
  return out;
}
