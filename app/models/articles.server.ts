import { createHash } from "node:crypto";
import { contentHash } from "#app/ingest/content-hash.server";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { articles, outlets, type Article, type ArticleOrigin } from "#db/schema";
import { countWords } from "#app/analysis/nlp";
import { runAnalysis } from "#app/utils/analysis-runner.server";
import type { RelatedDoc } from "#app/compare/related";
import { getDb, type Db } from "#app/utils/db.server";
import { findOrCreateOutlet } from "./outlets.server";
import { storeAnalysis } from "./analyses.server";
import { encodeFingerprint, fingerprint } from "#app/ingest/near-duplicate";
import { matchNearDuplicates, recordNearDuplicates } from "./near-duplicates.server";

export type ArticleWithOutlet = Omit<Article, "fingerprint"> & {
  outletName: string | null;
  outletCountry: string | null;
  outletKind: string | null;
};

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export interface NewArticleInput {
  text: string;
  title: string;
  author?: string | null;
  outlet?: string | null;
  outletCountry?: string | null;
  outletKind?: string | null;
  url?: string | null;
  published?: string | null;
  language?: string | null;
  origin: ArticleOrigin;
  fictional?: boolean;
}

export type ImportOutcome =
  { status: "created"; article: Article } | { status: "duplicate"; article: Article; by: "text" | "url" };

/** A title when none was given or found: the first words of the text. */
export function fallbackTitle(text: string): string {
  const first = text.trimStart().split(/\n/)[0] ?? "";
  const words = first.split(/\s+/).slice(0, 12).join(" ");
  return words.length < first.length ? `${words}…` : words;
}

export class InputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * Stores an article with its outlet and its analysis in one transaction (never half-written).
 * The same text (content hash) or the same normalised URL finds the existing article instead.
 */
export async function importArticle(db: Db, input: NewArticleInput): Promise<ImportOutcome> {
  const text = input.text;
  if (!text.trim()) throw new InputError("The article text is empty.", "text");
  if (Buffer.byteLength(text, "utf8") > MAX_TEXT_BYTES)
    throw new InputError("The text is over 2 MB; Parallax takes single articles, not whole archives.", "text");
  const title = input.title.trim();
  if (!title) throw new InputError("A title is required.", "title");

  const hash = contentHash(text);
  const byText = await db.select().from(articles).where(eq(articles.contentHash, hash)).limit(1);
  if (byText[0]) return { status: "duplicate", article: byText[0], by: "text" };
  if (input.url) {
    const byUrl = await db.select().from(articles).where(eq(articles.url, input.url)).limit(1);
    if (byUrl[0]) return { status: "duplicate", article: byUrl[0], by: "url" };
  }

  // Pure and possibly slow on long texts: computed before the transaction opens, on the server's analysis thread.
  const analysis = await runAnalysis(text, { title });
  const fp = fingerprint(text);
  const near = await matchNearDuplicates(db, fp);

  const article = await db.transaction(async (tx) => {
    const outlet = input.outlet?.trim()
      ? await findOrCreateOutlet(tx, input.outlet, { country: input.outletCountry, kind: input.outletKind })
      : null;
    const [row] = await tx
      .insert(articles)
      .values({
        outletId: outlet?.id ?? null,
        title,
        author: input.author?.trim() || null,
        url: input.url || null,
        published: input.published || null,
        language: input.language || null,
        text,
        contentHash: hash,
        fingerprint: encodeFingerprint(fp),
        wordCount: countWords(text),
        origin: input.origin,
        fictional: input.fictional ?? false,
      })
      .returning();
    await storeAnalysis(tx, row!.id, analysis);
    await recordNearDuplicates(tx, row!.id, near);
    return row!;
  });
  return { status: "created", article };
}

const withOutlet = {
  id: articles.id,
  outletId: articles.outletId,
  title: articles.title,
  author: articles.author,
  url: articles.url,
  published: articles.published,
  language: articles.language,
  text: articles.text,
  contentHash: articles.contentHash,
  wordCount: articles.wordCount,
  origin: articles.origin,
  fictional: articles.fictional,
  createdAt: articles.createdAt,
  outletName: outlets.name,
  outletCountry: outlets.country,
  outletKind: outlets.kind,
};

export async function getArticle(db: Db, id: number): Promise<ArticleWithOutlet | null> {
  const [row] = await db
    .select(withOutlet)
    .from(articles)
    .leftJoin(outlets, eq(articles.outletId, outlets.id))
    .where(eq(articles.id, id));
  return row ?? null;
}

export async function getArticles(db: Db, ids: number[]): Promise<ArticleWithOutlet[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(withOutlet)
    .from(articles)
    .leftJoin(outlets, eq(articles.outletId, outlets.id))
    .where(sql`${articles.id} in ${ids}`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ArticleWithOutlet => !!r);
}

export type ArticleListItem = Omit<ArticleWithOutlet, "text" | "contentHash">;

