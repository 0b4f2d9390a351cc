import MarkdownIt from "markdown-it";
import { cleanText } from "./clean-text";
import { extractArticleFromHtml } from "./extract.server";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const ACCEPTED = [".txt", ".md", ".html", ".htm"] as const;

export type UploadRead =
  | {
      ok: true;
      text: string;
      title: string | null;
      author: string | null;
      outlet: string | null;
      published: string | null;
      language: string | null;
      url: string | null;
    }
  | { ok: false; reason: string };

/** UTF-16 by its byte-order mark, or by the zero high bytes of mostly-ASCII text without one. */
function utf16Kind(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > n * 0.4 && evenZero === 0) return "utf-16le";
  if (evenZero > n * 0.4 && oddZero === 0) return "utf-16be";
  return null;
}

/**
 * Decodes a text file: UTF-16 (with or without a byte-order mark), UTF-8, or else Windows-1252, the
 * superset of Latin-1 that older word processors and spreadsheets write.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const utf16 = utf16Kind(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes).replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Text that is not text: NUL bytes (outside UTF-16) or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    if (bytes.length % 2 !== 0) return true;
    const text = new TextDecoder(utf16).decode(bytes.subarray(0, 8192)).replace(/^\uFEFF/, "");
    const control = [...text].filter((c) => c < "\t" || (c > "\r" && c < " ")).length;
    return text.includes("\0") || control / Math.max(1, text.length) > 0.02;
  }
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** Reads an uploaded .txt, .md or .html file into clean text and whatever metadata it carries. */
export function readUpload(
  name: string,
  bytes: Uint8Array,
  hints: { title?: string | null; outlet?: string | null; author?: string | null } = {},
): UploadRead {
  const base = name.split(/[\\/]/).pop() ?? "";
  const ext = (/\.[a-z0-9]+$/i.exec(base)?.[0] ?? "").toLowerCase();
  if (!ACCEPTED.includes(ext as (typeof ACCEPTED)[number])) {
    return { ok: false, reason: `“${base}” is not a .txt, .md or .html file.` };
  }
  if (bytes.length === 0) return { ok: false, reason: `“${base}” is empty.` };
  if (bytes.length > MAX_UPLOAD_BYTES)
    return { ok: false, reason: `“${base}” is over 2 MB; Parallax takes single articles.` };
  if (looksBinary(bytes))
    return { ok: false, reason: `“${base}” is not a text file (it looks binary). Upload a .txt, .md or .html file.` };
  const raw = decodeTextFile(bytes);
  if (ext === ".html" || ext === ".htm") {
    const page = extractArticleFromHtml(raw);
    if (!page.ok) return { ok: false, reason: page.reason };
    const cleaned = cleanText(page.text, { title: hints.title ?? page.title, outlet: hints.outlet ?? page.siteName });
    return {
      ok: true,
      text: cleaned.text,
      title: page.title,
      author: page.byline ?? cleaned.author,
      outlet: page.siteName,
      published: page.published,
      language: page.language,
      url: page.canonicalUrl,
    };
  }
  const cleaned = cleanText(ext === ".md" ? stripMarkdown(raw) : raw, hints);
  if (!cleaned.text.trim()) return { ok: false, reason: `“${base}” has no text.` };
  return {
    ok: true,
    text: cleaned.text,
    title: cleaned.title,
    author: cleaned.author,
    outlet: cleaned.outlet,
    published: null,
    language: null,
    url: null,
  };
}

// CommonMark, without raw HTML: a vetted parser whose time grows with the length of the text (a hand-written
// set of regular expressions here once took seven seconds over a 160 KB file).
const markdown = new MarkdownIt("commonmark", { html: false });

/**
 * Markdown to plain prose: headings, emphasis, links and quotes lose their markup, the words stay; images,
 * code blocks and raw HTML are dropped. Blocks end with a blank line, the lines of a tight list with a newline.
 */
export function stripMarkdown(md: string): string {
  const out: string[] = [];
  for (const t of markdown.parse(md, {})) {
    if (t.type === "inline") {
      for (const c of t.children ?? []) {
        if (c.type === "text" || c.type === "code_inline") out.push(c.content);
        else if (c.type === "softbreak" || c.type === "hardbreak") out.push("\n");
      }
    } else if (t.type === "paragraph_close" || t.type === "heading_close") {
      out.push(t.hidden ? "\n" : "\n\n");
    }
  }
  return out
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
