import { importArticle, type NewArticleInput } from "#app/models/articles.server";
import type { Article } from "#db/schema";
import type { Db } from "#db/client";
import { getDb } from "#app/utils/db.server";

let counter = 0;

/** A fictional article, unique per call unless `text` is given. */
export async function createArticle(overrides: Partial<NewArticleInput> = {}, db: Db = getDb()): Promise<Article> {
  counter++;
  const outcome = await importArticle(db, {
    title: `Harbour board delays vote on dredging plan (${counter})`,
    outlet: "The Millbrook Gazette",
    text:
      `The harbour board of the fictional town of Millbrook postponed its vote on the dredging plan on Tuesday, board chair Ilse Varga said. ` +
      `"We need another month to read the engineers' report," Varga told reporters.\n\n` +
      `Fishermen said the delay would cost them the spring season, according to the Millbrook Fishers' Association. Case ${counter}.`,
    origin: "paste",
    ...overrides,
  });
  return outcome.article;
}
