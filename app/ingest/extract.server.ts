import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { detectLanguage } from "./language";
import { clean, countWords } from "./text-utils";

export type ExtractedArticle = {
  ok: true;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601: a date ("2024-03-05") or a UTC timestamp; null when the page names none. */
  published: string | null;
  /** ISO 639-1, or null when the body is too short or in a language we do not map. */
  language: string | null;
  canonicalUrl: string | null;
  /** Clean body: paragraphs joined by "\n\n", whitespace normalised inside each. */
  text: string;
};
/** `title` (when the page names one) prefills the "paste the text instead" form. */
export type ExtractFailure = { ok: false; reason: string; title: string | null };
export type ExtractResult = ExtractedArticle | ExtractFailure;

export const NO_ARTICLE_MESSAGE =
  "This page has no article text we could find (it may be paywalled or built by scripts). Paste the text instead.";

// Fewer words than this is a teaser, a paywall stub or a "please enable JavaScript" shell.
const MIN_WORDS = 30;

// Block elements start and end a paragraph; everything else is inline text inside one.
const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "DIV",
  "SECTION",
  "ARTICLE",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "TABLE",
  "TR",
  "HEADER",
  "FOOTER",
  "MAIN",
  "ADDRESS",
  "HR",
]);
// Not body prose: captions, media, scripts and furniture Readability sometimes leaves in.
const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "FIGURE",
  "FIGCAPTION",
  "PICTURE",
  "IMG",
  "SVG",
  "VIDEO",
  "AUDIO",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "BUTTON",
  "FORM",
  "INPUT",
  "SELECT",
  "TEXTAREA",
  "NAV",
  "ASIDE",
  "MATH",
]);
// The plain walk (no Readability) also drops site furniture.
const SKIP_PLAIN = new Set([...SKIP, "HEADER", "FOOTER"]);

/** Extracts the article (clean text + metadata) from an HTML page. Never returns HTML. */
export function extractArticleFromHtml(html: string, opts: { url?: string } = {}): ExtractResult {
  let document: Document;
  // linkedom builds no body for a bare fragment; give it a document shell.
  const page = /<(html|body)[\s>]/i.test(html.slice(0, 4096))
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  try {
    document = parseHTML(page).document as unknown as Document;
  } catch {
    return { ok: false, reason: "This file could not be read as an HTML page.", title: null };
  }
  if (!document?.documentElement) return { ok: false, reason: NO_ARTICLE_MESSAGE, title: null };

  // Readability mutates the DOM, so read the metadata first.
  const meta = readMetadata(document, opts.url);
  type Parsed = {
    title?: string | null;
    content?: Node | null;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
  };
  let parsed: Parsed | null = null;
  // Readability is quadratic in nesting depth and slow on huge trees: such pages get a plain walk.
  const shape = measureTree(document);
  const useReadability = shape.depth <= MAX_READABILITY_DEPTH && shape.elements <= MAX_READABILITY_ELEMENTS;
  if (useReadability) {
    try {
      parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
    } catch {
      parsed = null;
    }
  } else {
    const root = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
    if (root) {
      parsed = { title: meta.title, content: root };
    }
  }
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, reason: NO_ARTICLE_MESSAGE, title: meta.title };

  const title = clean(parsed.title ?? "") || meta.title;
  let paragraphs = blocksToParagraphs(content, useReadability ? SKIP : SKIP_PLAIN);
  // Readability usually drops the headline from the body; when it does not, do it here.
  if (title && paragraphs[0] && paragraphs[0].toLowerCase() === title.toLowerCase()) paragraphs = paragraphs.slice(1);
  const lead = stripLeadingFurniture(paragraphs, meta.timeTexts);
  paragraphs = lead.paragraphs;
  const text = paragraphs.join("\n\n");
  if (countWords(text) < MIN_WORDS) return { ok: false, reason: NO_ARTICLE_MESSAGE, title: title || null };

  const lang = detectLanguage(text);
  return {
    ok: true,
    title: title || null,
    byline: cleanByline(parsed.byline) ?? meta.author ?? lead.byline,
    siteName: clean(parsed.siteName ?? "") || meta.siteName,
    published: meta.published ?? toIsoDate(parsed.publishedTime),
    language: lang.code === "und" ? null : lang.code,
    canonicalUrl: meta.canonicalUrl,
    text,
  };
}

const MAX_READABILITY_DEPTH = 120;
const MAX_READABILITY_ELEMENTS = 80_000;

function measureTree(doc: Document): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[Element, number]> = [[doc.documentElement, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    for (const kid of Array.from(el.children)) stack.push([kid, d + 1]);
  }
  return { depth, elements };
}

// Byline and dateline paragraphs ahead of the story are page furniture, not article text.
function stripLeadingFurniture(
  paragraphs: string[],
  timeTexts: string[],
): { paragraphs: string[]; byline: string | null } {
  const times = new Set(timeTexts.map((t) => t.toLowerCase()));
  let byline: string | null = null;
  let i = 0;
  for (; i < paragraphs.length && i < 4; i++) {
    const p = paragraphs[i]!;
    if (p.length > 120) break;
    if (/^by\s/i.test(p) && countWords(p) <= 14) {
      byline ??= cleanByline(p.split(/\s[|·•]\s/)[0]);
      continue;
    }
    if (times.has(p.toLowerCase()) || isDateLine(p)) continue;
    break;
  }
  return { paragraphs: paragraphs.slice(i), byline };
}

