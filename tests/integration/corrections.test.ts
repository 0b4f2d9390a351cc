import fs from "node:fs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { analyses, corrections } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { ANALYSER_VERSION, type ArticleAnalysis } from "#app/analysis/index";
import type { SourceKind } from "#app/analysis/types";
import { importArticle } from "#app/models/articles.server";
import { getAnalysis } from "#app/models/analyses.server";
import { createBackup, restoreBackup } from "#app/models/backup.server";
import { createUser } from "#app/models/auth.server";
import { createComparison } from "#app/models/comparisons.server";
import { loadAnalysedComparison } from "#app/models/comparison-analysis.server";
import {
  addCorrection,
  changeCounts,
  comparisonAgreement,
  adoptValue,
  LOCAL_CODER,
} from "#app/models/corrections.server";
import { buildComparisonExport, exportFileByName } from "#app/models/export.server";
import { decideAccess } from "#app/utils/access";
import type { Db } from "#app/utils/db.server";
import { correctionAction } from "#app/routes/articles.$id_.corrections/corrections.server";
import { freshDbUrl, runCli, TMP } from "#tests/utils/processes";

// Two fictional reports of one invented event, written for this test.
const ARTICLES = [
  {
    title: "Ostwick bridge toll approved",
    outlet: "Ostwick Ledger",
    text:
      `The Ostwick council approved a toll on the old river bridge on Monday, Mayor Ilse Brandt said. ` +
      `"The repairs cannot wait another winter," Brandt told reporters.\n\n` +
      `Brenna Castell, director of the Ostwick Residents' Coalition, said the toll would hurt commuters. ` +
      `Officials said the plan was fair.\n\n` +
      `The toll will reportedly raise two million crowns a year.`,
  },
  {
    title: "Riverside towns split over Ostwick toll",
    outlet: "Harrowmere Bell",
    text:
      `Commuters in Harrowmere said on Tuesday that the new Ostwick toll would double their costs. ` +
      `"We were never asked," said Tam Ferris, a bus driver.\n\n` +
      `The council's finance officer, Oona Peck, said the toll would end in ten years.`,
  },
];

const dbs: { cleanup: () => void }[] = [];
const files: string[] = [];
let src: { url: string; file: string; cleanup: () => void };
let db: Db;
let comparisonId: number;
let ids: number[];

async function open(label: string): Promise<{ db: Db; url: string }> {
  const f = freshDbUrl(label);
  dbs.push(f);
  return { db: await prepareDatabase({ url: f.url, seed: false }), url: f.url };
}

async function library(d: Db): Promise<{ comparisonId: number; ids: number[] }> {
  const out: number[] = [];
  for (const a of ARTICLES) out.push((await importArticle(d, { ...a, origin: "paste", fictional: true })).article.id);
  const c = await createComparison(d, { name: "Ostwick toll (fictional)", description: null, articleIds: out });
  return { comparisonId: c.id, ids: out };
}

/** The first attribution with a named source in an article, and a kind that differs from the machine's. */
function pick(an: ArticleAnalysis) {
  const a = an.attributions.find((x) => x.source && x.sourceKey && x.sourceKind !== "unnamed");
  if (!a) throw new Error("the fixture text should give the machine a named source");
  const other: SourceKind = a.sourceKind === "civil_society" ? "expert" : "civil_society";
  return { attribution: a, machineKind: a.sourceKind, other };
}

const kindCount = (
  exp: NonNullable<Awaited<ReturnType<typeof buildComparisonExport>>>,
  articleId: number,
  kind: string,
) => {
  const row = exp.tables["sourcing-mix"].rows.find(
    (r) => r.cells.article_id === articleId && (r.cells.source_kind === kind || r.cells.kind === kind),
  );
  return row ? Number(row.cells.attributions ?? row.cells.count) : 0;
};

beforeAll(async () => {
  src = freshDbUrl("corr-src");
  dbs.push(src);
  db = await prepareDatabase({ url: src.url, seed: false });
  ({ comparisonId, ids } = await library(db));
}, 60_000);

afterAll(() => {
  db?.$client.close();
  for (const d of dbs) d.cleanup();
  for (const f of files) fs.rmSync(f, { force: true });
});

