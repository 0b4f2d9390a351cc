// `cli compare [--name NAME] [--focal N] [--json] PATH|URL|ID...`: makes a comparison from articles given in order.
// What is not in the library yet is imported through the import code (a known URL or text is reused, never
// stored twice); the comparison is created with the articles in the order given, the first (or the N-th) focal;
// each article is analysed; the comparison's id goes to stdout (`--json`: {"id", "articles"} on one line).
import { eq, inArray } from "drizzle-orm";
import { articles } from "#db/schema";
import type { Db } from "#app/utils/db.server";
import { expandTargets, importItem } from "#app/models/import.server";
import { createComparison } from "#app/models/comparisons.server";
import { getAnalyses } from "#app/models/analyses.server";
import { parseArgs, withDb } from "../lib/cli-args";

const USAGE = "usage: npm run --silent cli -- compare [--name NAME] [--focal N] [--json] PATH|URL|ID...";

export interface BuildComparisonOptions {
  name?: string | null;
  /** 1-based position of the focal article among the resulting articles (default 1). */
  focal?: number;
  log?: (msg: string) => void;
}

export type BuildComparisonResult =
  | { ok: true; id: number; articles: number[] }
  | { ok: false; failed: { input: string; reason: string }[]; code: number };

/**
 * Resolves targets (an article id as digits, a URL, a file or a folder) to article ids in the order given,
 * importing what is new; creates the comparison only when every target resolved, and analyses its articles.
 */
export async function buildComparison(
  db: Db,
  targets: string[],
  opts: BuildComparisonOptions = {},
): Promise<BuildComparisonResult> {
  const log = opts.log ?? (() => {});
  const ids: number[] = [];
  const failed: { input: string; reason: string }[] = [];
  for (const t of targets) {
    if (/^\d{1,12}$/.test(t)) {
      const id = Number(t);
      const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, id));
      if (row) ids.push(id);
      else failed.push({ input: t, reason: `there is no article ${id} in the library` });
      continue;
    }
    const items = await expandTargets([t]);
    if (items.length === 0) failed.push({ input: t, reason: "no article found there" });
    for (const item of items) {
      const o = await importItem(db, item);
      if (o.status === "imported") {
        log(`${o.input}: imported #${o.article.id} “${o.article.title}”`);
        ids.push(o.article.id);
      } else if (o.status === "duplicate") {
        log(`${o.input}: already in the library as #${o.id}`);
        ids.push(o.id);
      } else failed.push({ input: o.input, reason: o.reason });
    }
  }
  if (failed.length) return { ok: false, failed, code: 1 };
  const unique = [...new Set(ids)];
  if (unique.length === 0)
    return { ok: false, failed: [{ input: targets.join(" "), reason: "no articles to compare" }], code: 2 };
  const focalPos = opts.focal ?? 1;
  if (!Number.isSafeInteger(focalPos) || focalPos < 1 || focalPos > unique.length) {
    return {
      ok: false,
      failed: [{ input: `--focal ${focalPos}`, reason: `the focal position must be between 1 and ${unique.length}` }],
      code: 2,
    };
  }
  const focalId = unique[focalPos - 1]!;
  let name = opts.name?.trim();
  if (!name) {
    const [f] = await db
      .select({ title: articles.title })
      .from(articles)
      .where(inArray(articles.id, [focalId]));
    name = `Comparison: ${f?.title ?? `article ${focalId}`}`;
  }
  const c = await createComparison(db, { name, articleIds: unique, focalArticleId: focalId });
  log(`analysing ${unique.length} article(s)…`);
  await getAnalyses(db, unique);
  return { ok: true, id: c.id, articles: unique };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      "--json": { value: false },
      "--name": { value: true, check: (v) => (!v || !v.trim() ? `compare: --name needs a name\n${USAGE}` : null) },
      "--focal": {
        value: true,
        check: (v) =>
          !v || !/^\d{1,6}$/.test(v) || Number(v) < 1
            ? `compare: --focal needs a position (1 for the first article), got "${v ?? ""}"\n${USAGE}`
            : null,
      },
    },
    (a) => `compare: unknown option "${a}"\n${USAGE}`,
  );
  if (!args.ok) {
    console.error(args.message);
    return 2;
  }
  const json = args.flags.has("--json");
  const name = (args.flags.get("--name") as string | undefined) ?? null;
  const focal = Number(args.flags.get("--focal") ?? 1);
  const targets = args.positionals;
  if (targets.length === 0) {
    console.error(USAGE);
    return 2;
  }
  return withDb(async (db) => {
    const r = await buildComparison(db, targets, { name, focal, log: (m) => console.error(`compare: ${m}`) });
    if (!r.ok) {
      for (const f of r.failed) console.error(`compare: ${f.input}: ${f.reason}`);
      console.error("compare: no comparison was created (articles imported on the way stay in the library)");
      return r.code;
    }
    console.error(`compare: comparison ${r.id} with ${r.articles.length} article(s), focal #${r.articles[focal - 1]}`);
    process.stdout.write(json ? JSON.stringify({ id: r.id, articles: r.articles }) + "\n" : `${r.id}\n`);
    return 0;
  });
}
