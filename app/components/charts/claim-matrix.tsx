import { codebookDefinition, codebookLabel } from "./palette";
import type { ChartArticle, ClaimMatrixRow } from "./types";

/** A glyph per stance so the matrix reads without colour (and in greyscale print). */
export const STANCE_GLYPHS: Record<string, string> = {
  asserted: "■",
  attributed: "◆",
  unnamed: "◇",
  hedged: "≈",
  denied: "✕",
  absent: "·",
};
export const STANCE_IDS = ["asserted", "attributed", "unnamed", "hedged", "denied"];

export function StanceLegend() {
  return (
    <ul className="chart-legend stance-legend" aria-label="Claim stances">
      {STANCE_IDS.map((s) => (
        <li key={s} title={codebookDefinition("claimStances", s)}>
          <span className={`stance stance-${s}`} aria-hidden="true">
            {STANCE_GLYPHS[s]}
          </span>{" "}
          {codebookLabel("claimStances", s)}
        </li>
      ))}
      <li>
        <span className="stance stance-absent" aria-hidden="true">
          {STANCE_GLYPHS.absent}
        </span>{" "}
        Absent
      </li>
      <li title="Not in the claim's group, but a clause or sentence of the focal article comes near it: read it and judge">
        <span className="stance stance-absent" aria-hidden="true">
          ?
        </span>{" "}
        Unclear (focal article)
      </li>
    </ul>
  );
}

/** Claim groups (rows) × articles (columns); each cell names the stance and, when attributed, to whom. */
export function ClaimMatrix({
  rows,
  articles,
  href,
}: {
  rows: ClaimMatrixRow[];
  articles: ChartArticle[];
  href: (token: string) => string;
}) {
  if (!rows.length) return <p className="meta">No claims match this filter.</p>;
  return (
    <div className="matrix-scroll">
      <table className="matrix claim-matrix">
        <thead>
          <tr>
            <th scope="col">Claim (group label)</th>
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
            <tr key={r.id} id={`claim-${r.id}`}>
              <th scope="row" className="claim-label" id={`claim-${r.id}-label`}>
                {r.label}
              </th>
              {articles.map((a) => {
                const cells = r.cells.filter((c) => c.articleId === a.id);
                if (!cells.length) {
                  const near = r.focalClosest && r.focalClosest.articleId === a.id ? r.focalClosest : null;
                  const sentence = r.focalSentence && r.focalSentence.articleId === a.id ? r.focalSentence : null;
                  // Not in the group, but a focal claim or sentence comes near: the reader judges, we do not say absent.
                  const unclear = a.focal && !!r.focalUnclear;
                  const title = [
                    near
                      ? `Closest clause in this article (similarity ${near.similarity.toFixed(2)}): ${near.text}`
                      : "",
                    sentence
                      ? `Sentence holding most of its words (${Math.round(sentence.similarity * 100)}%): ${sentence.text}`
                      : "",
                  ]
                    .filter(Boolean)
                    .join("\n");
                  return (
                    <td
                      key={a.id}
                      className={`stance-cell ${unclear ? "unclear" : "absent"}`}
                      title={title || undefined}
                    >
                      <span className="stance stance-absent" aria-hidden="true">
                        {unclear ? "?" : STANCE_GLYPHS.absent}
                      </span>
                      {unclear ? " unclear" : " absent"}
                      {near ? <span className="meta">{` · closest ${near.similarity.toFixed(2)}`}</span> : null}
                    </td>
                  );
                }
                const c = cells[0]!;
                const stance = codebookLabel("claimStances", c.stance);
                const who =
                  c.stance === "attributed" || c.stance === "unnamed" || c.stance === "denied" ? c.sourceName : null;
                return (
                  <td key={a.id} className="stance-cell">
                    {/* Named by article and stance; the claim itself is the row's header, given as the description. */}
                    <a
                      href={href(c.f)}
                      title={c.why ? `${c.text}\n(${c.why})` : c.text}
                      aria-label={`${a.short}: ${stance}${who ? `, ${who}` : ""}`}
                      aria-describedby={`claim-${r.id}-label`}
                    >
                      <span className={`stance stance-${c.stance}`} aria-hidden="true">
                        {STANCE_GLYPHS[c.stance]}
                      </span>
                      {` ${stance}`}
                      {who ? <span className="who">{` · ${who}`}</span> : null}
                      {cells.length > 1 ? <span className="meta">{` (+${cells.length - 1})`}</span> : null}
                    </a>
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
