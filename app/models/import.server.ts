import { and, eq } from "drizzle-orm";
import { articles, coverageCandidates, outlets, type ArticleOrigin } from "#db/schema";
import { readBulkPath, type BulkItem, type BulkRecord } from "#app/ingest/bulk.server";
import { cleanText } from "#app/ingest/clean-text";
import { fetchArticle } from "#app/ingest/fetch-article.server";
import { detectLanguage } from "#app/ingest/language";
import { isHttpUrl, normalizeUrl } from "#app/ingest/normalize-url";
import type { SafeFetchOptions } from "#app/ingest/safe-fetch.server";
import type { Db } from "#app/utils/db.server";
import { fallbackTitle, importArticle, InputError } from "./articles.server";
import { addArticleToComparison } from "./comparisons.server";
import { findNearDuplicatesOf } from "./near-duplicates.server";

export interface ImportedItem {
  id: number;
  url: string | null;
  title: string;
  outlet: string | null;
  published: string | null;
  words: number;
}

/** The CLI's `--json` summary and the job log share this shape. */
export interface ImportSummary {
  imported: ImportedItem[];
  duplicates: { input: string; id: number }[];
  failed: { input: string; reason: string }[];
}

export type ItemOutcome =
  | { status: "imported"; input: string; article: ImportedItem; note?: string | null }
  | { status: "duplicate"; input: string; id: number }
  | { status: "failed"; input: string; reason: string };

export interface ImportOptions {
  comparisonId?: number | null;
  fetch?: SafeFetchOptions;
}

export function emptySummary(): ImportSummary {
  return { imported: [], duplicates: [], failed: [] };
}

export function addToSummary(s: ImportSummary, o: ItemOutcome): void {
  if (o.status === "imported") s.imported.push(o.article);
  else if (o.status === "duplicate") s.duplicates.push({ input: o.input, id: o.id });
  else s.failed.push({ input: o.input, reason: o.reason });
}

async function outletName(db: Db, outletId: number | null): Promise<string | null> {
  if (!outletId) return null;
  const [o] = await db.select({ name: outlets.name }).from(outlets).where(eq(outlets.id, outletId));
  return o?.name ?? null;
}

async function findByUrl(db: Db, url: string): Promise<number | null> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.url, url)).limit(1);
  return row?.id ?? null;
}

/** Marks the comparison's coverage candidates for this URL with what happened, and adds the article. */
async function settleCandidates(
  db: Db,
  opts: ImportOptions,
  urls: (string | null | undefined)[],
  o: ItemOutcome,
): Promise<void> {
  if (!opts.comparisonId) return;
  const articleId = o.status === "imported" ? o.article.id : o.status === "duplicate" ? o.id : null;
  if (articleId) await addArticleToComparison(db, opts.comparisonId, articleId);
  const keys = [...new Set(urls.filter((u): u is string => !!u))];
  for (const url of keys) {
    const rows = await db
      .select({ id: coverageCandidates.id, url: coverageCandidates.url })
      .from(coverageCandidates)
      .where(eq(coverageCandidates.comparisonId, opts.comparisonId));
    for (const r of rows) {
      if ((normalizeUrl(r.url) ?? r.url) !== url) continue;
      await db
        .update(coverageCandidates)
        .set({
          status: o.status === "imported" ? "imported" : o.status === "duplicate" ? "duplicate" : "failed",
          articleId,
          error: o.status === "failed" ? o.reason : null,
          updatedAt: new Date().toISOString(),
        })
        .where(and(eq(coverageCandidates.id, r.id), eq(coverageCandidates.comparisonId, opts.comparisonId)));
    }
  }
}

/** "Headline | Outlet" or "Headline - Outlet" (from a page's <title>) → "Headline". Plain string checks, no regex. */
export function stripSiteSuffix(title: string, outlet: string | null | undefined): string {
  if (!outlet) return title;
  const t = title.replace(/\s+/g, " ").trim();
  const o = outlet.replace(/\s+/g, " ").trim().toLowerCase();
  for (const sep of [" | ", " - ", " – ", " — ", " : ", " · ", " • "]) {
    if (t.toLowerCase().endsWith(sep + o)) return t.slice(0, t.length - sep.length - o.length).trim() || title;
  }
  return title;
}

/** Dates as precise as known (YYYY, YYYY-MM, YYYY-MM-DD): a timestamp keeps its day. */
export function normaliseDate(d: string | null | undefined): string | null {
  const m = d ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d.trim()) : null;
  return m ? [m[1], m[2], m[3]].filter(Boolean).join("-") : null;
}

