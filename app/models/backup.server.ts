import { createHash } from "node:crypto";
import { asc, sql } from "drizzle-orm";
import { z } from "zod";
import {
  analyses,
  ARTICLE_ORIGINS,
  articles,
  CANDIDATE_STATUSES,
  comparisonArticles,
  comparisons,
  coverageCandidates,
  outlets,
  ROLES,
  settings,
} from "#db/schema";
import { ANALYSER_VERSION } from "#app/analysis/index";
import { contentHash } from "#app/ingest/content-hash.server";
import type { Db } from "#app/utils/db.server";

/** Bump when the shape below changes; restore refuses other versions instead of guessing. */
export const BACKUP_VERSION = 1;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const id = z.number().int().positive();
const nstr = z.string().nullable();
// Addresses become links on pages: only http(s), never javascript: or data:.
const webUrl = z.string().refine((u) => /^https?:\/\//i.test(u.trim()), { message: "is not an http(s) address" });

// Strict: a column added to the schema but not here makes backups fail validation, never silently lose it.
const outletRow = z
  .object({ id, name: z.string().min(1), country: nstr, kind: nstr, perspective: nstr, createdAt: z.string() })
  .strict();
const articleRow = z
  .object({
    id,
    outletId: id.nullable(),
    title: z.string(),
    author: nstr,
    url: webUrl.nullable(),
    published: nstr,
    language: nstr,
    text: z.string(),
    contentHash: z.string(),
    // Added after format 1 first shipped: optional, so earlier version-1 files still restore.
    fingerprint: nstr.optional(),
    wordCount: z.number().int().nonnegative(),
    origin: z.enum(ARTICLE_ORIGINS),
    fictional: z.boolean(),
    createdAt: z.string(),
  })
  .strict();
const memberRow = z.object({ articleId: id, position: z.number().int() }).strict();
const comparisonRow = z
  .object({
    id,
    slug: nstr,
    name: z.string(),
    description: nstr,
    focalArticleId: id.nullable(),
    createdAt: z.string(),
    members: z.array(memberRow),
  })
  .strict();
const coverageRow = z
  .object({
    id,
    comparisonId: id,
    manifestId: nstr,
    event: nstr,
    date: nstr,
    outlet: nstr,
    country: nstr,
    kind: nstr,
    language: nstr,
    title: nstr,
    url: webUrl,
    status: z.enum(CANDIDATE_STATUSES),
    articleId: id.nullable(),
    error: nstr,
    updatedAt: z.string(),
  })
  .strict();
const analysisRow = z
  .object({
    articleId: id,
    analyserVersion: z.string().min(1),
    result: z.record(z.unknown()),
    createdAt: z.string(),
  })
  .strict();
const settingRow = z.object({ key: z.string(), value: z.string() }).strict();
// Account tables are read by their own columns (snake_case), so the format follows their migrations.
const extraRow = z.record(z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const backupSchema = z
  .object({
    format: z.literal("parallax-backup"),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string(),
    analyserVersion: z.string(),
    withSecrets: z.boolean(),
    outlets: z.array(outletRow),
    articles: z.array(articleRow),
    comparisons: z.array(comparisonRow),
    coverage: z.array(coverageRow),
    analyses: z.array(analysisRow),
    settings: z.array(settingRow),
    users: z.array(extraRow).optional(),
    shareLinks: z.array(extraRow).optional(),
    nearDuplicates: z.array(extraRow).optional(),
    corrections: z.array(extraRow).optional(),
    snapshots: z.array(extraRow).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const outletIds = new Set(b.outlets.map((o) => o.id));
    const articleIds = new Set(b.articles.map((a) => a.id));
    const comparisonIds = new Set(b.comparisons.map((c) => c.id));
    const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    for (const a of b.articles) {
      if (a.outletId != null && !outletIds.has(a.outletId))
        issue(`article ${a.id} names outlet ${a.outletId}, which is not in the file`);
      if (!hashMatches(a.text, a.contentHash))
        issue(`article ${a.id}: its text does not match its content hash (damaged file?)`);
    }
    for (const c of b.comparisons) {
      if (c.focalArticleId != null && !articleIds.has(c.focalArticleId))
        issue(`comparison ${c.id} has focal article ${c.focalArticleId}, which is not in the file`);
      for (const m of c.members)
        if (!articleIds.has(m.articleId))
          issue(`comparison ${c.id} lists article ${m.articleId}, which is not in the file`);
    }
    for (const cov of b.coverage) {
      if (!comparisonIds.has(cov.comparisonId))
        issue(`coverage row ${cov.id} belongs to comparison ${cov.comparisonId}, which is not in the file`);
      if (cov.articleId != null && !articleIds.has(cov.articleId))
        issue(`coverage row ${cov.id} names article ${cov.articleId}, which is not in the file`);
    }
    for (const an of b.analyses)
      if (!articleIds.has(an.articleId)) issue(`an analysis names article ${an.articleId}, which is not in the file`);
    for (const d of b.nearDuplicates ?? []) {
      if (!articleIds.has(Number(d.article_id)) || !articleIds.has(Number(d.other_id)))
        issue(`a near-duplicate pair names an article that is not in the file`);
    }
    for (const c of b.corrections ?? [])
      if (!articleIds.has(Number(c.article_id)))
        issue(`correction ${String(c.id)} names article ${String(c.article_id)}, which is not in the file`);
    for (const s of b.snapshots ?? []) {
      if (s.comparison_id != null && !comparisonIds.has(Number(s.comparison_id)))
        issue(`snapshot ${String(s.id)} belongs to comparison ${String(s.comparison_id)}, which is not in the file`);
    }
    for (const l of b.shareLinks ?? []) {
      if (!comparisonIds.has(Number(l.comparison_id)))
        issue(`share link ${String(l.id)} belongs to comparison ${String(l.comparison_id)}, which is not in the file`);
    }
  });

export type Backup = z.infer<typeof backupSchema>;

/** The current hash (normalised text), or the plain SHA-256 that libraries made before it was introduced. */
function hashMatches(text: string, hash: string): boolean {
  return contentHash(text) === hash || createHash("sha256").update(text, "utf8").digest("hex") === hash;
}

/**
 * Tables outside the library proper, kept if this database has them. Secret columns (password hashes) are left
 * out unless asked; restored without them, an account is locked ("!" never matches) until its password is reset.
 * Sessions and login attempts are not kept: after a restore everyone signs in again.
 */
const EXTRA_TABLES = [
  { key: "users", table: "users", secret: /pass(word)?|secret|salt/i },
  { key: "shareLinks", table: "share_links", secret: null },
  { key: "nearDuplicates", table: "near_duplicates", secret: null },
  { key: "corrections", table: "corrections", secret: null },
  { key: "snapshots", table: "comparison_snapshots", secret: null },
] as const;
type ExtraKey = (typeof EXTRA_TABLES)[number]["key"];
type ExtraRow = Record<string, string | number | boolean | null>;
export const LOCKED_SECRET = "!";

interface ColumnInfo {
  name: string;
  required: boolean;
}

async function tableColumns(db: Db, table: string): Promise<ColumnInfo[] | null> {
  const res = await db.$client.execute({
    sql: 'select name, "notnull" as nn, dflt_value as d, pk from pragma_table_info(?)',
    args: [table],
  });
  if (!res.rows.length) return null;
  return res.rows.map((r) => ({
    name: String(r.name),
    required: Number(r.nn) === 1 && r.d == null && Number(r.pk) === 0,
  }));
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The whole library as one plain object, every list ordered by its key so two backups of one library are equal. */
export async function createBackup(db: Db, opts: { withSecrets?: boolean } = {}): Promise<Backup> {
  const withSecrets = opts.withSecrets ?? false;
  const outletRows = await db.select().from(outlets).orderBy(asc(outlets.id));
  const articleRows = await db.select().from(articles).orderBy(asc(articles.id));
  const comparisonRows = await db.select().from(comparisons).orderBy(asc(comparisons.id));
  const memberRows = await db
    .select()
    .from(comparisonArticles)
    .orderBy(asc(comparisonArticles.comparisonId), asc(comparisonArticles.position), asc(comparisonArticles.articleId));
  const coverageRows = await db.select().from(coverageCandidates).orderBy(asc(coverageCandidates.id));
  const analysisRows = await db.select().from(analyses).orderBy(asc(analyses.articleId), asc(analyses.analyserVersion));
  const settingRows = await db.select().from(settings).orderBy(asc(settings.key));

  const members = new Map<number, { articleId: number; position: number }[]>();
  for (const m of memberRows) {
    const list = members.get(m.comparisonId) ?? [];
    list.push({ articleId: m.articleId, position: m.position });
    members.set(m.comparisonId, list);
  }

  const extras: Partial<Record<ExtraKey, ExtraRow[]>> = {};
  for (const t of EXTRA_TABLES) {
    const cols = await tableColumns(db, t.table);
    if (!cols) continue;
    const keep = cols.map((c) => c.name).filter((c) => withSecrets || !t.secret?.test(c));
    const order = keep.includes("id") ? " order by id" : " order by 1, 2";
    const res = await db.$client.execute(
      `select ${keep.map(quoteIdent).join(", ")} from ${quoteIdent(t.table)}${order}`,
    );
    extras[t.key] = res.rows.map((r) => Object.fromEntries(keep.map((c) => [c, toPlain(r[c])])));
  }

  return {
    format: "parallax-backup",
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    analyserVersion: ANALYSER_VERSION,
    withSecrets,
    outlets: outletRows,
    articles: articleRows,
    comparisons: comparisonRows.map((c) => ({ ...c, members: members.get(c.id) ?? [] })),
    coverage: coverageRows,
    analyses: analysisRows.map((a) => ({ ...a, result: a.result as Record<string, unknown> })),
    settings: settingRows,
    ...extras,
  };
}

function toPlain(v: unknown): string | number | boolean | null {
  if (v == null) return null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof ArrayBuffer) return Buffer.from(v).toString("base64");
  return String(v);
}

/** Parses and validates a backup file's text; every problem becomes one clear BackupError before anything is written. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BackupError(
      `This is not a readable backup: the JSON is malformed or cut short (${(e as Error).message}).`,
    );
  }
  if (!raw || typeof raw !== "object" || (raw as { format?: unknown }).format !== "parallax-backup") {
    throw new BackupError('This is not a Parallax backup (no "format": "parallax-backup").');
  }
  const version = (raw as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    throw new BackupError(
      `This backup has format version ${JSON.stringify(version)}; this Parallax reads version ${BACKUP_VERSION}.`,
    );
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${i.path.length ? i.path.join(".") + ": " : ""}${i.message}`);
    const more = parsed.error.issues.length > 10 ? `\n  …and ${parsed.error.issues.length - 10} more` : "";
    throw new BackupError(`The backup does not have the expected shape:\n${lines.join("\n")}${more}`);
  }
  return parsed.data;
}

export interface RestoreCounts {
  outlets: number;
  articles: number;
  comparisons: number;
  coverage: number;
  analyses: number;
  users: number;
  shareLinks: number;
  /** Users restored without a password hash: locked until an owner sets a new password. */
  lockedUsers: number;
}

/** Library tables with rows; restore needs all of them empty so ids can be kept. */
export async function nonEmptyTables(db: Db): Promise<string[]> {
  const out: string[] = [];
  const checks = [
    ["articles", articles],
    ["outlets", outlets],
    ["comparisons", comparisons],
    ["coverage_candidates", coverageCandidates],
  ] as const;
  for (const [name, table] of checks) {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(table);
    if (Number(row?.n) > 0) out.push(`${name} (${Number(row?.n)} rows)`);
  }
  return out;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Brings a validated backup into an empty database in one transaction, keeping every id. */
export async function restoreBackup(db: Db, backup: Backup): Promise<RestoreCounts> {
  const busy = await nonEmptyTables(db);
  if (busy.length) {
    throw new BackupError(
      `Restore needs an empty database, and this one already holds ${busy.join(", ")}. Point DATABASE_URL at a new database.`,
    );
  }
  const extraCols = new Map<ExtraKey, ColumnInfo[]>();
  for (const t of EXTRA_TABLES) {
    const rows = backup[t.key];
    if (!rows?.length) continue;
    const cols = await tableColumns(db, t.table);
    if (!cols)
      throw new BackupError(
        `The backup has ${t.table} but this database has no such table (restore with the Parallax version that wrote it).`,
      );
    const [row] = (await db.$client.execute(`select count(*) as n from ${quoteIdent(t.table)}`)).rows;
    if (Number(row?.n) > 0)
      throw new BackupError(
        `Restore needs an empty database, and this one already holds ${t.table} (${Number(row?.n)} rows).`,
      );
    const unknown = [...new Set(rows.flatMap(Object.keys))].filter((c) => !cols.some((x) => x.name === c));
    if (unknown.length)
      throw new BackupError(`The backup's ${t.table} have columns this database lacks: ${unknown.join(", ")}.`);
    extraCols.set(t.key, cols);
  }
  let lockedUsers = 0;

  async function insertExtra(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], key: ExtraKey): Promise<void> {
    const t = EXTRA_TABLES.find((x) => x.key === key)!;
    const cols = extraCols.get(key);
    if (!cols) return;
    for (const r of backup[key] ?? []) {
      const row: ExtraRow = { ...r };
      for (const c of cols) {
        if (c.name in row || !c.required) continue;
        if (!t.secret?.test(c.name))
          throw new BackupError(`The backup's ${t.table} lack the required column ${c.name}.`);
        row[c.name] = LOCKED_SECRET;
        if (key === "users") lockedUsers++;
      }
      const names = Object.keys(row);
      await tx.run(
        sql`insert into ${sql.raw(quoteIdent(t.table))} (${sql.raw(names.map(quoteIdent).join(", "))}) values (${sql.join(
          names.map((c) => sql`${row[c] ?? null}`),
          sql`, `,
        )})`,
      );
    }
  }

  for (const u of backup.users ?? []) {
    if (!(ROLES as readonly unknown[]).includes(u.role))
      throw new BackupError(
        `The backup's users include an unknown role ${JSON.stringify(String(u.role)).slice(0, 40)}; roles are ${ROLES.join(", ")}.`,
      );
  }
  for (const [label, rows] of [
    ["outlets", backup.outlets],
    ["articles", backup.articles],
    ["comparisons", backup.comparisons],
    ["coverage", backup.coverage],
  ] as const) {
    const ids = new Set<number>();
    for (const r of rows) {
      if (ids.has(r.id)) throw new BackupError(`The backup's ${label} hold the id ${r.id} twice.`);
      ids.add(r.id);
    }
  }
  try {
    await restoreRows(db, backup, insertExtra);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    // Never the failed statement itself: it holds article text, and runs to tens of kilobytes.
    const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message.split(":")[0] : "error");
    throw new BackupError(
      `The backup could not be written into this database (${String(code).slice(0, 80)}): is it damaged or edited by hand?`,
    );
  }
  return {
    outlets: backup.outlets.length,
    articles: backup.articles.length,
    comparisons: backup.comparisons.length,
    coverage: backup.coverage.length,
    analyses: backup.analyses.length,
    users: backup.users?.length ?? 0,
    shareLinks: backup.shareLinks?.length ?? 0,
    lockedUsers,
  };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function restoreRows(
  db: Db,
  backup: Backup,
  insertExtra: (tx: Tx, key: ExtraKey) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const part of chunks(backup.outlets, 200)) await tx.insert(outlets).values(part);
    for (const part of chunks(backup.articles, 50)) await tx.insert(articles).values(part);
    for (const part of chunks(backup.analyses, 20)) await tx.insert(analyses).values(part);
    for (const part of chunks(backup.comparisons, 200))
      await tx.insert(comparisons).values(part.map(({ members: _m, ...c }) => c));
    const members = backup.comparisons.flatMap((c) =>
      c.members.map((m) => ({ comparisonId: c.id, articleId: m.articleId, position: m.position })),
    );
    for (const part of chunks(members, 500)) await tx.insert(comparisonArticles).values(part);
    for (const part of chunks(backup.coverage, 200)) await tx.insert(coverageCandidates).values(part);
    for (const s of backup.settings) {
      await tx
        .insert(settings)
        .values(s)
        .onConflictDoUpdate({ target: settings.key, set: { value: s.value } });
    }
    await insertExtra(tx, "users");
    await insertExtra(tx, "shareLinks");
    await insertExtra(tx, "nearDuplicates");
    await insertExtra(tx, "corrections");
    await insertExtra(tx, "snapshots");
  });
}
