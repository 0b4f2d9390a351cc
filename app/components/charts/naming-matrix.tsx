import { codebookDefinition, codebookLabel } from "./palette";
import type { ChartArticle, NamingRow } from "./types";

/** One scale for every column: bars in rem (not a share of each column's own width, which differs). */
const BAR_REM = 6;
export function barWidth(v: number, max: number): string {
  return `${Math.max(0.2, (v / Math.max(1, max)) * BAR_REM).toFixed(2)}rem`;
}

/** Actors (rows) × articles: how often each article names the actor (small bar) and the descriptors it uses. */
export function NamingMatrix({
  rows,
  articles,
  href,
}: {
  rows: NamingRow[];
  articles: ChartArticle[];
  href: (token: string) => string;
}) {
  if (!rows.length) return <p className="meta">No actor is named often enough to compare.</p>;
  const max = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.mentions.v)));
  return (
    <div className="matrix-scroll">
      <table className="matrix naming-matrix">
        <thead>
          <tr>
            <th scope="col">Actor</th>
            {articles.map((a) => (
              <th scope="col" key={a.id}>
                {a.short}
                {a.focal ? <span className="badge">focal</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.name}
                <div className="meta">{r.kind}</div>
              </th>
              {articles.map((a) => {
                const c = r.cells.find((x) => x.articleId === a.id);
                if (!c || (!c.mentions.v && !c.descriptors.length))
                  return (
                    <td key={a.id} className="meta" aria-label={`${a.short}: ${r.name} not mentioned`}>
                      0×
                    </td>
                  );
                return (
                  <td key={a.id}>
                    {c.mentions.f ? (
                      <a
                        href={href(c.mentions.f)}
                        className="mini-bar-link"
                        aria-label={`${a.short}: ${r.name} mentioned ${c.mentions.v} times`}
                      >
                        <span className="mini-bar" style={{ width: barWidth(c.mentions.v, max) }} />
                        <span className="mini-bar-value">{c.mentions.v}×</span>
                      </a>
                    ) : (
                      <span className="mini-bar-value">{c.mentions.v}×</span>
                    )}
                    {c.descriptors.length ? (
                      <ul className="descriptors">
                        {c.descriptors.map((d) => (
                          <li key={d.f}>
                            <a
                              href={href(d.f)}
                              title={`${codebookLabel("labelClasses", d.labelClass)}: ${codebookDefinition("labelClasses", d.labelClass)}`}
                              aria-label={`${a.short} calls ${r.name} “${d.text}” (${codebookLabel("labelClasses", d.labelClass)}), ${d.count} times`}
                            >
                              “{d.text}”
                            </a>
                            <span className={`label-class lc-${d.labelClass}`}>
                              {" "}
                              {codebookLabel("labelClasses", d.labelClass).toLowerCase()}
                            </span>
                            {d.count > 1 ? <span className="meta"> ×{d.count}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
