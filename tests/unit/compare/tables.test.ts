import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import codebook from "#app/analysis/codebook.json";
import { compareArticles, type Comparison } from "#app/compare/compare";
import {
  comparisonTables,
  neutraliseCell,
  spansText,
  tableJsonRows,
  tableToCsv,
  TABLE_IDS,
  type ComparisonTables,
  type Table,
  type TableArticle,
} from "#app/compare/tables";

// The three fictional tutorial reports (app/demo/tutorial), analysed and compared as the app does.
const dir = path.resolve(import.meta.dirname, "../../../app/demo/tutorial");
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "articles.json"), "utf8")) as {
  articles: { file: string; title: string; outlet: string; url: string; published: string }[];
};
let comparison: Comparison;
let articles: TableArticle[];
let tables: ComparisonTables;

beforeAll(() => {
  const inputs = manifest.articles.map((a, i) => {
    const text = fs.readFileSync(path.join(dir, a.file), "utf8");
    return {
      id: i + 1,
      title: a.title,
      outlet: a.outlet,
      url: a.url,
      published: a.published,
      analysis: analyse(text, { title: a.title }),
    };
  });
  comparison = compareArticles(inputs, { focalId: 1 });
  articles = inputs.map(({ id, title, outlet, url, published }) => ({ id, title, outlet, url, published }));
  tables = comparisonTables(comparison, articles, [
    {
      date: "2026-03-10",
      outlet: '=HYPERLINK("x")',
      country: null,
      title: "-1+1",
      url: "https://example.org/c",
      status: "pending",
      articleId: null,
    },
  ]);
});

function col(t: Table, name: string): unknown[] {
  return t.rows.map((r) => r.cells[name]);
}

describe("comparison tables", () => {
  it("builds every table with the codebook version, article columns and spans", () => {
    expect(Object.keys(tables).sort()).toEqual([...TABLE_IDS].sort());
    for (const id of TABLE_IDS) {
      const t = tables[id];
      expect(t.id).toBe(id);
      expect(t.codebookVersion).toBe(codebook.version);
      expect(t.rows.length).toBeGreaterThan(0);
      for (const c of ["article_id", "outlet", "url", "codebook_version"]) expect(t.columns).toContain(c);
      for (const r of t.rows) expect(r.cells.codebook_version).toBe(codebook.version);
    }
  });

  it("has one row per cell: article × category", () => {
    expect(tables["sourcing-mix"].rows).toHaveLength(3 * codebook.sourceKinds.length);
    expect(tables["cue-stances"].rows).toHaveLength(3 * codebook.cueStances.length);
    expect(tables.frames.rows).toHaveLength(3 * codebook.frameDimensions.length);
    expect(tables["naming-matrix"].rows).toHaveLength(3 * comparison.naming.actors.length);
    // Whole article, lead and headline (all three have titles) in the writer's voice, and the quoted speech of the
    // whole article as its own series, × marker types.
    expect(tables["distance-tone"].rows).toHaveLength(3 * 4 * codebook.markerTypes.length);
    expect(tables["distance-tone"].rows.filter((r) => r.cells.voice === "quoted")).toHaveLength(
      3 * codebook.markerTypes.length,
    );
    const claimRows = tables["claim-matrix"].rows;
    for (const g of comparison.claimGroups) {
      const rows = claimRows.filter((r) => r.cells.claim_group === g.id);
      expect(rows.length).toBe(g.cells.length + (3 - g.articles.length));
    }
    expect(tables.timeline.rows).toHaveLength(4);
  });

  it("backs every non-zero count with spans whose offsets match the trace", () => {
    const t = tables["sourcing-mix"];
    const withCounts = t.rows.filter((r) => Number(r.cells.attributions) > 0);
    expect(withCounts.length).toBeGreaterThan(0);
    for (const r of withCounts) {
      expect(r.trace.length).toBeGreaterThan(0);
      expect(String(r.cells.spans)).toMatch(/^(title:)?\d+-\d+(;(title:)?\d+-\d+)*$/);
      expect(r.cells.spans).toBe(spansText(r.trace));
    }
    const total = t.rows.filter((r) => r.cells.article_id === 1).reduce((n, r) => n + Number(r.cells.attributions), 0);
    expect(total).toBe(comparison.figures[0]!.attributions.value);
    for (const r of tables["distance-tone"].rows) expect(r.trace.length).toBe(r.cells.count);
    const json = tableJsonRows(tables["cue-stances"]);
    const some = json.find((r) => Number(r.attributions) > 0)!;
    expect(some.spans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ start: expect.any(Number), end: expect.any(Number), field: "body" }),
      ]),
    );
  });

  it("uses the codebook's wording", () => {
    expect(col(tables["sourcing-mix"], "source_kind_label")).toContain("Armed group");
    expect(col(tables["claim-matrix"], "stance_label")).toEqual(expect.arrayContaining(["Asserted"]));
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    for (const s of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－2", "＠SUM(A1)"])
      expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell("plain")).toBe("plain");
    expect(neutraliseCell(-3)).toBe(-3);
    const csv = tableToCsv(tables.timeline);
    const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(tables.timeline.columns);
    expect(parsed).toHaveLength(5);
    const cand = parsed.find((r) => r[0] === "candidate")!;
    expect(cand[3]).toBe(`'=HYPERLINK("x")`);
    expect(cand[4]).toBe("'-1+1");
  });

  it("writes a CSV header and rows with offsets", () => {
    const csv = tableToCsv(tables["sourcing-mix"]);
    const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;
    expect(header).toEqual(tables["sourcing-mix"].columns);
    expect(rows).toHaveLength(tables["sourcing-mix"].rows.length);
    const spansAt = header!.indexOf("spans");
    expect(rows.some((r) => /^\d+-\d+/.test(r[spansAt]!))).toBe(true);
  });
});
