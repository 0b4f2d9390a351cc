import { describe, expect, test } from "vitest";
import type { ArticleAnalysis } from "#app/analysis/index";
import { getAnalyses, storeAnalysis } from "#app/models/analyses.server";
import { createShareLink } from "#app/models/auth.server";
import { createBackup, parseBackup, restoreBackup } from "#app/models/backup.server";
import { getSnapshot } from "#app/models/snapshots.server";
import { prepareDatabase } from "#db/prepare";
import { freshDbUrl } from "#tests/utils/processes";
import { SHARE_COOKIE } from "#app/utils/access";
import { createComparison, deleteComparison } from "#app/models/comparisons.server";
import { buildComparisonExport } from "#app/models/export.server";
import { comparisonAction, loadComparison } from "#app/routes/comparisons.$id/comparison.server";
import { loadSnapshot } from "#app/routes/snapshots.$id/snapshot.server";
import { loader as snapshotExport } from "#app/routes/snapshots.$id_.export.$file";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

async function cite(comparisonId: number, blind = false): Promise<string> {
  const fd = new FormData();
  fd.append("intent", "cite");
  if (blind) fd.append("blind", "1");
  let location = "";
  try {
    const out = await comparisonAction(
      { id: String(comparisonId) },
      new Request(`http://localhost/comparisons/${comparisonId}`, { method: "POST", body: fd }),
    );
    location = out instanceof Response ? (out.headers.get("location") ?? "") : JSON.stringify(out);
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    location = e.headers.get("location") ?? "";
  }
  const m = /[?&]notice=cited&snapshot=([A-Za-z0-9_-]{12})/.exec(location);
  expect(m, `redirect after citing: ${location}`).not.toBeNull();
  return m![1]!;
}

const page = (id: number) => loadComparison({ id: String(id) }, new Request(`http://localhost/comparisons/${id}`));
const snapshot = (sid: string) => loadSnapshot(sid, new Request(`http://localhost/snapshots/${sid}`), {});

async function download(sid: string, file: string): Promise<Response> {
  return (await snapshotExport({
    params: { id: sid, file },
    request: new Request(`http://localhost/snapshots/${sid}/export/${file}`),
    context: {},
  })) as Response;
}

async function twoArticles() {
  const db = getDb();
  const a = await createArticle({ outlet: "The Norbury Ledger", title: "Ferry fares rise in Norbury" });
  const b = await createArticle({
    outlet: "Kessington Post",
    title: "Ferry operator defends fare rise",
    text: 'The ferry operator of the fictional island of Kessing defended its new fares on Monday. "Fuel costs doubled," operator spokesman Tomas Brell said.\n\nPassengers said the rise was unfair, according to a petition signed by 300 islanders.',
  });
  const c = await createComparison(db, { name: "Ferry fares", articleIds: [a.id, b.id] });
  return { db, a, b, c };
}

