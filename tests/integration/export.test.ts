import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { prepareDatabase } from "#db/prepare";
import { createComparison } from "#app/models/comparisons.server";
import { importArticle } from "#app/models/articles.server";
import { TABLE_IDS } from "#app/compare/tables";
import { loader } from "#app/routes/comparisons.$id_.export.$file";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";
import { freshDbUrl, runCli as runCliIn, TMP } from "#tests/utils/processes";

// Two fictional reports of one invented event; each names its own outlet in the text, so blind mode must mask it.
const A = {
  title: "Quillby Evening Post: council shuts the old Dunmere bridge",
  outlet: "Quillby Evening Post",
  author: "Odile Varnum",
  url: "https://quillby-evening-post.test/2026/05/bridge",
  published: "2026-05-02",
  text:
    `The council of the fictional town of Dunmere closed the old bridge on Friday after engineers found cracks in two piers. ` +
    `The contractor Brisk Span Ltd cut corners on the repairs last year.\n\n` +
    `"It is not safe for lorries or for people," Mayor Odo Fenn told the Quillby Evening Post. ` +
    `The closure will clearly last for months, Fenn said.\n\n` +
    `Residents said the detour adds half an hour to the school run.`,
};
const B = {
  title: "Dunmere bridge closed; contractor rejects blame",
  outlet: "Harrowmere Bell",
  author: "Lise Tarnow",
  url: "https://harrowmere-bell.test/news/dunmere-bridge",
  published: "2026-05-03",
  text:
    `Dunmere's old bridge was closed on Friday, officials said, after cracks were reportedly found in two of its piers. ` +
    `Engineer Mara Quist said the contractor Brisk Span Ltd cut corners on the repairs last year, according to a report seen by the Harrowmere Bell. ` +
    `Brisk Span denied the allegations and called them baseless.\n\n` +
    `Sources close to the council said the closure may last for months. ` +
    `"We will reopen it only when it is safe," a council spokesperson said.`,
};

interface BundleJson {
  articles: {
    id: number;
    outlet: string | null;
    author: string | null;
    url: string | null;
    published: string | null;
  }[];
  attributions: { articleId: number; content: { start: number; end: number }[]; contentText: string[] }[];
  claims: unknown[];
  prompts: { text: string }[];
  provenance: { blind: boolean; source: string };
}
interface TableJson {
  provenance: {
    comparison: unknown;
    articles: { outlet: string | null }[];
    versions: { lexicons: Record<string, string> };
    source: string;
    exportedAt: string;
  };
  table: { columns: string[] };
  rows: { stance?: string; spans: unknown[] }[];
}

let comparisonId: number;
let ids: number[];

async function get(file: string, query = ""): Promise<Response> {
  const request = new Request(`http://localhost/comparisons/${comparisonId}/export/${file}${query}`);
  const res = await loader({
    params: { id: String(comparisonId), file },
    request,
    context: {},
  } as unknown as LoaderFunctionArgs);
  return res as Response;
}

function revealing(): string[] {
  return [
    A.outlet,
    B.outlet,
    A.author,
    B.author,
    "Varnum",
    "Tarnow",
    A.url,
    B.url,
    "quillby-evening-post",
    "harrowmere-bell",
  ];
}

function expectBlind(text: string) {
  for (const s of revealing()) expect(text.toLowerCase(), s).not.toContain(s.toLowerCase());
}

beforeAll(async () => {
  const db = getDb();
  const a = await createArticle({ ...A, origin: "paste", fictional: true }, db);
  const b = await createArticle({ ...B, origin: "paste", fictional: true }, db);
  ids = [a.id, b.id];
  comparisonId = (
    await createComparison(db, { name: "Dunmere bridge (fictional)", articleIds: ids, focalArticleId: a.id })
  ).id;
});

