import { Form } from "@remix-run/react";
import type { CoverageCandidate } from "#db/schema";

const STATUS_LABEL: Record<string, string> = {
  pending: "not yet imported",
  imported: "imported",
  failed: "import failed",
  duplicate: "already in library",
};

/** The known coverage of the same events: facts only (outlet, date, title, link), each with its import status. */
export function CoverageList({ candidates, comparisonId }: { candidates: CoverageCandidate[]; comparisonId?: number }) {
  if (candidates.length === 0) return null;
  const pending = candidates.filter((c) => c.status === "pending").length;
  return (
    <section className="panel" aria-labelledby="coverage-h">
      <h2 id="coverage-h" style={{ marginTop: 0 }}>
        Coverage to import ({candidates.length})
      </h2>
      <p className="meta">
        Other reports on the same events, listed with their outlet, date and title; {pending} not yet imported. Titles
        in parentheses describe an item whose original title was not captured. Importing fetches each page and adds its
        article text to this comparison.
      </p>
      {comparisonId && candidates.some((c) => c.status === "pending" || c.status === "failed") ? (
        <Form method="post" action={`/comparisons/${comparisonId}/coverage`} className="no-print">
          <button name="intent" value="all">
            Import all not yet imported
          </button>
        </Form>
      ) : null}
      <table className="coverage-table">
        <thead>
          <tr>
            <th>Date</th>
            <th>Outlet</th>
            <th>Title</th>
            <th>Event</th>
            <th>Status</th>
            {comparisonId ? <th className="no-print" /> : null}
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id} data-candidate-id={c.id}>
              <td style={{ whiteSpace: "nowrap" }}>{c.date}</td>
              <td>
                {c.outlet}
                {c.country ? <div className="meta">{[c.country, c.kind].filter(Boolean).join(" · ")}</div> : null}
              </td>
              <td>
                <a href={c.url} rel="noreferrer noopener nofollow" target="_blank">
                  {c.title || c.url}
                </a>
                {c.language && c.language !== "en" ? <span className="badge">{c.language}</span> : null}
              </td>
              <td className="meta">{c.event}</td>
              <td>
                <span className={`badge ${c.status}`} title={c.error ?? undefined}>
                  {STATUS_LABEL[c.status] ?? c.status}
                </span>
                {c.status === "failed" && c.error ? <div className="meta">{c.error}</div> : null}
              </td>
              {comparisonId ? (
                <td className="no-print">
                  {c.status === "pending" || c.status === "failed" ? (
                    <Form method="post" action={`/comparisons/${comparisonId}/coverage`}>
                      <input type="hidden" name="candidateId" value={c.id} />
                      <button className="secondary" name="intent" value="one" aria-label={`Import ${c.title || c.url}`}>
                        Import
                      </button>
                    </Form>
                  ) : c.articleId ? (
                    <a href={`/articles/${c.articleId}`}>open</a>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