describe("a corrected source kind", () => {
  test("changes the sourcing chart data, the CSV and the bundle, with the machine's value kept beside it", async () => {
    const before = await buildComparisonExport(db, comparisonId);
    const an = (await getAnalysis(db, ids[0]!))!;
    const { attribution, machineKind, other } = pick(an);
    const res = await addCorrection(db, {
      articleId: ids[0]!,
      coder: LOCAL_CODER,
      layer: "source",
      target: attribution.source!,
      field: "kind",
      value: other,
      note: "The text calls her a residents' group director.",
    });
    if ("error" in res) throw new Error(res.error);
    const correctionId = res.correction.id;
    expect(res.correction.machineValue).toBe(machineKind);
    expect(res.correction.analyserVersion).toBe(ANALYSER_VERSION);

    const after = (await buildComparisonExport(db, comparisonId))!;
    // The sourcing chart reads the comparison's figures, the same as the sourcing-mix table.
    const loaded = (await loadAnalysedComparison(db, comparisonId))!;
    const fig = loaded.comparison!.figures.find((f) => f.articleId === ids[0])!;
    const machineFig = (await loadAnalysedComparison(db, comparisonId, { coder: "nobody" }))!.comparison!.figures.find(
      (f) => f.articleId === ids[0],
    )!;
    // Every attribution of that source moves from the machine's kind to the person's.
    const moved = an.attributions.filter((x) => x.sourceKey === attribution.sourceKey).length;
    expect(moved).toBeGreaterThan(0);
    expect(fig.bySourceKind[other].count.value).toBe(machineFig.bySourceKind[other].count.value + moved);
    expect(fig.bySourceKind[machineKind].count.value).toBe(machineFig.bySourceKind[machineKind].count.value - moved);
    const csv = exportFileByName(after, "sourcing-mix.csv")!.body as string;
    expect(csv).not.toBe(exportFileByName(before!, "sourcing-mix.csv")!.body);
    expect(kindCount(after, ids[0]!, other)).toBe(kindCount(before!, ids[0]!, other) + moved);

    const corrCsv = Papa.parse<Record<string, string>>(exportFileByName(after, "corrections.csv")!.body as string, {
      header: true,
    }).data;
    expect(corrCsv).toEqual([
      expect.objectContaining({
        correction_id: String(correctionId),
        article_id: String(ids[0]),
        layer: "source",
        field: "kind",
        machine_value: machineKind,
        final_value: other,
        corrected: "true",
        status: "active",
      }),
    ]);

    const bundle = JSON.parse(exportFileByName(after, "bundle.json")!.body as string) as {
      corrections: { id: number; machineValue: string; finalValue: string; corrected: boolean; note: string }[];
      attributions: {
        id: string;
        articleId: number;
        sourceKind: string;
        machineSourceKind: string;
        corrected: boolean;
        corrections: { correctionId: number; machineValue: string; finalValue: string }[];
      }[];
      sources: { articleId: number; key: string; kind: string; corrected: boolean }[];
    };
    expect(bundle.corrections).toEqual([
      expect.objectContaining({
        id: correctionId,
        machineValue: machineKind,
        finalValue: other,
        corrected: true,
        note: "The text calls her a residents' group director.",
      }),
    ]);
    const row = bundle.attributions.find((x) => x.articleId === ids[0] && x.id === attribution.id)!;
    expect(row).toMatchObject({ sourceKind: other, machineSourceKind: machineKind, corrected: true });
    expect(row.corrections).toEqual([{ correctionId, field: "kind", machineValue: machineKind, finalValue: other }]);
    expect(bundle.sources.find((s) => s.articleId === ids[0] && s.key === attribution.sourceKey)).toMatchObject({
      kind: other,
      corrected: true,
    });
    expect(bundle.attributions.filter((x) => x.corrected).every((x) => x.articleId === ids[0])).toBe(true);

    // The stored analysis is untouched.
    expect(pick((await getAnalysis(db, ids[0]!))!).machineKind).toBe(machineKind);
    const counts = changeCounts(loaded.articles, loaded.corrections);
    expect(counts.find((c) => c.group === "source.kind")).toMatchObject({ changed: 1 });
    expect(counts.find((c) => c.group === "source.kind")!.total).toBe(
      loaded.corrections.machine.get(ids[0]!)!.sources.length + loaded.corrections.machine.get(ids[1]!)!.sources.length,
    );
  });

  test("an unknown target or a missing note is refused with a message and nothing is stored", async () => {
    const n = (await db.select().from(corrections)).length;
    const text = ARTICLES[0]!.text;
    const at = text.indexOf("another winter");
    expect(
      await addCorrection(db, {
        articleId: ids[0]!,
        coder: "local",
        layer: "source",
        target: { start: at, end: at + 7 },
        field: "kind",
        value: "expert",
        note: "x",
      }),
    ).toMatchObject({ error: expect.stringMatching(/Unknown target/) });
    expect(
      await addCorrection(db, {
        articleId: ids[0]!,
        coder: "local",
        layer: "source",
        target: { start: 0, end: 5 },
        field: "kind",
        value: "expert",
        note: " ",
      }),
    ).toMatchObject({ error: expect.stringMatching(/note/) });
    expect((await db.select().from(corrections)).length).toBe(n);
  });
});

