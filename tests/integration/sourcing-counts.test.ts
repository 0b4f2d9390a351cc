// One article's attribution count and quoted-word count agree on every surface: the article page's data,
// the comparison's figures (what its charts read), the export bundle and `cli analyze`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "#app/utils/db.server";
import { createComparison } from "#app/models/comparisons.server";
import { loadAnalysedComparison } from "#app/models/comparison-analysis.server";
import { buildComparisonExport } from "#app/models/export.server";
import { loader as articleLoader } from "#app/routes/articles.$id/route";
import { createArticle } from "#tests/factories";
import { run as analyze } from "../../scripts/commands/analyze";

// A fictional report with a direct quotation, a partial quotation inside reported speech and an unnamed source.
const TEXT =
  `The water board of the fictional town of Esker voted on Monday to raise tariffs by nine percent, board chair Runa Vell said. ` +
  `"We have no other way to pay for the new pipes," Vell told reporters.\n\n` +
  `Tenant groups said the rise was "a tax on the poorest households" and promised to appeal. ` +
  `The decision was reportedly taken without a public hearing.`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-counts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("an article's sourcing counts agree across surfaces", () => {
  test("article page, comparison figures, export and cli analyze", async () => {
    const db = getDb();
    const article = await createArticle(
      { text: TEXT, title: "Esker water tariffs rise", outlet: "The Esker Ledger" },
      db,
    );
    const cmp = await createComparison(db, {
      name: "Esker tariffs",
      articleIds: [article.id],
      focalArticleId: article.id,
    });

    const page = (await articleLoader({
      params: { id: String(article.id) },
      request: new Request(`http://localhost/articles/${article.id}`),
      context: {},
    } as LoaderFunctionArgs)) as {
      attributions: { quotedWords: number }[];
      sources: { wordsQuoted: number }[];
    };
    const pageCount = page.attributions.length;
    const pageWords = page.sources.reduce((n, s) => n + s.wordsQuoted, 0);
    expect(pageCount).toBeGreaterThanOrEqual(4);
    expect(pageWords).toBeGreaterThan(10);

    const analysed = await loadAnalysedComparison(db, cmp.id);
    const fig = analysed!.comparison!.figures.find((f) => f.articleId === article.id)!;
    expect(fig.attributions.value).toBe(pageCount);
    expect(Object.values(fig.bySourceKind).reduce((n, k) => n + k.words.value, 0)).toBe(
      page.attributions.reduce((n, a) => n + a.quotedWords, 0),
    );
    expect(fig.sources.reduce((n, s) => n + s.wordsQuoted.value, 0)).toBe(pageWords);

    const exp = await buildComparisonExport(db, cmp.id);
    const rows = (
      exp!.bundle.attributions as { articleId: number; sourceKey: string | null; quotedWords: number }[]
    ).filter((a) => a.articleId === article.id);
    expect(rows).toHaveLength(pageCount);
    expect(rows.filter((a) => a.sourceKey).reduce((n, a) => n + a.quotedWords, 0)).toBe(pageWords);

    const file = path.join(dir, "esker.txt");
    fs.writeFileSync(file, article.text);
    const out: string[] = [];
    const spy = vi
      .spyOn(process.stdout, "write")
      .mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    try {
      expect(await analyze(["--json", file])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const cli = JSON.parse(out.join("").trim()) as {
      attributions: { quotedWords: number; canonicalSource: string | null }[];
    };
    expect(cli.attributions).toHaveLength(pageCount);
    expect(cli.attributions.filter((a) => a.canonicalSource).reduce((n, a) => n + a.quotedWords, 0)).toBe(pageWords);
  });
});
