import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ArticleReader } from "#app/components/article-reader";
import { ErrorPanel } from "#app/components/error-panel";
import { ArticleByline } from "#app/components/library-list";
import { attributionHighlights, KindLegend } from "#app/components/sourcing-view";
import { CoverageList } from "#app/components/coverage-list";
import { MAX_COLUMNS } from "./columns";
import { comparisonAction, loadComparison } from "./comparison.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.comparison.name} · Parallax` : "Comparison · Parallax" }];

export async function loader({ params, request }: LoaderFunctionArgs) {
  return loadComparison(params, request);
}

export async function action({ params, request }: ActionFunctionArgs) {
  return comparisonAction(params, request);
}

const NOTICES = { added: "The article was added to this comparison.", duplicate: "That article was already in the library; the existing copy was added here.", removed: "The article was removed from this comparison (it stays in the library)." };

export default function ComparisonPage() {
  const { comparison, members, columns, candidates, library, lq, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const colIds = columns.map((c) => c.article.id);
  return (
    <div className="stack">
      <header>
        <p className="meta ui">Comparison</p>
        <h1>{comparison.name}</h1>
        {comparison.description ? <p className="lede">{comparison.description}</p> : null}
      </header>
      {notice ? (
        <div className="notice" role="status">
          {NOTICES[notice as keyof typeof NOTICES]}
        </div>
      ) : null}
      {actionData && "error" in actionData ? (
        <div className="form-error" role="alert">
          {actionData.error}
        </div>
      ) : null}

      <section className="panel no-print" aria-label="Articles in this comparison">
        <h2 style={{ marginTop: 0 }}>Articles ({members.length})</h2>
        <ul className="card-list">
          {members.map((m) => {
            const shown = colIds.includes(m.id);
            const toggled = shown ? colIds.filter((x) => x !== m.id) : [...colIds, m.id].slice(-MAX_COLUMNS);
            return (
              <li key={m.id}>
                <Link to={`/articles/${m.id}`}>{m.title}</Link> {m.id === comparison.focalArticleId ? <span className="badge">focal</span> : null}
                <div>
                  <ArticleByline a={m} />
                </div>
                <div className="ui" style={{ display: "flex", gap: "0.8rem", marginTop: "0.3rem", fontSize: "0.85rem" }}>
                  {toggled.length > 0 ? (
                    <Link to={`?cols=${toggled.join(",")}`} preventScrollReset>
                      {shown ? "Hide column" : "Show in a column"}
                    </Link>
                  ) : null}
                  {m.id !== comparison.focalArticleId ? (
                    <Form method="post" className="inline">
                      <input type="hidden" name="articleId" value={m.id} />
                      <button className="link" name="intent" value="focal">
                        Make focal
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post" className="inline">
                    <input type="hidden" name="articleId" value={m.id} />
                    <button className="link" name="intent" value="remove" aria-label={`Remove “${m.title}” from this comparison`}>
                      Remove
                    </button>
                  </Form>
                </div>
              </li>
            );
          })}
        </ul>
        <details>
          <summary>Add an article</summary>
          <div className="stack" style={{ marginTop: "0.6rem" }}>
            <p>
              <Link to={`/articles/new?comparison=${comparison.id}`}>Paste or upload a new article</Link>, or pick one from the library:
            </p>
            <Form method="get" role="search">
              <label htmlFor="lq">Search the library</label>
              <input id="lq" name="lq" type="search" defaultValue={lq} />
            </Form>
            {library.length ? (
              <Form method="post" className="field-row">
                <select name="articleId" aria-label="Article from the library">
                  {library.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title} — {a.outletName ?? "outlet unknown"}
                    </option>
                  ))}
                </select>
                <button name="intent" value="add">
                  Add to comparison
                </button>
              </Form>
            ) : (
              <p className="meta">No other articles in the library match.</p>
            )}
          </div>
        </details>
      </section>

      <section aria-label="Side by side">
        <h2>Side by side</h2>
        <KindLegend />
        <div className={`columns n${columns.length}`} style={{ marginTop: "0.8rem" }}>
          {columns.map(({ article, attributions, sources }) => (
            <article key={article.id} className="column" data-article-id={article.id}>
              <header>
                {article.id === comparison.focalArticleId ? <div className="focal-tag">Focal article</div> : null}
                <h2>{article.title}</h2>
                <ArticleByline a={article} />
              </header>
              <ArticleReader text={article.text} idPrefix={`a${article.id}`} highlights={attributionHighlights(article.text, attributions, sources)} />
            </article>
          ))}
        </div>
      </section>

      <CoverageList candidates={candidates} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
