import { NO_ARTICLE_MESSAGE, extractArticleFromHtml } from "./extract.server";
import { detectLanguage, languageName } from "./language";
import { normalizeUrl } from "./normalize-url";
import { cleanText } from "./clean-text";
import { safeFetch, type SafeFetchCode, type SafeFetchOptions } from "./safe-fetch.server";
import { countWords } from "./text-utils";

export type ImportedArticle = {
  /** Normalised final URL (after redirects): the deduplication key. */
  url: string;
  /** Normalised URL as the user gave it; differs from `url` when the link redirected. */
  requestedUrl: string;
  canonicalUrl: string | null;
  title: string | null;
  author: string | null;
  /** Site name from the page, else the host without "www.". */
  outlet: string;
  published: string | null;
  /** ISO 639-1 or null when undetermined. */
  language: string | null;
  /** A visible note when the text is not English (the analysis is English-only for now). */
  languageNote: string | null;
  text: string;
  words: number;
};

export type FetchArticleResult =
  | { ok: true; article: ImportedArticle; redirects: string[] }
  | {
      ok: false;
      reason: string;
      code: SafeFetchCode | "no_article";
      pasteInstead: { url: string; title: string | null };
    };

const MIN_PLAIN_WORDS = 30;

/** Fetches a URL safely and returns a clean article, or a user-readable reason plus a paste-instead prefill. */
export async function fetchArticle(url: string, opts: SafeFetchOptions = {}): Promise<FetchArticleResult> {
  const requested = normalizeUrl(url) ?? url.trim();
  const res = await safeFetch(url, opts);
  if (!res.ok) return { ok: false, reason: res.reason, code: res.code, pasteInstead: { url: requested, title: null } };
  const finalUrl = normalizeUrl(res.finalUrl) ?? res.finalUrl;
  const host = new URL(res.finalUrl).hostname.replace(/^www\./, "");

  if (res.contentType === "text/plain") {
    // Same cleaning as pasted text: headline and byline lines come off the body.
    const { title, text, author } = cleanText(res.body);
    if (countWords(text) < MIN_PLAIN_WORDS) return noArticle(requested, title);
    const language = detectLanguage(text);
    const code = language.code === "und" ? null : language.code;
    return {
      ok: true,
      redirects: res.redirects,
      article: {
        url: finalUrl,
        requestedUrl: requested,
        canonicalUrl: null,
        title,
        author,
        outlet: host,
        published: null,
        language: code,
        languageNote: languageNote(code),
        text,
        words: countWords(text),
      },
    };
  }

  const ex = extractArticleFromHtml(res.body, { url: res.finalUrl });
  if (!ex.ok)
    return { ok: false, reason: ex.reason, code: "no_article", pasteInstead: { url: requested, title: ex.title } };
  return {
    ok: true,
    redirects: res.redirects,
    article: {
      url: finalUrl,
      requestedUrl: requested,
      canonicalUrl: ex.canonicalUrl,
      title: ex.title,
      author: ex.byline,
      outlet: ex.siteName ?? host,
      published: ex.published,
      language: ex.language,
      languageNote: languageNote(ex.language),
      text: ex.text,
      words: countWords(ex.text),
    },
  };
}

/** The note shown beside a non-English article; null for English or an undetermined language. */
export function languageNote(code: string | null): string | null {
  if (!code || code === "en" || code === "und") return null;
  return `Detected language: ${languageName(code)}. The analysis is English-only for now; the text is stored and shown.`;
}

function noArticle(url: string, title: string | null): FetchArticleResult {
  return {
    ok: false,
    code: "no_article",
    reason: NO_ARTICLE_MESSAGE,
    pasteInstead: { url, title },
  };
}
