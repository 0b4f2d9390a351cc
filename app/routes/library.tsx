import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LibraryList } from "#app/components/library-list";
import { countArticles, listArticles } from "#app/models/articles.server";
import { getDb } from "#app/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Library · Parallax" }];

const PAGE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 200) ?? "";
  const page = Math.max(1, Math.min(100_000, Number(url.searchParams.get("page")) || 1));
  const db = getDb();
  const [articles, total] = await Promise.all([
    listArticles(db, { q, limit: PAGE, offset: (page - 1) * PAGE }),
    countArticles(db),
  ]);
  return { articles, total, q, page, more: articles.length === PAGE };
}

export default function Library() {
  const { articles, total, q, page, more } = useLoaderData<typeof loader>();
  return (
    <section className="stack" style={{ maxWidth: "60rem" }}>
      <h1>Library</h1>
      <p className="meta">{total} article(s) in all.</p>
      <Form method="get" role="search" className="field">
        <label htmlFor="lib-q">Search by title or outlet</label>
        <input id="lib-q" name="q" type="search" defaultValue={q} />
      </Form>
      <div className="panel">
        <LibraryList articles={articles} />
      </div>
      <p>
        {page > 1 ? <Link to={`?q=${encodeURIComponent(q)}&page=${page - 1}`}>← Newer</Link> : null}{" "}
        {more ? <Link to={`?q=${encodeURIComponent(q)}&page=${page + 1}`}>Older →</Link> : null}
      </p>
    </section>
  );
}
