// `cli list [--json]`: the comparisons and their articles (focal first). Applies migrations, never seeds:
// seeding is the server's job, and a list should not change what it lists.
import { prepareDatabase } from "#db/prepare";
import { getComparison, listComparisons } from "#app/models/comparisons.server";

export interface ListedComparison {
  id: number;
  name: string;
  articles: { id: number; title: string; outlet: string | null; url: string | null }[];
}

export async function run(argv: string[]): Promise<number> {
  let json = false;
  for (const a of argv) {
    if (a === "--json") json = true;
    else {
      console.error(`list: unknown option "${a}"\nusage: list [--json]`);
      return 2;
    }
  }
  const db = await prepareDatabase({ seed: false });
  try {
    const out: ListedComparison[] = [];
    for (const c of await listComparisons(db)) {
      const detail = await getComparison(db, c.id);
      if (!detail) continue;
      out.push({
        id: c.id,
        name: c.name,
        articles: detail.articles.map((a) => ({ id: a.id, title: a.title, outlet: a.outletName, url: a.url })),
      });
    }
    if (json) {
      process.stdout.write(JSON.stringify(out) + "\n");
      return 0;
    }
    if (out.length === 0) process.stdout.write("No comparisons yet.\n");
    for (const c of out) {
      process.stdout.write(
        `#${c.id}  ${c.name}  (${c.articles.length} article${c.articles.length === 1 ? "" : "s"})\n`,
      );
      c.articles.forEach((a, i) => {
        const mark = i === 0 ? "*" : " ";
        process.stdout.write(
          `  ${mark} #${a.id}  ${a.title}${a.outlet ? ` — ${a.outlet}` : ""}${a.url ? `  <${a.url}>` : ""}\n`,
        );
      });
    }
    if (out.some((c) => c.articles.length)) process.stdout.write("\n* focal article\n");
    return 0;
  } finally {
    db.$client.close();
  }
}
