import { GroupedBars, SourcingChart } from "./bar-charts";
import { ChartFrame } from "./chart-frame";
import { ClaimMatrix, StanceLegend } from "./claim-matrix";
import { NamingMatrix } from "./naming-matrix";
import { articleColour, codebookDefinition, codebookLabel, KIND_COLOURS } from "./palette";
import { TimelineChart } from "./timeline-chart";
import type { CategoryRow, Cell, ChartArticle, DashboardData, DashboardLinks } from "./types";
import codebook from "#app/analysis/codebook.json";

export type { DashboardLinks };

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function CellLink({ c, href, label }: { c: Cell | undefined; href: (t: string) => string; label: string }) {
  if (!c) return <>0</>;
  return c.f ? (
    <a href={href(c.f)} aria-label={label}>
      {fmt(c.v)}
    </a>
  ) : (
    <>{fmt(c.v)}</>
  );
}

function CategoryTable({
  rows,
  articles,
  href,
  unit,
  head,
}: {
  rows: CategoryRow[];
  articles: ChartArticle[];
  href: (t: string) => string;
  unit: string;
  head: string;
}) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {articles.map((a) => (
            <th scope="col" key={a.id}>
              {a.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.label}</th>
            {articles.map((a) => (
              <td key={a.id}>
                <CellLink
                  c={r.cells[a.id]}
                  href={href}
                  label={`${a.short}, ${r.label}: ${fmt(r.cells[a.id]?.v ?? 0)} ${unit}`}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the dashboard's charts draw, and how (the measure, the claim filter, the rows, the file names). */
export interface DashboardChartsProps {
  dash: DashboardData;
  links: DashboardLinks;
  by: "count" | "words";
  claims: "all" | "lacks" | "only";
  claimsAll: boolean;
  maxClaims?: number;
  fileBase: string;
}

/** The eight charts of the dashboard, each linked down to its spans and out to its data. */
export function DashboardCharts({
  dash,
  links,
  by,
  claims,
  claimsAll,
  maxClaims = 40,
  fileBase,
}: DashboardChartsProps) {
  const articles = dash.articles.filter((a) => dash.charted.includes(a.id));
  const href = links.focus;
  const note = `Articles: ${articles.map((a) => `${a.short}${a.focal ? " (focal)" : ""}: “${a.title}”${a.published ? `, ${a.published}` : ""}`).join("; ")}. Parallax, analyser ${dash.analyserVersions.join(", ")}.`;
  const articleLegend = articles.map((a, i) => ({
    label: `${a.short}${a.focal ? " (focal)" : ""}`,
    colour: articleColour(i),
  }));
  const common = { codebookVersion: dash.codebookVersion, fileBase };
  const exp = (id: string) => ({ csvHref: links.exportFile(`${id}.csv`), jsonHref: links.exportFile(`${id}.json`) });
  const kinds = codebook.sourceKinds
    .map((k) => k.id)
    .filter((k) => dash.sourcing.some((r) => (r.count[k]?.v ?? 0) > 0));
  const sourcingUnit = by === "words" ? "words quoted" : "attributions";
  const claimRows = dash.claims.filter((r) =>
    claims === "lacks" ? r.focalLacks : claims === "only" ? r.onlyFocal : true,
  );
  const shownClaims = claimsAll ? claimRows : claimRows.slice(0, maxClaims);

  return (
    <div className="charts" data-export-note={note}>
      <ChartFrame
        id="sourcing-mix"
        title={`Sourcing mix: ${sourcingUnit} by source kind`}
        guide="Each row is one article; each segment is the share of its attributions (or quoted words) that come from one kind of source."
        units={sourcingUnit}
        legend={kinds.map((k) => ({
          label: codebookLabel("sourceKinds", k),
          colour: KIND_COLOURS[k] ?? "#888",
          title: codebookDefinition("sourceKinds", k),
          className: `kind-${k}`,
        }))}
        controls={
          <span className="toggle" role="group" aria-label="Measure">
            <a href={links.view({ by: null })} aria-current={by === "count" ? "true" : undefined}>
              by count
            </a>
            <a href={links.view({ by: "words" })} aria-current={by === "words" ? "true" : undefined}>
              by words quoted
            </a>
          </span>
        }
        {...common}
        {...exp("sourcing-mix")}
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Source kind</th>
                {articles.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {codebook.sourceKinds.map((k) => (
                <tr key={k.id}>
                  <th scope="row" className={`kind-${k.id}`}>
                    <span className="swatch" />
                    {k.label}
                  </th>
                  {dash.sourcing.map((r) => {
                    const a = articles.find((x) => x.id === r.articleId)!;
                    return (
                      <td key={r.articleId}>
                        <CellLink
                          c={r.count[k.id]}
                          href={href}
                          label={`${a.short}, ${k.label}: ${r.count[k.id]?.v ?? 0} attributions`}
                        />{" "}
                        attr. ·{" "}
                        <CellLink
                          c={r.words[k.id]}
                          href={href}
                          label={`${a.short}, ${k.label}: ${r.words[k.id]?.v ?? 0} words quoted`}
                        />{" "}
                        words
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <SourcingChart rows={dash.sourcing} articles={articles} by={by} href={href} kinds={kinds} />
      </ChartFrame>

      <ChartFrame
        id="voices"
        title="Whose voice: words quoted by the sources' affiliation"
        guide="For each affiliation the sources are given (a country, group or body), how many words each article quotes from its sources."
        units="words quoted"
        legend={articleLegend}
        {...common}
        {...exp("voices")}
        table={
          <>
            <CategoryTable rows={dash.voices} articles={articles} href={href} unit="words quoted" head="Affiliation" />
            <h4>Each source</h4>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Source</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Affiliation</th>
                  <th scope="col">Attributions</th>
                  <th scope="col">Words quoted</th>
                </tr>
              </thead>
              <tbody>
                {dash.sources.map((s, i) => {
                  const a = articles.find((x) => x.id === s.articleId);
                  return (
                    <tr key={i}>
                      <td>{a?.short}</td>
                      <td>
                        {s.name}
                        {!s.named ? <span className="badge">unnamed</span> : null}
                      </td>
                      <td className={`kind-${s.kind}`}>
                        <span className="swatch" />
                        {codebookLabel("sourceKinds", s.kind)}
                      </td>
                      <td>{s.affiliation ?? "—"}</td>
                      <td>
                        <CellLink
                          c={s.attributions}
                          href={href}
                          label={`${a?.short}, ${s.name}: ${s.attributions.v} attributions`}
                        />
                      </td>
                      <td>
                        <CellLink c={s.words} href={href} label={`${a?.short}, ${s.name}: ${s.words.v} words quoted`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        }
      >
        {dash.voices.length ? (
          <GroupedBars id="voices" rows={dash.voices} articles={articles} href={href} unit="words quoted" />
        ) : (
          <p className="meta">No article quotes any words from a source.</p>
        )}
      </ChartFrame>

      <ChartFrame
        id="cue-stances"
        title="How sources are introduced: reporting words by stance"
        guide="Counts the reporting words (said, claimed, revealed, denied, accused …) each article uses to introduce what its sources say, by the stance the word carries."
        units="attributions"
        legend={articleLegend}
        {...common}
        {...exp("cue-stances")}
        table={
          <CategoryTable
            rows={dash.cues}
            articles={articles}
            href={href}
            unit="attributions"
            head="Reporting word stance"
          />
        }
      >
        <GroupedBars
          id="cue-stances"
          rows={dash.cues}
          articles={articles}
          href={href}
          unit="attributions"
          labelWidth={110}
        />
      </ChartFrame>

      <ChartFrame
        id="distance-tone"
        title="Distance and tone: hedges, boosters, scare quotes and loaded terms"
        guide="How often each article, in its own voice, softens (hedges), strengthens (boosters), sets words apart in quotation marks (scare quotes) or uses evaluative words (loaded terms), per 1,000 of its own words so that long and short articles compare. The words it quotes are counted apart (table: quoted speech)."
        units="markers per 1,000 words in the writer's voice"
        legend={articleLegend}
        {...common}
        {...exp("distance-tone")}
        table={
          <>
            <CategoryTable
              rows={dash.tone}
              articles={articles}
              href={href}
              unit="per 1,000 words"
              head="Per 1,000 words"
            />
            <CategoryTable rows={dash.toneCounts} articles={articles} href={href} unit="markers" head="Count" />
            <CategoryTable
              rows={dash.toneQuoted ?? []}
              articles={articles}
              href={href}
              unit="per 1,000 quoted words"
              head="Quoted speech, per 1,000 quoted words"
            />
          </>
        }
      >
        <GroupedBars
          id="distance-tone"
          rows={dash.tone}
          articles={articles}
          href={href}
          unit="per 1,000 words"
          labelWidth={110}
          decimals
        />
      </ChartFrame>

      <ChartFrame
        id="frames"
        title="Frame profile: the 15 frame dimensions"
        guide="The share of each article's frame-lexicon words that belong to each dimension (Policy Frames Codebook); a longer bar means more of its framing vocabulary falls there."
        units="% of the article's frame words"
        legend={articleLegend}
        {...common}
        {...exp("frames")}
        table={
          <CategoryTable
            rows={dash.frames}
            articles={articles}
            href={href}
            unit="% of frame words"
            head="Frame dimension"
          />
        }
      >
        <GroupedBars
          id="frames"
          rows={dash.frames}
          articles={articles}
          href={href}
          unit="% of frame words"
          labelWidth={200}
          decimals
        />
      </ChartFrame>

      <ChartFrame
        id="timeline"
        title="Coverage timeline"
        guide="When the compared articles (squares) and the other known coverage of the same events (dots; filled once imported) were published. A date known only to the year or the month is drawn as a band across that period, its mark in the middle."
        units="publication date"
        legend={[
          { label: "Compared article", colour: "#1d2430" },
          { label: "Coverage, imported", colour: "#98a5ba" },
          { label: "Coverage, not imported", colour: "#ffffff" },
        ]}
        {...common}
        {...exp("timeline")}
        table={
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">What</th>
                <th scope="col">Precision</th>
              </tr>
            </thead>
            <tbody>
              {dash.timeline.map((p) => (
                <tr key={`${p.group}-${p.id}`} id={p.group === "candidate" ? `tl-cand-${p.id}` : undefined}>
                  <td>{p.date}</td>
                  <td>
                    {p.group === "article" ? (
                      <a href={href(`art:${p.id}`)}>{p.label}</a>
                    ) : (
                      `Coverage${p.label ? `: ${p.label}` : ""} (${p.status})`
                    )}
                  </td>
                  <td>{p.precision}</td>
                </tr>
              ))}
              {dash.undatedCandidates ? (
                <tr>
                  <td colSpan={3} className="meta">
                    {dash.undatedCandidates} coverage item{dash.undatedCandidates === 1 ? "" : "s"} without a date (not
                    shown).
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        }
      >
        <TimelineChart
          points={dash.timeline}
          articleHref={(id) => href(`art:${id}`)}
          candidateHref={(id) => `#tl-cand-${id}`}
        />
      </ChartFrame>

      <ChartFrame
        id="claim-matrix"
        wide
        image={false}
        title="The claim matrix: which article carries which claim, and how"
        guide="Each row is one claim as the articles word it (grouped by shared terms); each cell shows whether an article states it as fact, attributes it (to whom), hedges it, reports it denied, or does not carry it."
        units="claims (one cell per article and claim group)"
        legend={[]}
        controls={
          <span className="toggle" role="group" aria-label="Filter claims">
            <a href={links.view({ claims: null })} aria-current={claims === "all" ? "true" : undefined}>
              all claims ({dash.claimTotals.all})
            </a>
            <a href={links.view({ claims: "lacks" })} aria-current={claims === "lacks" ? "true" : undefined}>
              claims the focal article lacks ({dash.claimTotals.focalLacks})
            </a>
            <a href={links.view({ claims: "only" })} aria-current={claims === "only" ? "true" : undefined}>
              claims only the focal article makes ({dash.claimTotals.onlyFocal})
            </a>
          </span>
        }
        {...common}
        {...exp("claim-matrix")}
        table={<p className="meta">The matrix above is the table; the CSV and JSON list every cell with its spans.</p>}
      >
        <StanceLegend />
        <ClaimMatrix rows={shownClaims} articles={articles} href={href} />
        {shownClaims.length < claimRows.length ? (
          <p className="meta">
            {shownClaims.length} of {claimRows.length} claim groups shown (shared claims first).{" "}
            <a href={links.view({ claimsAll: "1" })}>Show all</a>
          </p>
        ) : null}
      </ChartFrame>

      <ChartFrame
        id="naming-matrix"
        wide
        image={false}
        title="The naming matrix: how each article names the actors"
        guide="For each actor named in more than one article (or twice in one), how often each article mentions it and the words it uses to describe it, with the label class of each."
        units="mentions; descriptors with their count"
        legend={[]}
        {...common}
        {...exp("naming-matrix")}
        table={
          <p className="meta">The matrix above is the table; the CSV and JSON list every descriptor with its spans.</p>
        }
      >
        <NamingMatrix rows={dash.naming} articles={articles} href={href} />
      </ChartFrame>
    </div>
  );
}