async function store(
  db: Db,
  input: string,
  rec: Required<Pick<BulkRecord, "text">> & BulkRecord,
  origin: ArticleOrigin,
): Promise<ItemOutcome> {
  const cleaned = cleanText(rec.text, { title: rec.title, outlet: rec.outlet, author: rec.author });
  if (!cleaned.text.trim()) return { status: "failed", input, reason: "The text is empty." };
  const lang = rec.language ?? (detectLanguage(cleaned.text).code === "und" ? null : detectLanguage(cleaned.text).code);
  try {
    const out = await importArticle(db, {
      text: cleaned.text,
      title: stripSiteSuffix(rec.title ?? cleaned.title ?? fallbackTitle(cleaned.text), rec.outlet ?? cleaned.outlet),
      author: rec.author ?? cleaned.author,
      outlet: rec.outlet ?? cleaned.outlet,
      published: normaliseDate(rec.published),
      url: rec.url ? (normalizeUrl(rec.url) ?? rec.url) : null,
      language: lang,
      origin,
    });
    if (out.status === "duplicate") return { status: "duplicate", input, id: out.article.id };
    const a = out.article;
    return {
      status: "imported",
      input,
      article: {
        id: a.id,
        url: a.url,
        title: a.title,
        outlet: await outletName(db, a.outletId),
        published: a.published,
        words: a.wordCount,
      },
    };
  } catch (e) {
    if (e instanceof InputError) return { status: "failed", input, reason: e.message };
    throw e;
  }
}

/**
 * Imports one item: a record with text is stored as given; a record with only a URL is fetched safely.
 * A known URL or text is a duplicate (nothing fetched twice, nothing stored twice); a failure never throws.
 */
export async function importItem(db: Db, item: BulkItem, opts: ImportOptions = {}): Promise<ItemOutcome> {
  if (!item.ok) return { status: "failed", input: item.input, reason: item.reason };
  const rec = item.record;
  const url = rec.url ? normalizeUrl(rec.url) : null;
  let outcome: ItemOutcome;
  let finalUrl: string | null = null;
  if (rec.text && rec.text.trim()) {
    outcome = await store(db, item.input, { ...rec, text: rec.text }, "bulk");
  } else if (url) {
    const known = await findByUrl(db, url);
    if (known) {
      outcome = { status: "duplicate", input: item.input, id: known };
    } else {
      const fetched = await fetchArticle(url, opts.fetch);
      if (!fetched.ok) {
        outcome = { status: "failed", input: item.input, reason: fetched.reason };
      } else {
        const a = fetched.article;
        finalUrl = a.url;
        const knownFinal = a.url !== url ? await findByUrl(db, a.url) : null;
        outcome = knownFinal
          ? { status: "duplicate", input: item.input, id: knownFinal }
          : await store(
              db,
              item.input,
              {
                text: a.text,
                url: a.url,
                title: a.title ?? rec.title,
                outlet: rec.outlet ?? a.outlet,
                author: a.author ?? rec.author,
                published: a.published ?? rec.published,
                language: a.language ?? rec.language,
              },
              "url",
            );
        if (outcome.status === "imported") outcome.note = a.languageNote;
      }
    }
  } else {
    outcome = { status: "failed", input: item.input, reason: "Neither text nor a URL to fetch." };
  }
  if (outcome.status === "imported") {
    const near = await findNearDuplicatesOf(db, outcome.article.id);
    if (near[0]) {
      const n = near[0];
      const note = `shares most of its wording with #${n.id} “${n.title}”${n.outlet ? ` (${n.outlet})` : ""}: likely the same wire copy`;
      outcome.note = outcome.note ? `${outcome.note}; ${note}` : note;
    }
  }
  await settleCandidates(db, opts, [url, finalUrl], outcome);
  return outcome;
}

/** Turns command-line or form targets (URLs, files, folders) into items, keeping per-target errors as failed items. */
export async function expandTargets(targets: string[]): Promise<BulkItem[]> {
  const items: BulkItem[] = [];
  for (const t of targets) {
    if (isHttpUrl(t)) {
      items.push({ ok: true, input: t, record: { url: t }, warnings: [] });
      continue;
    }
    const parsed = await readBulkPath(t);
    for (const e of parsed.errors) items.push({ ok: false, input: t, reason: e });
    items.push(...parsed.items);
  }
  return items;
}

/** Imports every item in turn; progress after each, and a failed item never stops the rest. */
export async function importItems(
  db: Db,
  items: BulkItem[],
  opts: ImportOptions & { onItem?: (o: ItemOutcome, index: number, total: number) => void | Promise<void> } = {},
): Promise<ImportSummary> {
  const summary = emptySummary();
  for (let i = 0; i < items.length; i++) {
    const o = await importItem(db, items[i]!, opts);
    addToSummary(summary, o);
    await opts.onItem?.(o, i, items.length);
  }
  return summary;
}