describe("re-analysis with a changed analyser version", () => {
  test("a correction is re-anchored; one whose span no longer exists is listed for review, never dropped", async () => {
    const { db: d } = await open("corr-reanalyse");
    const lib = await library(d);
    const an = (await getAnalysis(d, lib.ids[0]!))!;
    const { attribution, other } = pick(an);
    // An attribution whose content no other attribution shares (so that removing it removes the words' only item).
    const shared = (x: (typeof an.attributions)[number]) =>
      an.attributions.some(
        (y) => y !== x && y.content.some((c) => c.end > x.content[0]!.start && c.start < x.content[0]!.end),
      );
    const rejectTarget = an.attributions.find((x) => x.sourceKey !== attribution.sourceKey && !shared(x))!;
    const kind = await addCorrection(d, {
      articleId: lib.ids[0]!,
      coder: "ana",
      layer: "source",
      target: attribution.source!,
      field: "kind",
      value: other,
      note: "kind",
    });
    const reject = await addCorrection(d, {
      articleId: lib.ids[0]!,
      coder: "ana",
      layer: "attribution",
      target: rejectTarget.content[0]!,
      field: "status",
      value: "rejected",
      note: "not speech",
    });
    if ("error" in kind || "error" in reject) throw new Error("setup");
    // Made against an older analyser; the new analysis (same version key, as the background pass stores it)
    // no longer has the rejected attribution.
    await d.update(corrections).set({ analyserVersion: "sourcing.0+old" });
    const upgraded = {
      ...an,
      version: `${ANALYSER_VERSION}`,
      attributions: an.attributions.filter((x) => x.id !== rejectTarget.id),
    };
    await d.update(analyses).set({ result: upgraded }).where(eq(analyses.articleId, lib.ids[0]!));

    const loaded = (await loadAnalysedComparison(d, lib.comparisonId))!;
    expect(loaded.corrections.review.map((r) => r.correctionId)).toEqual([reject.correction.id]);
    expect(
      loaded.comparison!.figures.find((f) => f.articleId === lib.ids[0])!.bySourceKind[other].count.value,
    ).toBeGreaterThan(0);
    const rows = await d.select().from(corrections).orderBy(corrections.id);
    expect(rows.map((r) => [r.id, r.status, r.analyserVersion])).toEqual([
      [kind.correction.id, "active", ANALYSER_VERSION],
      [reject.correction.id, "needs_review", "sourcing.0+old"],
    ]);
    expect(rows[1]!.reviewReason).toContain(
      ARTICLES[0]!.text.slice(rejectTarget.content[0]!.start, rejectTarget.content[0]!.start + 20),
    );
    // The bundle still lists it, marked for review.
    const exp = (await buildComparisonExport(d, lib.comparisonId))!;
    expect(exp.corrections.map((c) => [c.id, c.status])).toEqual([
      [kind.correction.id, "active"],
      [reject.correction.id, "needs_review"],
    ]);
    d.$client.close();
  });
});

