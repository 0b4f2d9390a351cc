import { eq } from "drizzle-orm";
import { comparisons } from "#db/schema";
import { expandTargets, importItems } from "#app/models/import.server";
import { parseArgs, withDb } from "../lib/cli-args";

const USAGE = "usage: npm run --silent cli -- import PATH|URL... [--comparison ID] [--json]";

/**
 * Imports URLs, files (.txt .md .html .json .jsonl .csv .tsv) and folders into the library named by
 * DATABASE_URL. Progress on stderr; the summary last (one JSON object on stdout with --json).
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      "--json": { value: false },
      "--comparison": {
        value: true,
        check: (v) =>
          !Number.isSafeInteger(Number(v)) || Number(v) <= 0 ? `--comparison needs a comparison id\n${USAGE}` : null,
      },
    },
    (a) => `unknown option ${a}\n${USAGE}`,
  );
  if (!args.ok) {
    console.error(args.message);
    return 2;
  }
  const json = args.flags.has("--json");
  const comparisonId = args.flags.has("--comparison") ? Number(args.flags.get("--comparison")) : null;
  const targets = args.positionals;
  if (targets.length === 0) {
    console.error(USAGE);
    return 2;
  }
  return withDb(async (db) => {
    if (comparisonId) {
      const [c] = await db.select({ id: comparisons.id }).from(comparisons).where(eq(comparisons.id, comparisonId));
      if (!c) {
        console.error(`There is no comparison ${comparisonId}; \`cli list\` shows them.`);
        return 1;
      }
    }
    const items = await expandTargets(targets);
    console.error(`importing ${items.length} item(s)…`);
    const summary = await importItems(db, items, {
      comparisonId,
      onItem: (o, i, total) => {
        const what =
          o.status === "imported"
            ? `imported #${o.article.id} “${o.article.title}”`
            : o.status === "duplicate"
              ? `duplicate of #${o.id}`
              : `failed: ${o.reason}`;
        console.error(`[${i + 1}/${total}] ${o.input}: ${what}`);
        if (o.status === "imported" && o.note) console.error(`        ${o.note}`);
      },
    });
    const line = `imported ${summary.imported.length}, skipped as duplicates ${summary.duplicates.length}, failed ${summary.failed.length}`;
    if (json) {
      console.error(line);
      process.stdout.write(JSON.stringify(summary) + "\n");
    } else {
      for (const a of summary.imported) console.log(`${a.id}\t${a.outlet ?? ""}\t${a.title}`);
      for (const f of summary.failed) console.log(`FAILED\t${f.input}\t${f.reason}`);
      console.log(line);
    }
    return summary.failed.length > 0 ? 1 : 0;
  });
}
