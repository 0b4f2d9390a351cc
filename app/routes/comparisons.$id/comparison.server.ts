import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { getAnalyses } from "#app/models/analyses.server";
import { listArticles } from "#app/models/articles.server";
import { addArticleToComparison, getComparison, removeArticleFromComparison, setFocalArticle } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId } from "#app/utils/http.server";
import { pickColumns } from "./columns";

export async function loadComparison(params: { id?: string }, request: Request) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const detail = await getComparison(db, id);
  invariantResponse(detail, `No comparison with id ${id}.`);
  const url = new URL(request.url);
  const memberIds = detail.articles.map((a) => a.id);
  const columns = pickColumns(memberIds, url.searchParams.get("cols"));
  const analyses = await getAnalyses(db, columns);
  const lq = url.searchParams.get("lq")?.slice(0, 200) ?? "";
  const library = (await listArticles(db, { q: lq, limit: 30 })).filter((a) => !memberIds.includes(a.id));
  const notice = url.searchParams.get("notice");
  return {
    comparison: detail.comparison,
    members: detail.articles.map(({ text: _text, ...meta }) => meta),
    columns: columns.map((cid) => {
      const a = detail.articles.find((x) => x.id === cid)!;
      const an = analyses.get(cid);
      return {
        article: a,
        attributions: an?.attributions ?? [],
        sources: an?.sources ?? [],
      };
    }),
    candidates: detail.candidates,
    library,
    lq,
    notice: notice === "added" || notice === "duplicate" || notice === "removed" ? notice : null,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), articleId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("remove"), articleId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("focal"), articleId: z.coerce.number().int().positive() }),
]);

export async function comparisonAction(params: { id?: string }, request: Request) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const detail = await getComparison(db, id);
  invariantResponse(detail, `No comparison with id ${id}.`);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data("That request was not understood.", { status: 400 });
  const { intent, articleId } = parsed.data;
  const isMember = detail.articles.some((a) => a.id === articleId);
  if (intent === "add") {
    const exists = await db.query.articles.findFirst({ where: (t, { eq }) => eq(t.id, articleId), columns: { id: true } });
    if (!exists) return { error: `There is no article #${articleId} in the library.` };
    await addArticleToComparison(db, id, articleId);
    return redirect(`/comparisons/${id}?notice=added&article=${articleId}`);
  }
  if (!isMember) return { error: `Article #${articleId} is not in this comparison.` };
  if (intent === "remove") {
    await removeArticleFromComparison(db, id, articleId);
    return redirect(`/comparisons/${id}?notice=removed`);
  }
  await setFocalArticle(db, id, articleId);
  return redirect(`/comparisons/${id}`);
}
