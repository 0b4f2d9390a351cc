import { data, type AppLoadContext } from "@remix-run/node";
import { citationText, getSnapshot, type Snapshot } from "#app/models/snapshots.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse } from "#app/utils/http.server";
import type { SnapshotPage } from "../comparisons.$id/cite.server";
import { shareSession } from "../comparisons.$id/share-session.server";

/**
 * One snapshot as it was frozen; nothing is recomputed. A reader who holds a blind share link of the
 * snapshot's comparison (and is not signed in) cannot open a snapshot that names the outlets.
 */
export async function readSnapshot(
  rawId: string | undefined,
  request: Request,
  context: AppLoadContext,
): Promise<Snapshot<SnapshotPage>> {
  const db = getDb();
  const snap = await getSnapshot<SnapshotPage>(db, rawId ?? "");
  invariantResponse(snap, `No snapshot with id “${(rawId ?? "").slice(0, 40)}”.`);
  if (!snap.blind && snap.comparisonId && (await shareSession(db, request, context.user, snap.comparisonId))?.blind) {
    throw data("This snapshot names the outlets, and a blind share link cannot open it.", { status: 403 });
  }
  return snap;
}

export async function loadSnapshot(rawId: string | undefined, request: Request, context: AppLoadContext) {
  const snap = await readSnapshot(rawId, request, context);
  const url = new URL(request.url);
  const link = `${url.origin}/snapshots/${snap.id}`;
  return {
    snapshot: {
      id: snap.id,
      comparisonId: snap.comparisonId,
      name: snap.name,
      blind: snap.blind,
      analyserVersion: snap.analyserVersion,
      createdAt: snap.createdAt,
      members: snap.members,
    },
    page: snap.page,
    link,
    citation: citationText(snap, link),
  };
}