describe("two coders", () => {
  test("each sees their own corrections; agreement per layer; a coder adopts the other's value", async () => {
    const { db: d } = await open("corr-coders");
    const lib = await library(d);
    const an = (await getAnalysis(d, lib.ids[0]!))!;
    const { attribution, machineKind, other } = pick(an);
    await addCorrection(d, {
      articleId: lib.ids[0]!,
      coder: "ana",
      layer: "source",
      target: attribution.source!,
      field: "kind",
      value: other,
      note: "a",
    });
    const anaView = (await loadAnalysedComparison(d, lib.comparisonId, { coder: "ana" }))!;
    const benView = (await loadAnalysedComparison(d, lib.comparisonId, { coder: "ben" }))!;
    expect(anaView.analyses.get(lib.ids[0]!)!.attributions.find((x) => x.id === attribution.id)!.sourceKind).toBe(
      other,
    );
    expect(benView.analyses.get(lib.ids[0]!)!.attributions.find((x) => x.id === attribution.id)!.sourceKind).toBe(
      machineKind,
    );
    // Ben rejects an attribution Ana left alone: that is a coding decision too.
    const second = an.attributions.find((x) => x.id !== attribution.id)!;
    await addCorrection(d, {
      articleId: lib.ids[0]!,
      coder: "ben",
      layer: "attribution",
      target: second.content[0]!,
      field: "status",
      value: "rejected",
      note: "b",
    });

    const ag = await comparisonAgreement(d, lib.comparisonId);
    expect(ag.coders).toEqual(["ana", "ben"]);
    const kinds = ag.groups.find((g) => g.group === "source.kind")!;
    expect(kinds.vsMachine.ana!.changed).toBe(1);
    expect(kinds.vsMachine.ben!.changed).toBe(0);
    expect(kinds.differences).toHaveLength(1);
    expect(kinds.coders!.percent).toBeCloseTo((kinds.units - 1) / kinds.units, 10);
    const attrs = ag.groups.find((g) => g.group === "attribution.status")!;
    expect(attrs.differences.map((x) => x.values)).toEqual([{ ana: "present", ben: "absent" }]);

    const diff = kinds.differences[0]!;
    const adopted = await adoptValue(d, {
      comparisonId: lib.comparisonId,
      to: "ben",
      from: "ana",
      fromCorrectionId: diff.corrections.ana,
      articleId: diff.unit.articleId,
      group: diff.unit.group,
      target: diff.unit.target,
    });
    if ("error" in adopted) throw new Error(adopted.error);
    const again = await comparisonAgreement(d, lib.comparisonId);
    expect(again.groups.find((g) => g.group === "source.kind")!.differences).toEqual([]);
    d.$client.close();
  });
});

describe("claim groups", () => {
  test("a claim moved into another article's claim group changes the claim matrix and the bundle", async () => {
    const { db: d } = await open("corr-claims");
    const lib = await library(d);
    const a = (await getAnalysis(d, lib.ids[0]!))!;
    const b = (await getAnalysis(d, lib.ids[1]!))!;
    const before = (await loadAnalysedComparison(d, lib.comparisonId))!.comparison!;
    const groupOf = (cmp: typeof before, articleId: number, claimId: string) =>
      cmp.claimGroups.find((g) => g.cells.some((c) => c.articleId === articleId && c.claimId === claimId))!;
    // A claim of the second article that the machine did not group with the first article's last claim.
    const last = a.claims.at(-1)!;
    const mover = b.claims.find((c) => groupOf(before, lib.ids[1]!, c.id) !== groupOf(before, lib.ids[0]!, last.id))!;
    const res = await addCorrection(d, {
      articleId: lib.ids[1]!,
      coder: "ana",
      layer: "claim",
      target: mover.span,
      field: "group",
      value: { articleId: lib.ids[0]!, ...last.span },
      note: "the same claim in other words",
    });
    if ("error" in res) throw new Error(res.error);
    const after = (await loadAnalysedComparison(d, lib.comparisonId))!.comparison!;
    expect(groupOf(after, lib.ids[1]!, mover.id)).toBe(groupOf(after, lib.ids[0]!, last.id));
    expect(groupOf(after, lib.ids[1]!, mover.id).articles.sort()).toEqual([...lib.ids].sort());
    const bundle = JSON.parse(
      exportFileByName((await buildComparisonExport(d, lib.comparisonId))!, "bundle.json")!.body as string,
    ) as { claimMatrix: { groups: typeof after.claimGroups } };
    expect(
      bundle.claimMatrix.groups.find((g) => g.cells.some((c) => c.articleId === lib.ids[1] && c.claimId === mover.id))!
        .articles.length,
    ).toBe(2);
    const bad = await addCorrection(d, {
      articleId: lib.ids[1]!,
      coder: "ana",
      layer: "claim",
      target: mover.span,
      field: "group",
      value: { articleId: lib.ids[0]!, start: 0, end: 3 },
      note: "x",
    });
    expect(bad).toMatchObject({ error: expect.stringMatching(/Unknown target/) });
    d.$client.close();
  });
});