/** The library: newest first, optionally searched by title or outlet. */
export async function listArticles(
  db: Db,
  opts: { q?: string | null; limit?: number; offset?: number } = {},
): Promise<ArticleListItem[]> {
  const { text: _t, contentHash: _h, ...cols } = withOutlet;
  const q = opts.q?.trim();
  const pattern = q ? `%${q.replace(/[%_\\]/g, (m) => "\\" + m)}%` : null;
  return db
    .select(cols)
    .from(articles)
    .leftJoin(outlets, eq(articles.outletId, outlets.id))
    .where(
      pattern
        ? or(sql`${articles.title} like ${pattern} escape '\\'`, sql`${outlets.name} like ${pattern} escape '\\'`)
        : undefined,
    )
    .orderBy(desc(articles.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

export async function countArticles(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(articles);
  return Number(row?.n ?? 0);
}

export interface ArticleMetaUpdate {
  title: string;
  outlet: string | null;
  published: string | null;
  author: string | null;
  url: string | null;
  language: string | null;
}

/** The metadata of an article as its edit form shows it. */
export function articleMeta(
  a: Pick<ArticleWithOutlet, "title" | "outletName" | "author" | "published" | "url" | "language">,
): ArticleMetaUpdate {
  return {
    title: a.title,
    outlet: a.outletName,
    author: a.author,
    published: a.published,
    url: a.url,
    language: a.language,
  };
}

/**
 * A short digest of an article's metadata: an edit form carries the one it was loaded with, and a save is refused
 * when the stored metadata no longer has it (someone saved in between). A digest of the values rather than a
 * counter: two saves that leave the same values in place do not conflict, and no column is needed.
 */
export function metaRevision(meta: ArticleMetaUpdate): string {
  const values = [meta.title, meta.outlet, meta.author, meta.published, meta.url, meta.language];
  return createHash("sha256").update(JSON.stringify(values)).digest("base64url").slice(0, 16);
}

/** A save refused because the metadata changed since the form was loaded: `current` is what is stored now. */
export class EditConflict extends Error {
  constructor(readonly current: ArticleMetaUpdate) {
    super("Someone else saved this article's details after you opened the form.");
    this.name = "EditConflict";
  }
}

/**
 * Metadata is editable; the text never is (every stored span indexes it). With `expectedRevision` (from the
 * form), the save is refused with EditConflict when the stored metadata changed since (checked and written in
 * one write transaction, so two saves from one loaded form cannot both pass).
 */
export async function updateArticleMeta(
  db: Db,
  id: number,
  meta: ArticleMetaUpdate,
  opts: { expectedRevision?: string } = {},
): Promise<Article> {
  return db.transaction(async (tx) => {
    if (opts.expectedRevision !== undefined) {
      const [stored] = await tx
        .select({
          title: articles.title,
          outletName: outlets.name,
          author: articles.author,
          published: articles.published,
          url: articles.url,
          language: articles.language,
        })
        .from(articles)
        .leftJoin(outlets, eq(articles.outletId, outlets.id))
        .where(eq(articles.id, id));
      if (!stored) throw new InputError("No such article.");
      if (metaRevision(articleMeta(stored)) !== opts.expectedRevision) throw new EditConflict(articleMeta(stored));
    }
    const outlet = meta.outlet?.trim() ? await findOrCreateOutlet(tx, meta.outlet) : null;
    if (meta.url) {
      const [clash] = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.url, meta.url), sql`${articles.id} <> ${id}`))
        .limit(1);
      if (clash) throw new InputError(`Another article (#${clash.id}) already has this URL.`, "url");
    }
    const [row] = await tx
      .update(articles)
      .set({
        title: meta.title,
        outletId: outlet?.id ?? null,
        published: meta.published,
        author: meta.author,
        url: meta.url,
        language: meta.language,
      })
      .where(eq(articles.id, id))
      .returning();
    if (!row) throw new InputError("No such article.");
    return row;
  });
}

export async function listArticlesForRelated(db: Db = getDb()): Promise<RelatedDoc[]> {
  return db
    .select({
      id: articles.id,
      url: articles.url,
      title: articles.title,
      text: articles.text,
      published: articles.published,
    })
    .from(articles)
    .orderBy(articles.id);
}

/**
 * What the home page shows, as one short string that changes whenever it does: the newest article, the number of
 * comparisons and newest one, and the sum of comparison revisions (bumped by triggers on every change to a
 * comparison or its articles, by any process). Four index lookups: cheap enough to read on every request.
 */
export async function getLibraryFingerprint(db: Db): Promise<string> {
  const rs = await db.$client.execute(
    "select (select coalesce(max(id), 0) from articles), (select count(*) from comparisons), (select coalesce(max(id), 0) from comparisons), (select coalesce(sum(revision), 0) from comparison_revisions)",
  );
  return Object.values(rs.rows[0] ?? {}).join(":");
}
