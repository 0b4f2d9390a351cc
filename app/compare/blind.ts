// Blind mode: readers judge texts, not mastheads. Outlet names, authors and URLs are replaced by
// "Article A", "Article B", …; in-text mentions of them are masked with the same number of characters
// so every span offset stays valid. Pure: the page loader, the exports and the CLI share it.

export const MASK_CHAR = "█";

export interface BlindableMeta {
  id: number;
  title: string;
  outlet: string | null;
  author?: string | null;
  url?: string | null;
}

/** "Article A" … "Article Z", then "Article AA", … (bijective base 26). */
export function blindLabel(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `Article ${s}`;
}

/** One label per article in the order given (the focal article first, as the comparison orders them). */
export function blindLabels(articles: { id: number }[]): Map<number, string> {
  return new Map(articles.map((a, i) => [a.id, blindLabel(i)]));
}

// Byline words that are not names ("Staff Reporter"): masking them would blank ordinary words in the texts.
const BYLINE_WORDS = new Set([
  "staff",
  "reporter",
  "reporters",
  "correspondent",
  "editor",
  "editors",
  "desk",
  "team",
  "news",
  "agency",
  "agencies",
  "writer",
  "wire",
  "wires",
  "with",
  "from",
]);

const STOP = new Set([
  "the",
  "and",
  "of",
  "for",
  "on",
  "in",
  "at",
  "a",
  "an",
  "news",
  "daily",
  "times",
  "post",
  "www",
  "com",
  "org",
  "net",
]);

function acronym(name: string): string | null {
  const initials = name
    .split(/[\s/&\-–—,.]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !STOP.has(w.toLowerCase()))
    .map((w) => w[0]!)
    .join("");
  return initials.length >= 3 ? initials : null;
}

function hostLabel(url: string): string | null {
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, "");
    const parts = host.split(".");
    // The registrable-looking label: "aijac" in aijac.org.au, "vellstar" in news.vellstar.com.
    const label =
      parts.find(
        (p, i) => i < parts.length - 1 && p.length >= 3 && !STOP.has(p) && !/^(news|edition|m|amp)$/.test(p),
      ) ?? null;
    return label && label.length >= 3 ? label : null;
  } catch {
    return null;
  }
}

/** The words that would reveal an article's outlet or author: names, an acronym, the site's name, the URL. */
export function revealingNames(meta: Pick<BlindableMeta, "outlet" | "author" | "url">): string[] {
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    const t = s?.trim();
    if (t && t.length >= 2) out.add(t);
  };
  if (meta.outlet) {
    add(meta.outlet);
    add(meta.outlet.replace(/^the\s+/i, ""));
    add(acronym(meta.outlet));
  }
  if (meta.author) {
    add(meta.author);
    // A byline's surname alone ("Wenig said") also names the writer; short given names are left alone.
    for (const part of meta.author.split(/\s+|,\s*|\band\b/))
      if (part.length >= 4 && /^\p{Lu}/u.test(part) && !BYLINE_WORDS.has(part.toLowerCase())) add(part);
  }
  if (meta.url) {
    add(meta.url);
    add(meta.url.replace(/^https?:\/\//, ""));
    add(hostLabel(meta.url));
  }
  return [...out];
}

/** All revealing names of several articles, longest first (so a full name is masked before its parts). */
export function revealingNamesOf(metas: Pick<BlindableMeta, "outlet" | "author" | "url">[]): string[] {
  return [...new Set(metas.flatMap(revealingNames))].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const cache = new Map<string, RegExp | null>();

function namesRegExp(names: string[]): RegExp | null {
  const key = names.join("\u0000");
  if (cache.has(key)) return cache.get(key)!;
  const parts = [...names]
    .filter((n) => n.trim().length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRe(n.trim()).replace(/\s+/g, "\\s+"));
  const re = parts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join("|")})(?![\\p{L}\\p{N}])`, "giu") : null;
  if (cache.size > 200) cache.clear();
  cache.set(key, re);
  return re;
}

/** Masks every occurrence of the names (case-insensitive, whole words) with as many mask characters: offsets stay valid. */
export function maskNames(text: string, names: string[]): string {
  const re = namesRegExp(names);
  if (!re || !text) return text;
  return text.replace(re, (m) => MASK_CHAR.repeat(m.length));
}

/** An article's metadata as blind mode shows it: the label for the outlet, no author or URL, the title masked. */
export function blindArticle<T extends BlindableMeta>(meta: T, label: string, names: string[]): T {
  return { ...meta, title: maskNames(meta.title, names), outlet: label, author: null, url: null };
}

/** Masks the names in every string of a JSON-like value (loader data, export rows); keys are left as they are. */
export function maskDeep<T>(value: T, names: string[]): T {
  if (!namesRegExp(names)) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return maskNames(v, names);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