describe("citable snapshots", () => {
  test("a snapshot keeps the figures it was taken with after the live analysis changes", async () => {
    const { db, a, c } = await twoArticles();
    const before = await page(c.id);
    expect(before.dash).not.toBeNull();
    const sid = await cite(c.id);

    const frozen = await snapshot(sid);
    expect(frozen.page.dash).toEqual(before.dash);
    expect(frozen.snapshot.name).toBe("Ferry fares");
    expect(frozen.snapshot.members.map((m) => m.articleId)).toEqual(before.members.map((m) => m.id));
    expect(frozen.snapshot.members[0]!.contentHash).toBe(a.contentHash);
    expect(frozen.citation).toContain(`http://localhost/snapshots/${sid}`);
    expect(frozen.citation).toContain(frozen.snapshot.analyserVersion);
    const attributionsBefore = (await buildComparisonExport(db, c.id))!.bundle.attributions as { articleId: number }[];
    const ofA = attributionsBefore.filter((x) => x.articleId === a.id).length;
    expect(ofA).toBeGreaterThan(0);

    // A re-analysis that finds no attribution in article A (as a later analyser version might).
    const current = (await getAnalyses(db, [a.id])).get(a.id)!;
    const changed: ArticleAnalysis = {
      ...current,
      attributions: [],
      sources: [],
      claims: current.claims.map((x) => ({ ...x, attributionId: null })),
    };
    await storeAnalysis(db, a.id, changed);

    const after = await page(c.id);
    expect(JSON.stringify(after.dash)).not.toBe(JSON.stringify(before.dash));
    const liveAttributions = (await buildComparisonExport(db, c.id))!.bundle.attributions as { articleId: number }[];
    expect(liveAttributions.filter((x) => x.articleId === a.id)).toHaveLength(0);

    const still = await snapshot(sid);
    expect(still.page.dash).toEqual(before.dash);
    const res = await download(sid, "bundle.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`parallax-${c.id}-snapshot-${sid}-bundle.json`);
    const bundle = (await res.json()) as {
      attributions: { articleId: number }[];
      provenance: { link: string };
      snapshot: { id: string; analyserVersion: string };
    };
    expect(bundle.attributions.filter((x) => x.articleId === a.id)).toHaveLength(ofA);
    expect(bundle.provenance.link).toBe(`http://localhost/snapshots/${sid}`);
    expect(bundle.snapshot.id).toBe(sid);
    const csv = await (await download(sid, "sourcing-mix.csv")).text();
    expect(csv).toContain(`http://localhost/snapshots/${sid}`);
  });

  test("a snapshot of the blind view stays blind, and outlives its comparison", async () => {
    const { db, c } = await twoArticles();
    const sid = await cite(c.id, true);
    const frozen = await snapshot(sid);
    expect(frozen.snapshot.blind).toBe(true);
    const all = JSON.stringify(frozen) + (await (await download(sid, "bundle.json")).text());
    expect(all).not.toMatch(/Norbury Ledger|Kessington Post/);
    expect(all).toContain("Article A");

    const backup = await createBackup(db);
    expect(backup.snapshots?.map((s) => s.id)).toContain(sid);
    // Restored into an empty database, the snapshot reads back with the same frozen figures.
    const dst = freshDbUrl("snapshot-restore");
    const db2 = await prepareDatabase({ url: dst.url, seed: false });
    try {
      await restoreBackup(db2, parseBackup(JSON.stringify(backup)));
      const restored = await getSnapshot<typeof frozen.page>(db2, sid);
      expect(restored?.page.dash).toEqual(frozen.page.dash);
      expect(restored?.blind).toBe(true);
    } finally {
      db2.$client.close();
      dst.cleanup();
    }

    await deleteComparison(db, c.id);
    const orphan = await snapshot(sid);
    expect(orphan.snapshot.comparisonId).toBeNull();
    expect(orphan.page.dash).toEqual(frozen.page.dash);
  });

  test("a blind share link cannot open a snapshot that names the outlets, nor take one", async () => {
    const { db, c } = await twoArticles();
    const named = await cite(c.id);
    const blind = await cite(c.id, true);
    const { token } = await createShareLink(db, { comparisonId: c.id, blind: true, createdBy: null });
    const headers = { cookie: `${SHARE_COOKIE}=${token}` };
    await expect(
      loadSnapshot(named, new Request(`http://localhost/snapshots/${named}`, { headers }), {}),
    ).rejects.toMatchObject({ init: { status: 403 } });
    await expect(
      snapshotExport({
        params: { id: named, file: "bundle.json" },
        request: new Request(`http://localhost/snapshots/${named}/export/bundle.json`, { headers }),
        context: {},
      }),
    ).rejects.toMatchObject({ init: { status: 403 } });
    expect(
      (await loadSnapshot(blind, new Request(`http://localhost/snapshots/${blind}`, { headers }), {})).snapshot.blind,
    ).toBe(true);
    const fd = new FormData();
    fd.append("intent", "cite");
    await expect(
      comparisonAction(
        { id: String(c.id) },
        new Request(`http://localhost/comparisons/${c.id}`, { method: "POST", body: fd, headers }),
      ),
    ).rejects.toMatchObject({ init: { status: 403 } });
  });

  test("an unknown snapshot id is a clear 404", async () => {
    await expect(snapshot("nosuchsnap00")).rejects.toMatchObject({ init: { status: 404 } });
    const res = await download("nosuchsnap00", "nothing.exe");
    expect(res.status).toBe(404);
  });
});