describe("corrections export and import (the CLI)", () => {
  test("export, then import into a fresh database with the same articles, reproduces the final values", async () => {
    const an = (await getAnalysis(db, ids[1]!))!;
    const a = an.attributions[0]!;
    await addCorrection(db, {
      articleId: ids[1]!,
      coder: "ben",
      layer: "attribution",
      target: a.content[0]!,
      field: "status",
      value: "rejected",
      note: "a question, not a claim",
    });
    const file = `${TMP}/coding-${process.pid}-${Date.now()}.json`;
    files.push(file, `${file}.partial`);
    const out = await runCli(["corrections", "export", "--comparison", String(comparisonId), file], {
      DATABASE_URL: src.url,
    });
    expect(out.stderr).toMatch(/corrections export: 2 corrections/);
    expect(out.code).toBe(0);
    const coding = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>[];
    expect(Object.keys(coding[0]!).sort()).toEqual(["articleId", "coder", "field", "layer", "note", "target", "value"]);
    const onlyBen = await runCli(
      ["corrections", "export", "--comparison", String(comparisonId), "--coder", "ben", "-"],
      { DATABASE_URL: src.url },
    );
    expect((JSON.parse(onlyBen.stdout) as { coder: string }[]).map((x) => x.coder)).toEqual(["ben"]);

    const fresh = await open("corr-import");
    const lib = await library(fresh.db);
    expect(lib.ids).toEqual(ids);
    const imp = await runCli(["corrections", "import", file], { DATABASE_URL: fresh.url });
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.stdout)).toEqual({ imported: 2, coders: ["ben", "local"] });
    const finals = async (d: Db, c: number) =>
      (await buildComparisonExport(d, c))!.corrections.map(
        ({ articleId, layer, field, target, machineValue, finalValue, corrected, coder, note }) => ({
          articleId,
          layer,
          field,
          target,
          machineValue,
          finalValue,
          corrected,
          coder,
          note,
        }),
      );
    expect(await finals(fresh.db, lib.comparisonId)).toEqual(await finals(db, comparisonId));
    const sourcing = async (d: Db, c: number) =>
      (await buildComparisonExport(d, c))!.tables["sourcing-mix"].rows.map((r) => r.cells);
    expect(await sourcing(fresh.db, lib.comparisonId)).toEqual(await sourcing(db, comparisonId));
    fresh.db.$client.close();
  }, 120_000);

  test("a coding with an unknown target is reported and nothing is imported", async () => {
    const fresh = await open("corr-import-bad");
    await library(fresh.db);
    const file = `${TMP}/coding-bad-${process.pid}-${Date.now()}.json`;
    files.push(file);
    const good = {
      articleId: 1,
      layer: "source",
      target: ARTICLES_SOURCE_SPAN(),
      field: "kind",
      value: "expert",
      note: "ok",
      coder: "ana",
    };
    const bad = {
      articleId: 1,
      layer: "claim",
      target: { start: 0, end: 3 },
      field: "stance",
      value: "denied",
      note: "?",
      coder: "ana",
    };
    const missing = { ...good, articleId: 99 };
    fs.writeFileSync(file, JSON.stringify([good, bad, missing]));
    const res = await runCli(["corrections", "import", file], { DATABASE_URL: fresh.url });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/2 of 3 corrections do not fit; nothing was imported/);
    expect(res.stderr).toMatch(/item 1: Unknown target/);
    expect(res.stderr).toMatch(/item 2: There is no article #99/);
    expect(await fresh.db.select().from(corrections)).toEqual([]);
    fs.writeFileSync(file, "[{");
    const broken = await runCli(["corrections", "import", file], { DATABASE_URL: fresh.url });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/not readable JSON/);
    fresh.db.$client.close();
  }, 120_000);
});

