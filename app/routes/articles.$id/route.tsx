import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ArticleReader } from "#app/components/article-reader";
import { ErrorPanel } from "#app/components/error-panel";
import { FieldError } from "#app/components/field-error";
import { ArticleByline } from "#app/components/library-list";
import { attributionHighlights, KindLegend, SourcesPanel } from "#app/components/sourcing-view";
import { getAnalysis } from "#app/models/analyses.server";
import { getArticle, InputError, updateArticleMeta } from "#app/models/articles.server";
import { findNearDuplicatesOf } from "#app/models/near-duplicates.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId, readForm } from "#app/utils/http.server";
import { editArticleSchema } from "../articles.new/article-form.schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.article.title} · Parallax` : "Article · Parallax" }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id, "article");
  const db = getDb();
  const article = await getArticle(db, id);
  invariantResponse(article, `No article with id ${id}.`);
  const [analysis, near] = await Promise.all([getAnalysis(db, id), findNearDuplicatesOf(db, id)]);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    article,
    attributions: analysis?.attributions ?? [],
    sources: analysis?.sources ?? [],
    near,
    notice: notice === "added" ? "The article was added to the library." : notice === "saved" ? "Saved." : null,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = parseId(params.id, "article");
  const db = getDb();
  invariantResponse(await getArticle(db, id), `No article with id ${id}.`);
  const submission = parseWithZod(await readForm(request), { schema: editArticleSchema });
  if (submission.status !== "success") return submission.reply();
  const v = submission.value;
  try {
    await updateArticleMeta(db, id, {
      title: v.title,
      outlet: v.outlet ?? null,
      author: v.author ?? null,
      published: v.published ?? null,
      url: v.url ?? null,
      language: v.language ?? null,
    });
  } catch (e) {
    if (e instanceof InputError) return submission.reply({ fieldErrors: { [e.field ?? ""]: [e.message] } });
    throw e;
  }
  return redirect(`/articles/${id}?notice=saved`);
}

export default function ArticlePage() {
  const { article, attributions, sources, near, notice } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editArticleSchema }),
    defaultValue: {
      title: article.title,
      outlet: article.outletName ?? "",
      author: article.author ?? "",
      published: article.published ?? "",
      url: article.url ?? "",
      language: article.language ?? "",
    },
  });
  return (
    <div className="grid-2">
      <article className="stack">
        <header>
          <h1>{article.title}</h1>
          <ArticleByline a={article} />
          {article.url ? (
            <div className="meta">
              <a href={article.url} rel="noreferrer noopener nofollow">
                {article.url}
              </a>
            </div>
          ) : null}
          <div className="meta">
            {article.wordCount} words · <Link to={`/articles/${article.id}/related`}>Find related coverage</Link>
          </div>
        </header>
        {notice ? (
          <div className="notice" role="status">
            {notice}
          </div>
        ) : null}
        <KindLegend />
        <ArticleReader text={article.text} idPrefix={`a${article.id}`} highlights={attributionHighlights(article.text, attributions, sources)} />
      </article>
      <aside className="stack">
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Sources</h2>
          <SourcesPanel sources={sources} attributionCount={attributions.length} />
        </section>
        {near.length ? (
          <section className="panel" aria-labelledby="near-h">
            <h2 id="near-h" style={{ marginTop: 0 }}>
              Shared copy
            </h2>
            <p className="meta">Other articles in the library with mostly the same wording (e.g. one agency story in several outlets):</p>
            <ul className="card-list">
              {near.map((n) => (
                <li key={n.id}>
                  <Link to={`/articles/${article.id}/diff/${n.id}`}>{n.title}</Link>
                  <div className="meta">
                    {[n.outlet, n.published].filter(Boolean).join(" · ")} · {Math.round(n.containment * 100)}% shared · see what changed
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="panel no-print">
          <h2 style={{ marginTop: 0 }}>Edit details</h2>
          <p className="meta">The text itself cannot be edited: every highlight and export points into it.</p>
          <Form method="post" {...getFormProps(form)}>
            {form.errors ? (
              <div className="form-error" role="alert">
                {form.errors.join(" ")}
              </div>
            ) : null}
            {(
              [
                ["title", "Title"],
                ["outlet", "Outlet"],
                ["author", "Author"],
                ["published", "Published (YYYY, YYYY-MM or YYYY-MM-DD)"],
                ["url", "URL"],
                ["language", "Language (two-letter code)"],
              ] as const
            ).map(([name, label]) => (
              <div className="field" key={name}>
                <label htmlFor={fields[name].id}>{label}</label>
                <input {...getInputProps(fields[name], { type: "text" })} />
                <FieldError errors={fields[name].errors} id={fields[name].errorId} />
              </div>
            ))}
            <button type="submit">Save</button>
          </Form>
        </section>
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
