import fs from "node:fs";
import path from "node:path";
import type { Db } from "#db/client";
import { importArticle } from "#app/models/articles.server";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Imports fictional fixture articles (tests/fixtures/articles/NAME.txt) as "Fixture Outlet 1…n"; returns their ids. */
export async function importFixtureArticles(db: Db, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, name] of names.entries()) {
    const text = fs.readFileSync(path.join(ROOT, "tests/fixtures/articles", `${name}.txt`), "utf8").trim();
    const r = await importArticle(db, {
      text,
      title: `${name} (fixture)`,
      outlet: `Fixture Outlet ${i + 1}`,
      origin: "paste",
      fictional: true,
    });
    ids.push(r.article.id);
  }
  return ids;
}
