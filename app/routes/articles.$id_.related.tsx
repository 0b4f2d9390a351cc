import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "#app/components/error-panel";
import { ArticleByline } from "#app/components/library-list";
import { getArticle, getArticles } from "#app/models/articles.server";
import { RELATED_MIN_SCORE } from "#app/compare/related";
import { comparisonsOfArticle } from "#app/models/comparisons.server";
import { getRelatedIndex } from "#app/models/related.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Related coverage · Parallax" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id, "article");
  const db = getDb();
  const article = await getArticle(db, id);
  invariantResponse(article, `No article with id ${id}.`);
  // Only hits with some evidence: a score near zero lists unrelated articles, which is worse than none.
  const hits = (await getRelatedIndex(db)).query(id, 10).filter((h) => h.score >= RELATED_MIN_SCORE);
  const holding = await comparisonsOfArticle(db, id);
  const metas = await getArticles(
    db,
    hits.map((h) => h.id),
  );
  const { text: _t, contentHash: _h, ...self } = article;
  return {
    holding,
    minScore: RELATED_MIN_SCORE,
    article: self,
    // An article deleted since the index was read is left out (its metadata is gone).
    related: hits.flatMap((h) => {
      const m = metas.find((x) => x.id === h.id);
      if (!m) return [];
      const { text: _tt, contentHash: _hh, ...meta } = m;
      return [{ ...meta, score: h.score, reasons: h.reasons }];
    }),
  };
}

/** Other articles in the library ranked by how likely they report the same event, each with its reasons. */
export default function Related() {
  const { article, related, holding, minScore } = useLoaderData<typeof loader>();
  return (
    <section className="stack" style={{ maxWidth: "56rem" }}>
      <p className="meta">
        <Link to={`/articles/${article.id}`}>← {article.title}</Link>
      </p>
      <h1>Related coverage</h1>
      <p className="lede">
        Articles in the library ranked by how likely they report the same event: shared words in the text and in the
        headline and lead, shared names, shared quotations, and closeness in date. The reasons under each say what
        counted. Scores under {minScore.toFixed(2)} are not listed: they are no evidence of the same event.
      </p>
      {related.length ? (
        <ol className="card-list panel" data-related>
          {related.map((r) => (
            <li key={r.id}>
              <Link to={`/articles/${r.id}`}>{r.title}</Link> <span className="meta">score {r.score.toFixed(2)}</span>
              <div>
                <ArticleByline a={r} />
              </div>
              <ul className="meta">
                {r.reasons.map((why, i) => (
                  <li key={i}>{why}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <div className="note" data-related-empty>
          <p style={{ margin: 0 }}>
            <strong>Nothing related in your library yet.</strong> No other article scores {minScore.toFixed(2)} or more
            as coverage of the same event.
          </p>
          <p style={{ margin: "0.4rem 0 0" }}>
            To bring coverage in:{" "}
            {holding.length ? (
              <>
                the coverage list of{" "}
                {holding.map((c, i) => (
                  <span key={c.id}>
                    {i ? ", " : ""}
                    <Link to={`/comparisons/${c.id}#coverage-h`}>{c.name}</Link>
                  </span>
                ))}
                , or{" "}
              </>
            ) : null}
            <Link to="/import">import by address or file</Link>.
          </p>
        </div>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
