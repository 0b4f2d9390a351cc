import type { AppLoadContext } from "@remix-run/node";
import { buildComparisonExport } from "#app/models/export.server";
import { getComparison } from "#app/models/comparisons.server";
import { createSnapshot } from "#app/models/snapshots.server";
import type { Db } from "#app/utils/db.server";
import { coderOf } from "../articles.$id_.corrections/corrections.server";
import type { loadComparison } from "./comparison.server";

type PageData = Awaited<ReturnType<typeof loadComparison>>;

/** What a snapshot keeps of the comparison page: its figures and headlines, not the reader's texts. */
export type SnapshotPage = Pick<PageData, "comparison" | "dash" | "headlines" | "members" | "prompts"> & {
  blind: boolean;
};

/**
 * "Cite this comparison": the page's data and the export, built from one reading of the database and stored
 * as they are (blind when the page was blind). The page loader is passed in to keep the imports one-way.
 */
export async function citeComparison(
  db: Db,
  id: number,
  request: Request,
  context: AppLoadContext,
  blind: boolean,
  loadPage: typeof loadComparison,
): Promise<{ snapshotId: string } | { error: string }> {
  const url = new URL(request.url);
  url.search = blind ? "?blind=1" : "";
  const page = await loadPage({ id: String(id) }, new Request(url, { headers: request.headers }), context);
  if (!page.dash) return { error: "There is nothing to cite yet: no article of this comparison has been analysed." };
  const exp = await buildComparisonExport(db, id, {
    blind,
    coder: coderOf(context).view,
    origin: url.origin,
    source: `snapshot of /comparisons/${id}${blind ? "?blind=1" : ""}`,
  });
  const detail = await getComparison(db, id);
  if (!exp || !detail) return { error: `No comparison with id ${id}.` };
  const hashes = new Map(detail.articles.map((a) => [a.id, a.contentHash]));
  const outlets = new Map(page.dash.articles.map((a) => [a.id, a.outlet]));
  const frozen: SnapshotPage = {
    comparison: page.comparison,
    dash: page.dash,
    headlines: page.headlines,
    members: page.members,
    prompts: page.prompts,
    blind,
  };
  const snap = await createSnapshot(
    db,
    {
      comparisonId: id,
      name: page.comparison.name,
      blind,
      members: page.members.map((m) => ({
        articleId: m.id,
        contentHash: hashes.get(m.id) ?? "",
        title: m.title,
        outlet: outlets.get(m.id) ?? null,
      })),
      page: frozen,
      export: exp,
      createdBy: context.authEnabled && context.user ? context.user.username : null,
    },
    { analyserVersion: page.dash.analyserVersions.join(", ") || undefined },
  );
  return { snapshotId: snap.id };
}
