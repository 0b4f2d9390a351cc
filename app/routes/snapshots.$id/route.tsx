// A citable snapshot: the comparison's figures as they were when someone chose "Cite this comparison",
// read from the frozen row (never recomputed), with the frozen exports and a suggested citation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useRouteError, type ClientLoaderFunctionArgs } from "@remix-run/react";
import type { DashboardLinks } from "#app/components/charts/types";
import { ChartsSection } from "#app/components/charts/charts-section";
import { SSR_MARK } from "#app/components/charts/deferred";
import { dashboardSummary } from "#app/components/charts/summary";
import type { DashboardData } from "#app/components/charts/types";
import { serverCharts, type ServerCharts } from "#app/components/charts/render.server";
import { fetchIslands, serverOnly, withServerOnly } from "#app/components/island";
import { ErrorPanel } from "#app/components/error-panel";
import { HeadlineStrip } from "#app/components/headline-strip";
import { hrefWith, readView, viewQuery } from "../comparisons.$id/view";
import { loadSnapshot } from "./snapshot.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Snapshot: ${data.snapshot.name} · Parallax` : "Snapshot · Parallax" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const d = await loadSnapshot(params.id, request, context);
  const v = readView(new URL(request.url).searchParams);
  // The frozen charts' renderer goes to the server render only (the charts are a static island, see island.tsx).
  const dash = d.page.dash as DashboardData | null;
  const light = {
    ...d,
    page: { ...d.page, dash: dash ? dashboardSummary(dash) : null },
    view: { by: v.by, claims: v.claims, claimsAll: v.claimsAll },
    query: viewQuery({ ...v, blind: false, layers: ["attr"], cols: null, claimGroup: null }),
  };
  return withServerOnly(light, dash ? serverCharts(dash) : null);
}

/** A client-side visit: the data and the charts' markup together (see island.tsx). */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const url = new URL(request.url);
  const [data, islandHtml] = await Promise.all([
    serverLoader<typeof loader>(),
    fetchIslands(url.pathname + url.search, ["island-charts"]),
  ]);
  return { ...data, islandHtml };
}

export default function SnapshotPage() {
  const d = useLoaderData<typeof loader>();
  const { snapshot, page, link, citation, view, query } = d;
  const dash = page.dash;
  const location = useLocation();
  const q = query as [string, string][];
  const taken = snapshot.createdAt.replace("T", " ").slice(0, 16) + " UTC";
  const exportHref = (file: string) => `/snapshots/${snapshot.id}/export/${file}`;
  const links: DashboardLinks = {
    // The reader is not frozen: a bar leads to the note that says where its spans are.
    focus: () => "#behind-the-numbers",
    view: (changes) => hrefWith(q, changes, "#chart-" + (changes.by !== undefined ? "sourcing-mix" : "claim-matrix")),
    exportFile: exportHref,
  };
  return (
    <div className="stack dashboard snapshot" {...{ [SSR_MARK]: "" }}>
      <header className="dash-header">
        <p className="meta ui">Snapshot{snapshot.blind ? " · blind mode" : ""} · read-only</p>
        <h1>{snapshot.name}</h1>
        {page.comparison.description ? <p className="lede">{page.comparison.description}</p> : null}
        <p className="note snapshot-note" role="note">
          Snapshot of “{snapshot.name}” taken <time dateTime={snapshot.createdAt}>{taken}</time> with analyser{" "}
          {snapshot.analyserVersion}; the live comparison may differ.{" "}
          {snapshot.comparisonId ? (
            <Link to={`/comparisons/${snapshot.comparisonId}${snapshot.blind ? "?blind=1" : ""}`}>
              Open the live comparison
            </Link>
          ) : (
            "The live comparison has since been deleted."
          )}
        </p>
        <nav className="view-toggles ui no-print" aria-label="Downloads">
          <span className="meta">Frozen exports:</span>
          <a href={exportHref("bundle.json")} download>
            JSON bundle
          </a>
          <a href={exportHref("tables.zip")} download>
            all tables (CSV, zip)
          </a>
        </nav>
      </header>
      <section aria-labelledby="cite-h" className="panel">
        <h2 id="cite-h" style={{ marginTop: 0 }}>
          Cite this snapshot
        </h2>
        <p>
          Permanent link:{" "}
          <a href={link} className="permalink">
            {link}
          </a>
        </p>
        <p className="citation">{citation}</p>
      </section>
      <HeadlineStrip headlines={page.headlines} blind={snapshot.blind} />
      {dash ? (
        <>
          <section aria-labelledby="compared-h">
            <h2 id="compared-h">The articles compared</h2>
            <div className="matrix-scroll">
              <table className="compared">
                <thead>
                  <tr>
                    <th scope="col">{snapshot.blind ? "Article" : "Outlet"}</th>
                    <th scope="col">Title</th>
                    <th scope="col">Date</th>
                    <th scope="col">Words</th>
                    <th scope="col">Text hash</th>
                    <th scope="col">In one line</th>
                  </tr>
                </thead>
                <tbody>
                  {dash.articles.map((a) => (
                    <tr key={a.id}>
                      <td>
                        {a.outlet ?? "outlet unknown"}
                        {a.focal ? <span className="badge">focal</span> : null}
                        {a.fictional ? <span className="badge fictional">fictional</span> : null}
                      </td>
                      <td>{a.title}</td>
                      <td>{a.published ?? "—"}</td>
                      <td>{a.wordCount}</td>
                      <td className="meta">
                        {snapshot.members.find((m) => m.articleId === a.id)?.contentHash.slice(0, 12) || "—"}
                      </td>
                      <td className="summary">{a.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="meta">
              Codebook {dash.codebookVersion}; analyser {dash.analyserVersions.join(", ")}.
              {dash.articles.length > dash.charted.length
                ? ` Charts show the first ${dash.charted.length} articles.`
                : ""}
            </p>
          </section>
          {page.prompts.length ? (
            <section aria-labelledby="prompts-h">
              <h2 id="prompts-h">Questions for discussion</h2>
              <ol>
                {page.prompts.map((p) => (
                  <li key={p.id}>{p.text}</li>
                ))}
              </ol>
            </section>
          ) : null}
          <ChartsSection
            server={serverOnly<ServerCharts | null>(d)}
            links={links}
            linksKey={`snapshot|${snapshot.id}|${JSON.stringify(q)}`}
            by={view.by}
            claims={view.claims}
            claimsAll={view.claimsAll}
            fileBase={`parallax-${page.comparison.id}${snapshot.blind ? "-blind" : ""}-snapshot-${snapshot.id}`}
            intro={
              <p className="meta no-print" id="behind-the-numbers">
                A snapshot keeps the figures, not the reader: the spans behind every number (offsets into each article's
                text, named by its hash) are in the frozen JSON bundle.
              </p>
            }
            src={location.pathname + location.search}
            version={location.search}
            html={(d as { islandHtml?: Record<string, string> }).islandHtml?.["island-charts"]}
          />
        </>
      ) : (
        <p className="note">This snapshot holds no figures.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
