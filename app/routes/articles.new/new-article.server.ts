import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { comparisons } from "#db/schema";
import { cleanText } from "#app/ingest/clean-text";
import { readUpload } from "#app/ingest/upload.server";
import { fallbackTitle, importArticle, InputError } from "#app/models/articles.server";
import { addArticleToComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { discardBody, readForm, storageRefusal } from "#app/utils/http.server";
import { newArticleSchema } from "./article-form.schema";

const MAX_REQUEST_BYTES = 3 * 1024 * 1024;

export async function loadNewArticlePage(request: Request) {
  const url = new URL(request.url);
  const db = getDb();
  const cid = Number(url.searchParams.get("comparison"));
  const [comparison] =
    Number.isSafeInteger(cid) && cid > 0
      ? await db.select({ id: comparisons.id, name: comparisons.name }).from(comparisons).where(eq(comparisons.id, cid))
      : [];
  // "Paste the text instead" arrives here with the URL and title it could not fetch.
  const prefill = { url: url.searchParams.get("url") ?? undefined, title: url.searchParams.get("title") ?? undefined };
  return { comparison: comparison ?? null, prefill };
}

export async function createArticleFromForm(request: Request) {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_REQUEST_BYTES) {
    await discardBody(request);
    return {
      status: "error" as const,
      initialValue: null,
      error: { "": ["The upload is over 2 MB; Parallax takes single articles."] },
    };
  }
  const formData = await readForm(request, MAX_REQUEST_BYTES);
  const submission = parseWithZod(formData, { schema: newArticleSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["file"] });
  const v = submission.value;

  let body: {
    text: string;
    title: string | null;
    author: string | null;
    outlet: string | null;
    published: string | null;
    language: string | null;
    url: string | null;
  };
  let origin: "paste" | "upload";
  if (v.file && v.file.size > 0) {
    const read = readUpload(v.file.name, new Uint8Array(await v.file.arrayBuffer()), {
      title: v.title,
      outlet: v.outlet,
      author: v.author,
    });
    if (!read.ok) return submission.reply({ fieldErrors: { file: [read.reason] }, hideFields: ["file"] });
    body = read;
    origin = "upload";
  } else {
    const cleaned = cleanText(v.text ?? "", { title: v.title, outlet: v.outlet, author: v.author });
    if (!cleaned.text.trim()) return submission.reply({ fieldErrors: { text: ["The article text is empty."] } });
    body = { ...cleaned, published: null, language: null, url: null };
    origin = "paste";
  }

  const db = getDb();
  if (v.comparison) {
    const [c] = await db.select({ id: comparisons.id }).from(comparisons).where(eq(comparisons.id, v.comparison));
    if (!c) return submission.reply({ formErrors: ["That comparison no longer exists."] });
  }
  try {
    const outcome = await importArticle(db, {
      text: body.text,
      title: v.title ?? body.title ?? fallbackTitle(body.text),
      author: v.author ?? body.author,
      outlet: v.outlet ?? body.outlet,
      published: v.published ?? body.published,
      url: v.url ?? body.url,
      language: v.language ?? body.language ?? "en",
      origin,
    });
    if (outcome.status === "duplicate") {
      const what = outcome.by === "url" ? "An article with this URL" : "This text";
      if (v.comparison) {
        await addArticleToComparison(db, v.comparison, outcome.article.id);
        throw redirect(`/comparisons/${v.comparison}?notice=duplicate&article=${outcome.article.id}`);
      }
      return submission.reply({
        formErrors: [
          `${what} is already in the library as “${outcome.article.title}” (article #${outcome.article.id}); nothing was added.`,
        ],
      });
    }
    if (v.comparison) {
      const added = outcome.article;
      const refused = await addArticleToComparison(db, v.comparison, added.id).then(
        () => null,
        async (e: unknown) => (await storageRefusal(e)) ?? Promise.reject(e),
      );
      // The article itself is stored: say so rather than "nothing was saved".
      if (refused)
        return data(
          submission.reply({
            formErrors: [
              `The article was saved in the library as #${added.id}, but it could not be added to the comparison. ${refused.replace(": nothing was saved.", ".")}`,
            ],
          }),
          { status: 507 },
        );
      throw redirect(`/comparisons/${v.comparison}?notice=added&article=${outcome.article.id}`);
    }
    throw redirect(`/articles/${outcome.article.id}?notice=added`);
  } catch (e) {
    if (e instanceof InputError) return submission.reply({ fieldErrors: { [e.field ?? ""]: [e.message] } });
    // Disk full or read-only: the form comes back with its text, so nothing typed is lost.
    const refused = await storageRefusal(e);
    if (refused) return data(submission.reply({ formErrors: [refused], hideFields: ["file"] }), { status: 507 });
    throw e;
  }
}
