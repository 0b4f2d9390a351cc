import { cleanText } from "./clean-text";
import { extractArticleFromHtml } from "./extract.server";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const ACCEPTED = [".txt", ".md", ".html", ".htm"] as const;

export type UploadRead =
  | { ok: true; text: string; title: string | null; author: string | null; outlet: string | null; published: string | null; language: string | null; url: string | null }
  | { ok: false; reason: string };

/** Text that is not text: NUL bytes, undecodable sequences or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (n > 0 && control / n > 0.02) return true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Reads an uploaded .txt, .md or .html file into clean text and whatever metadata it carries. */
export function readUpload(name: string, bytes: Uint8Array, hints: { title?: string | null; outlet?: string | null; author?: string | null } = {}): UploadRead {
  const base = name.split(/[\\/]/).pop() ?? "";
  const ext = (/\.[a-z0-9]+$/i.exec(base)?.[0] ?? "").toLowerCase();
  if (!ACCEPTED.includes(ext as (typeof ACCEPTED)[number])) {
    return { ok: false, reason: `“${base}” is not a .txt, .md or .html file.` };
  }
  if (bytes.length === 0) return { ok: false, reason: `“${base}” is empty.` };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, reason: `“${base}” is over 2 MB; Parallax takes single articles.` };
  if (looksBinary(bytes)) return { ok: false, reason: `“${base}” is not a text file (it looks binary). Upload a .txt, .md or .html file.` };
  const raw = new TextDecoder("utf-8").decode(bytes);
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
  return { ok: true, text: cleaned.text, title: cleaned.title, author: cleaned.author, outlet: cleaned.outlet, published: null, language: null, url: null };
}

/** Markdown to plain prose: headings, emphasis, links and images lose their markup, the words stay. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/^```[^\n]*\n[\s\S]*?^```\s*$/gm, "")
    .replace(/^#{1,6}[ \t]+/gm, "")
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, "")
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
    .replace(/(\*\*|__)([^*_\n]+)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/^>[ \t]?/gm, "")
    .replace(/^[ \t]*[-*+][ \t]+/gm, "")
    .replace(/`([^`\n]+)`/g, "$1");
}