/** The span of the first named source of the first article, as the machine finds it. */
function ARTICLES_SOURCE_SPAN() {
  return sourceSpan!;
}
let sourceSpan: { start: number; end: number } | null = null;
beforeAll(async () => {
  sourceSpan = pick((await getAnalysis(db, ids[0]!))!).attribution.source!;
});

describe("backup and restore", () => {
  test("keep corrections", async () => {
    const before = await db.select().from(corrections).orderBy(corrections.id);
    expect(before.length).toBeGreaterThan(0);
    const backup = JSON.parse(JSON.stringify(await createBackup(db))) as Awaited<ReturnType<typeof createBackup>>;
    expect(backup.corrections).toHaveLength(before.length);
    const target = await open("corr-restore");
    await restoreBackup(target.db, backup);
    expect(await target.db.select().from(corrections).orderBy(corrections.id)).toEqual(before);
    const finals = async (d: Db) =>
      (await buildComparisonExport(d, comparisonId))!.corrections.map(({ createdAt: _c, ...x }) => x);
    expect(await finals(target.db)).toEqual(await finals(db));
    target.db.$client.close();
  });
});

describe("who may correct", () => {
  const form = (body: Record<string, string>) =>
    new Request(`http://localhost/articles/${ids[0]}/corrections`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body).toString(),
    });
  const body = () => ({
    intent: "correct",
    layer: "source",
    field: "kind",
    start: String(sourceSpan!.start),
    end: String(sourceSpan!.end),
    value: "media",
    note: "test",
  });

  test("viewers cannot correct: the server refuses before the route, and the route refuses too", async () => {
    expect(
      decideAccess({
        method: "POST",
        path: `/articles/${ids[0]}/corrections`,
        search: "",
        authEnabled: true,
        user: { role: "viewer" },
        share: null,
      }).type,
    ).toBe("forbidden");
    expect(
      decideAccess({
        method: "POST",
        path: `/articles/${ids[0]}/corrections`,
        search: "",
        authEnabled: true,
        user: { role: "editor" },
        share: null,
      }).type,
    ).toBe("next");
    const n = (await db.select().from(corrections)).length;
    const refused = await correctionAction(
      { id: String(ids[0]) },
      form(body()),
      { authEnabled: true, user: { id: 3, username: "vera", role: "viewer" } },
      db,
    ).catch((e: unknown) => e);
    expect((refused as { init?: { status?: number } }).init?.status ?? (refused as Response).status).toBe(403);
    expect((await db.select().from(corrections)).length).toBe(n);
  });

  test("editors can, as themselves; single-user mode codes as the local coder", async () => {
    const eddie = await createUser(db, { username: "eddie", password: "a long enough passphrase 42", role: "editor" });
    const res = (await correctionAction(
      { id: String(ids[0]) },
      form(body()),
      { authEnabled: true, user: { id: eddie.id, username: "eddie", role: "editor" } },
      db,
    )) as Response;
    expect(res.status).toBe(302);
    const rows = await db.select().from(corrections).where(eq(corrections.coder, "eddie"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ layer: "source", field: "kind", value: "media", note: "test" });
    const local = (await correctionAction(
      { id: String(ids[0]) },
      form({ ...body(), value: "expert" }),
      { authEnabled: false, user: null },
      db,
    )) as Response;
    expect(local.status).toBe(302);
    expect((await db.select().from(corrections).where(eq(corrections.value, "expert"))).at(-1)!.coder).toBe(
      LOCAL_CODER,
    );
    const noNote = await correctionAction(
      { id: String(ids[0]) },
      form({ ...body(), note: "" }),
      { authEnabled: false, user: null },
      db,
    );
    expect(JSON.stringify(noNote)).toMatch(/needs one/);
  });
});
