import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { loader as rootLoader } from "#app/root";
import { ChartsSection } from "#app/components/charts/charts-section";
import { Deferred, SSR_MARK } from "#app/components/charts/deferred";
import { fetchIslands, Island, serverOnly } from "#app/components/island";
import { ErrorPanel } from "#app/components/error-panel";
import { KindLegend } from "#app/components/sourcing-view";
import { CoverageList } from "#app/components/coverage-list";
import { DiscussionPrompts } from "./prompts-slot";
import { FocusNote } from "./focus-note";
import { MAX_COLUMNS } from "./columns";
import { comparisonAction, loadComparison, pageData, readerInPage, type PageIslands } from "./comparison.server";
import { CorrectionsNotice } from "#app/components/corrections-notice";
import { HeadlineStrip } from "#app/components/headline-strip";
import { chartFill, chartProps, dashboardLinks, exportHref, hrefWith, LAYER_LABELS, type Layer } from "./view";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.comparison.name} · Parallax` : "Comparison · Parallax" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams;
  return pageData(await loadComparison(params, request, context, { texts: readerInPage(sp) }), sp);
}

/** A client-side visit: the page's data and its islands' markup together, so the page is drawn whole at once. */
export async function clientLoader({ request, serverLoader }: ClientLoaderFunctionArgs) {
  const url = new URL(request.url);
  url.searchParams.set("reader", "1");
  const [data, islandHtml] = await Promise.all([
    serverLoader<typeof loader>(),
    fetchIslands(url.pathname + url.search, ["island-charts", "island-reader"]),
  ]);
  return { ...data, islandHtml };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  return comparisonAction(params, request, context);
}

const NOTICES = {
  cited: "The snapshot was taken.",
  added: "The article was added to this comparison.",
  duplicate: "That article was already in the library; the existing copy was added here.",
  removed: "The article was removed from this comparison (it stays in the library).",
  renamed: "The comparison was renamed.",
};

export default function ComparisonPage() {
  const d = useLoaderData<typeof loader>();
  const {
    comparison,
    view,
    query,
    members,
    dash,
    columns,
    focus,
    candidates,
    library,
    lq,
    notice,
    headlines,
    coverage,
    shared,
  } = d;
  // The charts and the texts: rendered on the server into islands, never sent as data (see island.tsx).
  const islands = serverOnly<PageIslands>(d);
  const islandHtml = (d as { islandHtml?: Record<string, string> }).islandHtml;
  const location = useLocation();
  const alone = members.length === 1;
  // Layers toggle in the browser at once (every layer is in the page, hidden by class); without JavaScript
  // the form's "Show" button asks the server, which marks the same classes.
  const serverLayers = (view.layers as Layer[]).join(",");
  const [layers, setLayers] = useState<Layer[]>(view.layers as Layer[]);
  useEffect(() => setLayers(serverLayers ? (serverLayers.split(",") as Layer[]) : []), [serverLayers]);
  function toggleLayer(l: Layer, on: boolean) {
    const next = (Object.keys(LAYER_LABELS) as Layer[]).filter((x) => (x === l ? on : layers.includes(x)));
    setLayers(next);
    const sp = new URLSearchParams(window.location.search);
    sp.delete("layer");
    sp.set("layers", "1");
    for (const x of next) sp.append("layer", x);
    window.history.replaceState(window.history.state, "", `?${sp.toString()}${window.location.hash}`);
  }
  // Align every column on the chosen number or claim group: each column's text scrolls to its first member.
  const alignKey = `${focus?.token ?? ""}|${view.claimGroup ?? ""}`;
  const align = useCallback(() => {
    if (alignKey === "|" || window.matchMedia("(max-width: 700px)").matches) return;
    for (const el of document.querySelectorAll<HTMLElement>(".reader-section .column .article-text")) {
      const m = el.querySelector<HTMLElement>("mark.hl-target") ?? el.querySelector<HTMLElement>("mark.hl-claim");
      if (!m) continue;
      // Room below the last member, so that every column can bring its member to the same height.
      el.classList.add("aligned");
      el.scrollTop += m.getBoundingClientRect().top - el.getBoundingClientRect().top - 40;
    }
  }, [alignKey]);
  useEffect(align, [align]);
  // Where the islands come from after a client-side navigation: this view's page, with its texts.
  const parts = new URLSearchParams(location.search);
  parts.set("reader", "1");
  const partsSrc = `${location.pathname}?${parts.toString()}`;
  const partsVersion = `${location.search}|${members.map((m) => `${m.id}${m.focal ? "f" : ""}`).join(",")}`;
  const actionData = useActionData<typeof action>();
  const q = query as [string, string][];
  const colIds = columns.map((c) => c.id);
  const charts = chartProps(comparison.id, view, q);
  // The charts are drawn once for every layer and claim group; the view's own are filled into their links.
  const fill = chartFill(q);
  const server = islands?.charts;
  const drawCharts = server
    ? { ...server, render: (p: Parameters<typeof server.render>[0]) => fill(server.render(p)) }
    : server;
  const links = dashboardLinks(comparison.id, q, view.blind);
  const focal = dash?.articles.find((a) => a.focal);
  // Large text is the root's (a cookie keeps it across pages); the query flag still works on its own.
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const large = root?.large ?? view.large;
  const blindHidden = view.blind ? <input type="hidden" name="blind" value="1" /> : null;

  return (
    <div
      className={`stack dashboard${view.print ? " print-view" : ""}${d.printTexts ? " with-texts" : ""}${large ? " large" : ""}`}
      {...{ [SSR_MARK]: "" }}
    >
      {view.print ? (
        <p className="print-bar ui">
          Handout layout (A4 or Letter): print it or save it as PDF from the browser.{" "}
          {d.printTexts ? (
            <a href={hrefWith(q, { print: "1" })}>Without the texts</a>
          ) : (
            <a href={hrefWith(q, { print: "1", texts: "1" })}>Include the texts, with highlights</a>
          )}{" "}
          · <a href={hrefWith(q, {})}>Back to the dashboard</a>
        </p>
      ) : null}
      <header className="dash-header">
        <p className="meta ui">
          Comparison{view.blind ? " · blind mode" : ""}
          {shared ? " · shared read-only" : ""}
        </p>
        <h1>{comparison.name}</h1>
        {comparison.description ? <p className="lede">{comparison.description}</p> : null}
        <nav className="view-toggles ui no-print" aria-label="View">
          {shared ? null : view.blind ? (
            <a href={hrefWith(q, { blind: null })}>Reveal outlets</a>
          ) : (
            <a href={hrefWith(q, { blind: "1" })}>Blind mode</a>
          )}
          {shared ? null : <Link to={`/comparisons/${comparison.id}/share`}>Share with a class</Link>}
          {shared || !dash || root?.user?.role === "viewer" ? null : (
            <Form method="post" className="inline">
              {blindHidden}
              <button
                className="link"
                name="intent"
                value="cite"
                title="Freeze these figures and the analyser version under a permanent link"
              >
                Cite this comparison
              </button>
            </Form>
          )}
          {large ? (
            <a href={hrefWith(q, { large: "0" })}>Normal text</a>
          ) : (
            <a href={hrefWith(q, { large: "1" })}>Large text (projector)</a>
          )}
          <a href={hrefWith(q, { print: "1" })}>Print view</a>
          {!view.blind && !shared && coverage.total ? (
            <a href="#coverage-h">
              Coverage list ({coverage.total} known, {coverage.imported} imported)
            </a>
          ) : null}
          <span className="meta">Whole comparison:</span>
          <a href={exportHref(comparison.id, "bundle.json", view.blind)} download>
            JSON bundle
          </a>
          <a href={exportHref(comparison.id, "tables.zip", view.blind)} download>
            all tables (CSV, zip)
          </a>
        </nav>
      </header>
      <HeadlineStrip headlines={headlines} blind={view.blind} />
      {dash ? (
        <nav className="skip-links ui no-print" aria-label="Skip to">
          Skip to: <a href="#reader">the side-by-side reader</a> · <a href="#chart-claim-matrix">the claim matrix</a> ·{" "}
          <a href="#charts-h">the charts</a>
        </nav>
      ) : null}
      {members.length === 0 ? (
        <div className="note first-step" role="note">
          <strong>This comparison has no articles yet.</strong>{" "}
          {shared ? null : (
            <>
              Next: <Link to={`/articles/new?comparison=${comparison.id}`}>paste or upload an article</Link>, or{" "}
              <a href={hrefWith(q, { lq: "" }, "#add-article")}>pick one from the library</a>.
            </>
          )}
        </div>
      ) : alone ? (
        <div className="note first-step" role="note">
          <strong>One article so far, so there is nothing to compare yet:</strong> the charts below describe this
          article alone.{" "}
          {shared ? null : (
            <>
              Next, add other coverage of the same events:{" "}
              {coverage.total && !view.blind ? (
                <>
                  <a href="#coverage-h">import from its coverage list</a> ({coverage.total} known, {coverage.imported}{" "}
                  imported),{" "}
                </>
              ) : null}
              <Link to={`/articles/new?comparison=${comparison.id}`}>paste or upload an article</Link>, or{" "}
              <a href={hrefWith(q, { lq: "" }, "#add-article")}>pick one from the library</a>.
            </>
          )}
        </div>
      ) : null}
      {alone && !view.blind && !shared ? <CoverageList candidates={candidates} comparisonId={comparison.id} /> : null}
      {notice ? (
        <div className="notice" role="status">
          {notice === "cited" && d.snapshotId ? (
            <>
              Snapshot taken. Its permanent link keeps these figures whatever is re-analysed later:{" "}
              <Link to={`/snapshots/${d.snapshotId}`} className="snapshot-link">
                /snapshots/{d.snapshotId}
              </Link>
            </>
          ) : (
            NOTICES[notice as keyof typeof NOTICES]
          )}
        </div>
      ) : null}
      <CorrectionsNotice {...d.corrections} />
      {actionData && "error" in actionData ? (
        <div className="form-error" role="alert">
          {actionData.error}
        </div>
      ) : null}

      {dash ? (
        <section aria-labelledby="compared-h">
          <h2 id="compared-h">The articles compared</h2>
          <div className="matrix-scroll">
            <table className="compared">
              <thead>
                <tr>
                  <th scope="col">{view.blind ? "Article" : "Outlet"}</th>
                  <th scope="col">Title</th>
                  <th scope="col">Date</th>
                  <th scope="col">Country</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Words</th>
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
                    <td>{view.blind ? a.title : <Link to={`/articles/${a.id}`}>{a.title}</Link>}</td>
                    <td>{a.published ?? "—"}</td>
                    <td>{a.country ?? "—"}</td>
                    <td>{a.kind ?? "—"}</td>
                    <td>{a.wordCount}</td>
                    <td className="summary">{a.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {focal ? (
            <p className="meta">
              Focal article: {focal.short} · “{focal.title}”. Codebook {dash.codebookVersion}; analyser{" "}
              {dash.analyserVersions.join(", ")}.
              {dash.articles.length > dash.charted.length
                ? ` Charts show the first ${dash.charted.length} articles.`
                : ""}
            </p>
          ) : null}
        </section>
      ) : members.length ? (
        <p className="note">The articles of this comparison are still being analysed; reload in a moment.</p>
      ) : null}

      <DiscussionPrompts prompts={d.prompts} href={links.focus} />

      {dash ? (
        <ChartsSection
          server={drawCharts}
          {...charts}
          intro={
            <p className="meta no-print">
              Every bar, dot and cell is a link: it opens the reader below with the words behind that number
              highlighted.
            </p>
          }
          src={partsSrc}
          version={partsVersion}
          html={islandHtml?.["island-charts"]}
        />
      ) : null}

      <section
        aria-labelledby="reader-h"
        className={`reader-section${layers.map((l) => ` show-${l}`).join("")}`}
        id="reader"
        tabIndex={-1}
      >
        <h2 id="reader-h">Side by side</h2>
        {focus ? <FocusNote focus={focus} query={q} /> : null}
        <Form method="get" className="layer-form no-print" action="#reader">
          {q
            .filter(([k]) => k !== "layer" && k !== "layers" && k !== "cg")
            .map(([k, v], i) => (
              <input key={i} type="hidden" name={k} value={v} />
            ))}
          <input type="hidden" name="layers" value="1" />
          <fieldset>
            <legend>Highlight layers</legend>
            {(Object.keys(LAYER_LABELS) as Layer[]).map((l) => (
              <label key={l} className="check">
                <input
                  type="checkbox"
                  name="layer"
                  value={l}
                  checked={layers.includes(l)}
                  onChange={(e) => toggleLayer(l, e.currentTarget.checked)}
                />{" "}
                {LAYER_LABELS[l]}
              </label>
            ))}
            <label className="check">
              <span className="sr-only">Claim group</span>
              <select name="cg" defaultValue={view.claimGroup ?? ""} aria-label="Claim group to highlight">
                <option value="">(choose a claim group)</option>
                {d.claimGroupOptions.map((g) => (
                  <option key={g.id} value={g.id}>
                    {`${g.id}: ${g.label}`}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary small">
              Show
            </button>
          </fieldset>
        </Form>
        <ReaderLegend layers={layers} />
        {columns.length ? (
          <Island
            id="island-reader"
            html={islands?.readerHtml ?? islandHtml?.["island-reader"]}
            src={view.print && !d.printTexts ? null : partsSrc}
            version={partsVersion}
            label="Laying out the texts…"
            onShow={align}
            fallback={
              d.readerDeferred ? (
                <p className="meta reader-later">
                  <a href={hrefWith(q, { reader: "1" }, "#reader")}>Show the texts side by side</a>, with their
                  highlights.
                </p>
              ) : undefined
            }
          />
        ) : null}
      </section>

      {shared ? null : (
        <section className="panel no-print" aria-label="Articles in this comparison">
          <h2 style={{ marginTop: 0 }}>Articles ({members.length})</h2>
          <ul className="card-list">
            {members.map((m) => {
              const shown = colIds.includes(m.id);
              const toggled = shown ? colIds.filter((x) => x !== m.id) : [...colIds, m.id].slice(-MAX_COLUMNS);
              return (
                <li key={m.id}>
                  {view.blind ? m.title : <Link to={`/articles/${m.id}`}>{m.title}</Link>}{" "}
                  {m.focal ? <span className="badge">focal</span> : null}
                  <div>
                    <span className="meta">
                      {m.byline}
                      {m.fictional ? <span className="badge fictional">fictional</span> : null}
                    </span>
                  </div>
                  <div className="ui member-actions">
                    {toggled.length > 0 ? (
                      <Link to={hrefWith(q, { cols: toggled.join(",") }, "#reader")} preventScrollReset>
                        {shown ? "Hide column" : "Show in a column"}
                      </Link>
                    ) : null}
                    {!m.focal ? (
                      <Form method="post" className="inline">
                        <input type="hidden" name="articleId" value={m.id} />
                        {blindHidden}
                        <button className="link" name="intent" value="focal">
                          Make focal
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post" className="inline">
                      <input type="hidden" name="articleId" value={m.id} />
                      {blindHidden}
                      <button
                        className="link"
                        name="intent"
                        value="remove"
                        aria-label={`Remove “${m.title}” from this comparison`}
                      >
                        Remove
                      </button>
                    </Form>
                  </div>
                </li>
              );
            })}
          </ul>
          <details open={d.librarySearched || undefined}>
            <summary>Add an article</summary>
            <div className="stack" style={{ marginTop: "0.6rem" }}>
              <p>
                <Link to={`/articles/new?comparison=${comparison.id}`}>Paste or upload a new article</Link>
                {view.blind ? "." : ", or pick one from the library:"}
              </p>
              {view.blind ? null : (
                <>
                  <Form method="get" role="search" className="field-row" action="#add-article">
                    {q.map(([k, v], i) => (
                      <input key={i} type="hidden" name={k} value={v} />
                    ))}
                    <label htmlFor="lq">Search the library</label>
                    <input id="lq" name="lq" type="search" defaultValue={lq} aria-describedby="lq-hint" />
                    <button type="submit" className="secondary small">
                      {d.librarySearched ? "Search" : "List"}
                    </button>
                  </Form>
                  <p className="meta" id="lq-hint">
                    Words from a title or an outlet; leave it empty to list the latest articles.
                  </p>
                  {!d.librarySearched ? null : library.length ? (
                    <Form method="post" className="field-row" id="add-article">
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
                    <p className="meta" id="add-article">
                      No other articles in the library match.
                    </p>
                  )}
                </>
              )}
            </div>
          </details>
          <details>
            <summary>Rename or delete this comparison</summary>
            <div className="stack" style={{ marginTop: "0.6rem" }}>
              <Form method="post" className="stack">
                {blindHidden}
                <div className="field">
                  <label htmlFor="rename-name">Name</label>
                  <input
                    id="rename-name"
                    name="name"
                    type="text"
                    required
                    maxLength={200}
                    defaultValue={comparison.name}
                  />
                </div>
                <div className="field">
                  <label htmlFor="rename-description">Description (optional)</label>
                  <input
                    id="rename-description"
                    name="description"
                    type="text"
                    maxLength={2000}
                    defaultValue={comparison.description ?? ""}
                  />
                </div>
                <button name="intent" value="rename" className="secondary">
                  Rename
                </button>
              </Form>
              <Form method="post" className="panel danger-zone">
                <p>
                  Deleting removes this comparison, its coverage list and its share links. Its {members.length} article
                  {members.length === 1 ? "" : "s"} stay
                  {members.length === 1 ? "s" : ""} in the library.
                </p>
                <label className="check">
                  <input type="checkbox" name="confirm" value="yes" required /> Yes, delete “{comparison.name}”
                </label>
                <button name="intent" value="delete" className="danger">
                  Delete the comparison
                </button>
              </Form>
            </div>
          </details>
        </section>
      )}

      {shared ? null : view.blind ? (
        <p className="panel reveal no-print">
          Blind mode hides outlets, authors and links (and the coverage list, which names outlets).{" "}
          <a href={hrefWith(q, { blind: null })} className="button">
            Reveal the outlets
          </a>
        </p>
      ) : alone ? null : (
        <Deferred label="Listing the coverage…">
          <CoverageList candidates={candidates} comparisonId={comparison.id} />
        </Deferred>
      )}
    </div>
  );
}

function ReaderLegend({ layers }: { layers: Layer[] }) {
  return (
    <div className="reader-legend">
      {layers.includes("attr") ? <KindLegend /> : null}
      <div className="legend">
        {layers.includes("attr") ? (
          <>
            <span>
              <mark className="hl hl-source kind-official">source</mark> underlined
            </span>
            <span>
              <mark className="hl hl-cue">reporting word</mark> dotted
            </span>
          </>
        ) : null}
        {layers.includes("hedge") ? (
          <>
            <span>
              <mark className="hl hl-hedge">hedge</mark>
            </span>
            <span>
              <mark className="hl hl-booster">booster</mark>
            </span>
          </>
        ) : null}
        {layers.includes("scare") ? (
          <span>
            <mark className="hl hl-scare_quote">scare quote</mark>
          </span>
        ) : null}
        {layers.includes("loaded") ? (
          <span>
            <mark className="hl hl-loaded">loaded term</mark>
          </span>
        ) : null}
        {layers.includes("claims") ? (
          <span>
            <mark className="hl hl-claim">claim of the chosen group</mark>
          </span>
        ) : null}
        <span>
          <mark className="hl hl-target">behind the number you chose</mark>
        </span>
      </div>
      <p className="meta">Hover over or tab to a highlighted passage to see why it is marked.</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