function isDateLine(p: string): boolean {
  if (p.length > 60 || countWords(p) > 9) return false;
  const stripped = p.replace(/^(published|updated|posted)(\s+on)?:?\s*/i, "").replace(/\s*\b(utc|gmt)\b.*$/i, "");
  return !Number.isNaN(Date.parse(stripped)) && /\d{4}/.test(stripped);
}

/** Splits a DOM subtree into paragraphs at block boundaries, normalising whitespace in each. */
export function blocksToParagraphs(root: Node, skip: ReadonlySet<string> = SKIP): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    const para = clean(buf.join(""));
    if (para) out.push(para);
    buf = [];
  };
  // Iterative walk: deeply nested markup must not blow the stack.
  type Frame = { node: Node; exit: boolean };
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === 3) {
      buf.push(node.nodeValue ?? "");
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (skip.has(tag)) continue;
    if (tag === "BR") {
      buf.push(" ");
      continue;
    }
    const isBlock = BLOCKS.has(tag);
    if (exit) {
      if (isBlock) flush();
      else if (tag === "TD" || tag === "TH") buf.push(" ");
      continue;
    }
    if (isBlock) flush();
    stack.push({ node, exit: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push({ node: kid, exit: false });
    }
  }
  flush();
  return out;
}

type PageMeta = {
  title: string | null;
  author: string | null;
  siteName: string | null;
  published: string | null;
  canonicalUrl: string | null;
  timeTexts: string[];
};

function readMetadata(doc: Document, pageUrl?: string): PageMeta {
  const metaContent = (selector: string): string | null => {
    const el = doc.querySelector(selector);
    const v = el?.getAttribute("content");
    return v ? clean(v) || null : null;
  };
  const ld = readJsonLd(doc);
  const timeEl = doc.querySelector("article time[datetime], time[datetime]");
  const publishedCandidates = [
    metaContent('meta[property="article:published_time"]'),
    metaContent('meta[name="article:published_time"]'),
    ld.published,
    metaContent('meta[itemprop="datePublished"]'),
    timeEl?.getAttribute("datetime") ?? null,
    metaContent('meta[name="date"]'),
    metaContent('meta[name="pubdate"]'),
    metaContent('meta[name="publishdate"]'),
    metaContent('meta[name="dc.date"]'),
    metaContent('meta[name="DC.date.issued"]'),
  ];
  let published: string | null = null;
  for (const c of publishedCandidates) {
    published = toIsoDate(c);
    if (published) break;
  }
  const canonicalRaw =
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? metaContent('meta[property="og:url"]');
  return {
    title: metaContent('meta[property="og:title"]') ?? ld.headline ?? (clean(doc.title ?? "") || null),
    author: cleanByline(metaContent('meta[name="author"]') ?? ld.author),
    siteName: metaContent('meta[property="og:site_name"]') ?? ld.publisher,
    published,
    canonicalUrl: resolveHttpUrl(canonicalRaw, pageUrl),
    timeTexts: Array.from(doc.querySelectorAll("time"))
      .slice(0, 20)
      .map((t) => clean(t.textContent ?? ""))
      .filter((t) => t.length > 0 && t.length < 80),
  };
}

type LdFields = { published: string | null; headline: string | null; author: string | null; publisher: string | null };

// JSON-LD comes as an object, a list or an @graph; take the first article-like node.
function readJsonLd(doc: Document): LdFields {
  const out: LdFields = { published: null, headline: null, author: null, publisher: null };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (const s of Array.from(scripts)) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? "");
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const node = queue[i];
      if (Array.isArray(node)) {
        queue.push(...node);
        continue;
      }
      if (!node || typeof node !== "object") continue;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o["@graph"])) queue.push(...(o["@graph"] as unknown[]));
      if (!out.published && typeof o.datePublished === "string") out.published = o.datePublished;
      if (!out.headline && typeof o.headline === "string") out.headline = clean(o.headline) || null;
      if (!out.author) out.author = ldName(o.author);
      if (!out.publisher) out.publisher = ldName(o.publisher);
    }
  }
  return out;
}

function ldName(v: unknown): string | null {
  if (typeof v === "string") return clean(v) || null;
  if (Array.isArray(v)) {
    const names = v.map(ldName).filter((n): n is string => !!n);
    return names.length ? names.join(", ") : null;
  }
  if (v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string") {
    return clean((v as { name: string }).name) || null;
  }
  return null;
}

function cleanByline(b: string | null | undefined): string | null {
  if (!b) return null;
  const s = clean(b)
    .replace(/^by\s+/i, "")
    .trim();
  return s || null;
}

/** Normalises a date string to ISO: a bare date stays a date, anything with a time becomes UTC. */
export function toIsoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const v = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Number.isNaN(Date.parse(v)) ? null : v;
  if (v.length > 64) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  // Reject epoch zeros and typos far in the future.
  if (year < 1900 || year > 2200) return null;
  return new Date(t).toISOString();
}

function resolveHttpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}
