// Citable snapshots (issue 15, point 6): "Cite this comparison" freezes what the comparison page and its
// exports show at one moment, under a random id. Reading a snapshot never recomputes anything, so its
// numbers stay those of the analyser version it was taken with, whatever is re-analysed later.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { ANALYSER_VERSION } from "#app/analysis/index";
import { comparisonSnapshots, type ComparisonSnapshot } from "#db/schema";
import type { Db } from "#app/utils/db.server";
import type { ComparisonExport } from "./export.server";

export interface SnapshotMember {
  articleId: number;
  /** The hash of the article's clean text (texts never change, so this names exactly what was analysed). */
  contentHash: string;
  title: string;
  outlet: string | null;
}

export interface NewSnapshot<P> {
  comparisonId: number;
  name: string;
  blind: boolean;
  members: SnapshotMember[];
  page: P;
  export: ComparisonExport;
  createdBy?: string | null;
}

export interface Snapshot<P> {
  id: string;
  comparisonId: number | null;
  name: string;
  blind: boolean;
  analyserVersion: string;
  members: SnapshotMember[];
  page: P;
  export: ComparisonExport;
  createdBy: string | null;
  createdAt: string;
}

/** 12 URL-safe characters (72 random bits): not guessable from another snapshot's link. */
export function newSnapshotId(): string {
  return randomBytes(9).toString("base64url");
}

export function isSnapshotId(raw: string | undefined): raw is string {
  return !!raw && /^[A-Za-z0-9_-]{12}$/.test(raw);
}

function fromRow<P>(r: ComparisonSnapshot): Snapshot<P> {
  return {
    id: r.id,
    comparisonId: r.comparisonId,
    name: r.name,
    blind: r.blind,
    analyserVersion: r.analyserVersion,
    members: r.members as SnapshotMember[],
    page: r.page as P,
    export: r.export as ComparisonExport,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

export async function createSnapshot<P>(
  db: Db,
  s: NewSnapshot<P>,
  opts: { analyserVersion?: string } = {},
): Promise<Snapshot<P>> {
  const id = newSnapshotId();
  const [row] = await db
    .insert(comparisonSnapshots)
    .values({
      id,
      comparisonId: s.comparisonId,
      name: s.name,
      blind: s.blind,
      analyserVersion: opts.analyserVersion ?? ANALYSER_VERSION,
      members: s.members,
      page: s.page,
      export: s.export,
      createdBy: s.createdBy ?? null,
    })
    .returning();
  return fromRow<P>(row!);
}

export async function getSnapshot<P>(db: Db, id: string): Promise<Snapshot<P> | null> {
  if (!isSnapshotId(id)) return null;
  const [row] = await db.select().from(comparisonSnapshots).where(eq(comparisonSnapshots.id, id)).limit(1);
  return row ? fromRow<P>(row) : null;
}

/** The suggested citation: name, date, link and analyser version, in one line. */
export function citationText(
  s: { name: string; createdAt: string; analyserVersion: string; blind: boolean },
  link: string,
): string {
  const day = s.createdAt.slice(0, 10);
  return `“${s.name}”${s.blind ? " (blind view)" : ""}. Parallax comparison snapshot, taken ${day}, analyser ${s.analyserVersion}. ${link}`;
}
