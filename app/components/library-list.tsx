import { Link } from "@remix-run/react";
import type { ArticleListItem } from "#app/models/articles.server";

export function ArticleByline({
  a,
}: {
  a: Pick<ArticleListItem, "outletName" | "published" | "author" | "fictional">;
}) {
  return (
    <span className="meta">
      {[a.outletName ?? "outlet unknown", a.published, a.author].filter(Boolean).join(" · ")}
      {a.fictional ? <span className="badge fictional">fictional</span> : null}
    </span>
  );
}

export function LibraryList({ articles }: { articles: ArticleListItem[] }) {
  if (articles.length === 0) return <p className="meta">No articles match.</p>;
  return (
    <ul className="card-list">
      {articles.map((a) => (
        <li key={a.id}>
          <Link to={`/articles/${a.id}`}>{a.title}</Link>
          <div>
            <ArticleByline a={a} />
          </div>
        </li>
      ))}
    </ul>
  );
}
