// `cli related --json [--k N]`: for every article in the library, its k most likely reports of the same event.
// One JSON line per article on stdout: {"id","url","related":[{"id","url","score"}]}; progress on stderr.
import { buildRelatedIndex } from "#app/compare/related";
import { listArticlesForRelated } from "#app/models/articles.server";
import { ensureDb } from "#app/utils/db.server";

export async function run(argv: string[]): Promise<number> {
  let k = 5;
  let json = false;
  let reasons = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    else if (a === "--reasons") reasons = true;
    else if (a === "--k" || a.startsWith("--k=")) {
      const v = a.includes("=") ? a.slice(4) : argv[++i];
      k = Number(v);
      if (!Number.isInteger(k) || k < 1) {
        console.error(`related: --k needs a whole number of at least 1 (got "${v ?? ""}")`);
        return 2;
      }
    } else {
      console.error(`related: unknown option "${a}"\nusage: related --json [--k N] [--reasons]`);
      return 2;
    }
  }
  const { db, ready } = ensureDb();
  await ready;
  const docs = await listArticlesForRelated(db);
  console.error(`related: ${docs.length} articles`);
  const index = buildRelatedIndex(docs);
  for (const d of docs) {
    const hits = index.query(d.id, k);
    if (json) {
      const related = hits.map((h) =>
        reasons
          ? { id: h.id, url: h.url, score: h.score, reasons: h.reasons }
          : { id: h.id, url: h.url, score: h.score },
      );
      process.stdout.write(JSON.stringify({ id: d.id, url: d.url, related }) + "\n");
    } else {
      process.stdout.write(`${d.id} ${d.url ?? ""}\n`);
      for (const h of hits)
        process.stdout.write(`  ${h.score.toFixed(3)}  ${h.id} ${h.url ?? ""}  (${h.reasons.join("; ")})\n`);
    }
  }
  return 0;
}