describe("export routes", () => {
  test("a table as CSV: attachment, header, one row per cell with span offsets", async () => {
    const res = await get("sourcing-mix.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="parallax-${comparisonId}-sourcing-mix.csv"`,
    );
    const rows = Papa.parse<string[]>((await res.text()).trim()).data;
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(["article_id", "outlet", "title", "url"]);
    expect(header).toContain("spans");
    expect(header).toContain("codebook_version");
    expect(rows.length - 1).toBe(2 * 10);
    const spans = header.indexOf("spans");
    const withSpans = rows.slice(1).filter((r) => /^\d+-\d+/.test(r[spans]!));
    expect(withSpans.length).toBeGreaterThan(0);
    expect(withSpans.some((r) => r[1] === A.outlet && r[3] === A.url)).toBe(true);
    // A single CSV still says where it came from: provenance in its own last columns, the same on every row.
    expect(header.slice(-5)).toEqual([
      "comparison_id",
      "comparison_name",
      "comparison_link",
      "analyser_version",
      "exported_at",
    ]);
    for (const r of rows.slice(1)) {
      expect(r.slice(-5, -2)).toEqual([
        String(comparisonId),
        "Dunmere bridge (fictional)",
        `http://localhost/comparisons/${comparisonId}`,
      ]);
      expect(r.at(-2)).toMatch(/\S/);
      expect(r.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  test("a table as JSON carries provenance and span lists", async () => {
    const res = await get("claim-matrix.json");
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="parallax-\d+-claim-matrix\.json"$/);
    const body = (await res.json()) as TableJson;
    expect(body.provenance.comparison).toEqual({ id: comparisonId, name: "Dunmere bridge (fictional)" });
    expect(body.provenance.articles.map((a) => a.outlet)).toEqual([A.outlet, B.outlet]);
    expect(body.provenance.versions).toMatchObject({
      analyser: expect.any(String),
      codebook: expect.any(String),
      lexicons: expect.any(Object),
    });
    expect(Object.keys(body.provenance.versions.lexicons).length).toBeGreaterThanOrEqual(8);
    expect(body.provenance.source).toContain(`/comparisons/${comparisonId}/export/claim-matrix.json`);
    expect(Date.parse(body.provenance.exportedAt)).not.toBeNaN();
    const present = body.rows.find((r) => r.stance !== "absent")!;
    expect(present.spans[0]).toEqual({
      start: expect.any(Number),
      end: expect.any(Number),
      field: expect.stringMatching(/title|body/),
    });
  });

  test("the bundle holds every span and figure with versions", async () => {
    const res = await get("bundle.json");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="parallax-${comparisonId}-bundle.json"`);
    const b = (await res.json()) as BundleJson;
    for (const k of [
      "articles",
      "attributions",
      "claimMatrix",
      "namingMatrix",
      "frames",
      "versions",
      "markers",
      "claims",
      "descriptors",
      "figures",
      "provenance",
      "prompts",
    ])
      expect(b, k).toHaveProperty(k);
    expect(b.articles.map((a) => a.id)).toEqual(ids);
    expect(b.articles[0]).toMatchObject({ outlet: A.outlet, author: A.author, url: A.url, published: A.published });
    const att = b.attributions.find((x) => x.articleId === ids[0] && x.contentText.join(" ").includes("not safe"))!;
    expect(att).toBeDefined();
    expect(A.text.slice(att.content[0]!.start, att.content[0]!.end)).toBe(att.contentText[0]);
    // Two here: the third these texts used to get was an "only in" prompt on the mayor's quoted words, which are the
    // mayor's, not the outlet's claim (prompts: fewer rather than a false one).
    expect(b.prompts.length).toBeGreaterThanOrEqual(2);
    // The outlets' names are in the bundle (metadata, and wherever the spans quote the texts naming them): what the blind test below must find masked.
    expect(JSON.stringify(b)).toContain(B.outlet);
  });

  test("tables.zip holds one CSV per table", async () => {
    const res = await get("tables.zip");
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="parallax-${comparisonId}-tables.zip"`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const csvs = Object.keys(files).filter((f) => f.endsWith(".csv"));
    expect(csvs.sort()).toEqual(TABLE_IDS.map((t) => `parallax-${comparisonId}-${t}.csv`).sort());
    for (const f of csvs) expect(strFromU8(files[f]!).split("\r\n")[0]).toContain("article_id");
  });

  test("unknown comparison or table: 404 with a clear message", async () => {
    const bad = await get("nothing.csv");
    expect(bad.status).toBe(404);
    expect(await bad.text()).toMatch(/No export named “nothing\.csv”/);
    const res = await loader({
      params: { id: "999999", file: "bundle.json" },
      request: new Request("http://localhost/comparisons/999999/export/bundle.json"),
      context: {},
    } as unknown as LoaderFunctionArgs);
    expect((res as Response).status).toBe(404);
    expect(await (res as Response).text()).toMatch(/No comparison with id 999999/);
  });

  test("blind exports carry no outlet name, author or URL in any byte", async () => {
    const names: string[] = [];
    for (const file of ["bundle.json", "sourcing-mix.csv", "voices.json", "claim-matrix.csv", "timeline.json"]) {
      const res = await get(file, "?blind=1");
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Disposition")).toContain(`parallax-${comparisonId}-blind-`);
      const text = await res.text();
      expectBlind(text);
      names.push(text);
    }
    const bundle = JSON.parse(names[0]!) as BundleJson;
    expect(bundle.articles.map((a) => a.outlet)).toEqual(["Article A", "Article B"]);
    expect(bundle.provenance.blind).toBe(true);
    expect(bundle.prompts.map((p) => p.text).join(" ")).toMatch(/Article [AB]/);
    // Masks keep lengths, so the offsets still index the stored text.
    const att = bundle.attributions.find(
      (x) => x.articleId === ids[0] && x.contentText.join(" ").includes("not safe"),
    )!;
    expect(att.content[0]!.end - att.content[0]!.start).toBe(att.contentText[0]!.length);
    const zip = unzipSync(new Uint8Array(await (await get("tables.zip", "?blind=1")).arrayBuffer()));
    expect(Object.keys(zip).filter((f) => f.endsWith(".csv"))).toHaveLength(TABLE_IDS.length);
    for (const [f, bytes] of Object.entries(zip)) {
      expectBlind(f);
      expectBlind(strFromU8(bytes));
    }
  });
});

describe("cli export", () => {
  const fresh = freshDbUrl("cli-export");
  const out = path.join(TMP, `export-out-${process.pid}-${Date.now()}`);
  let cliComparison = 0;
  afterAll(() => {
    fresh.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  });

  const runCli = (args: string[]) => runCliIn(args, { DATABASE_URL: fresh.url });

  beforeAll(async () => {
    const db = await prepareDatabase({ url: fresh.url, seed: false });
    const a = (await importArticle(db, { ...A, origin: "paste", fictional: true })).article;
    const b = (await importArticle(db, { ...B, origin: "paste", fictional: true })).article;
    cliComparison = (
      await createComparison(db, { name: "Dunmere bridge (fictional)", articleIds: [a.id, b.id], focalArticleId: a.id })
    ).id;
    db.$client.close();
  });

  test("--format json writes one bundle file and prints its path", async () => {
    const r = await runCli(["export", "--comparison", String(cliComparison), "--format", "json", "--out", out]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    const paths = r.stdout.trim().split("\n");
    expect(paths).toEqual([path.join(out, `parallax-${cliComparison}-bundle.json`)]);
    const b = JSON.parse(fs.readFileSync(paths[0]!, "utf8")) as Record<string, unknown>;
    for (const k of ["articles", "attributions", "claimMatrix", "namingMatrix", "frames", "versions"])
      expect(b).toHaveProperty(k);
    expect(String((b.provenance as { source: string }).source)).toContain("cli export");
  });

  test("--format csv --blind writes one CSV per table, blinded", async () => {
    const dir = path.join(out, "blind");
    const r = await runCli([
      "export",
      "--comparison",
      String(cliComparison),
      "--format",
      "csv",
      "--out",
      dir,
      "--blind",
    ]);
    expect(r.code).toBe(0);
    const paths = r.stdout.trim().split("\n");
    expect(paths).toHaveLength(TABLE_IDS.length);
    expect(fs.readdirSync(dir).sort()).toEqual(TABLE_IDS.map((t) => `parallax-${cliComparison}-blind-${t}.csv`).sort());
    for (const p of paths) {
      const text = fs.readFileSync(p, "utf8");
      expect(text.split("\r\n")[0]).toContain("article_id");
      expectBlind(text);
    }
  });

  test("an unknown comparison or a bad format exits non-zero with a clear message", async () => {
    const none = await runCli(["export", "--comparison", "4242", "--format", "csv", "--out", out]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain("no comparison with id 4242");
    const bad = await runCli(["export", "--comparison", String(cliComparison), "--format", "xml", "--out", out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be json or csv, not "xml"');
  });
});
