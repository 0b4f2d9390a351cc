import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "#app/components/error-panel";
import { ArticleByline } from "#app/components/library-list";
import { fingerprint, similarity, wordDiff } from "#app/ingest/near-duplicate";
import { getArticle } from "#app/models/articles.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Shared copy compared · Parallax" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const a = parseId(params.id, "article");
  const b = parseId(params.other, "article");
  const db = getDb();
  const [x, y] = await Promise.all([getArticle(db, a), getArticle(db, b)]);
  invariantResponse(x, `No article with id ${a}.`);
  invariantResponse(y, `No article with id ${b}.`);
  const sim = similarity(fingerprint(x.text), fingerprint(y.text));
  const body = wordDiff(x.text, y.text);
  const title = wordDiff(x.title, y.title);
  const strip = ({ text: _t, contentHash: _h, ...m }: typeof x) => m;
  return { a: strip(x), b: strip(y), sim, body, title };
}

/** What one outlet changed in copy it shares with another: the same words, and each edit marked. */
export default function SharedCopy() {
  const { a, b, sim, body, title } = useLoaderData<typeof loader>();
  return (
    <section className="stack" style={{ maxWidth: "60rem" }}>
      <h1>Shared copy, compared</h1>
      <p className="lede">
        These two articles share {Math.round(sim.containment * 100)}% of the shorter one&apos;s five-word runs: most
        likely the same wire copy, edited by each outlet. Below, words only in the first are struck through and words
        only in the second are underlined.
      </p>
      <div className="columns n2">
        <div className="column">
          <div className="focal-tag">First</div>
          <h2>
            <Link to={`/articles/${a.id}`}>{a.title}</Link>
          </h2>
          <ArticleByline a={a} />
        </div>
        <div className="column">
          <div className="focal-tag">Second</div>
          <h2>
            <Link to={`/articles/${b.id}`}>{b.title}</Link>
          </h2>
          <ArticleByline a={b} />
        </div>
      </div>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>What changed</h2>
        {title.summary.length || body.summary.length ? (
          <ul data-diff-summary>
            {title.summary.map((s, i) => (
              <li key={`t${i}`}>Headline: {s}</li>
            ))}
            {body.summary.map((s, i) => (
              <li key={`b${i}`}>{s}</li>
            ))}
          </ul>
        ) : (
          <p className="meta">No differences in wording.</p>
        )}
        {!body.comparable ? <p className="note">The texts differ too much for a word-by-word comparison.</p> : null}
        <p className="meta">
          {body.stats.sameWords} words shared, {body.stats.removedWords} only in the first, {body.stats.addedWords} only
          in the second.
        </p>
      </section>
      {body.comparable ? (
        <section className="panel article-text diff-text">
          {body.parts.map((p, i) =>
            p.type === "same" ? (
              <span key={i}>{p.text}</span>
            ) : p.type === "removed" ? (
              <del key={i}>{p.text}</del>
            ) : (
              <ins key={i}>{p.text}</ins>
            ),
          )}
        </section>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
