import type { Aside, Attribution, SourceEntity } from "#app/analysis/types";
import type { Highlight } from "./article-reader";
import codebook from "#app/analysis/codebook.json";

/** Source kind wording from the codebook, lower case for running text ("armed group"). */
export function kindLabel(kind: string): string {
  return codebook.sourceKinds.find((k) => k.id === kind)?.label.toLowerCase() ?? kind;
}

export const SOURCE_KINDS = codebook.sourceKinds.map((k) => k.id);

/** Highlights for every attribution: content tinted by source kind, source underlined, cue dotted, with a focus card. */
export function attributionHighlights(
  text: string,
  attributions: Attribution[],
  sources: SourceEntity[],
  correctHref?: (layer: string, span: { start: number; end: number }, field: string) => string,
): Highlight[] {
  const byKey = new Map(sources.map((s) => [s.key, s]));
  const out: Highlight[] = [];
  for (const a of attributions) {
    const src = a.sourceKey ? byKey.get(a.sourceKey) : undefined;
    const kind = a.sourceKind;
    const cueText = a.cue ? text.slice(a.cue.start, a.cue.end) : null;
    const card = (
      <>
        <b>Source:</b> {src ? src.name : a.source ? text.slice(a.source.start, a.source.end) : "none named"}
        {src?.description ? ` (${src.description})` : ""} · {kindLabel(kind)}
        {a.affiliation ? ` · ${a.affiliation}` : ""}
        {cueText ? ` · cue “${cueText}” (${a.cueStance})` : ""} · rule: {a.rule}
        {correctHref && a.content[0] ? (
          <>
            {" · "}
            <a href={correctHref("attribution", a.content[0], "status")}>Correct this attribution</a>
            {a.source ? (
              <>
                {" · "}
                <a href={correctHref("source", a.source, "kind")}>Correct its source</a>
              </>
            ) : null}
          </>
        ) : null}
      </>
    );
    const label = `Attribution ${a.id}: source ${src?.name ?? "none named"}, ${kindLabel(kind)}${cueText ? `, cue ${cueText}` : ""}`;
    a.content.forEach((c, i) =>
      out.push({
        start: c.start,
        end: c.end,
        className: `hl-content kind-${kind}`,
        anchor: i === 0 ? a.id : undefined,
        card: i === 0 ? card : undefined,
        label: i === 0 ? label : undefined,
      }),
    );
    if (a.source) out.push({ start: a.source.start, end: a.source.end, className: `hl-source kind-${kind}` });
    if (a.cue) out.push({ start: a.cue.start, end: a.cue.end, className: "hl-cue" });
  }
  return out;
}

export function KindLegend() {
  return (
    <div className="legend" aria-label="Source kinds">
      {codebook.sourceKinds.map((k) => (
        <span key={k.id} className={`kind-${k.id}`} title={k.definition}>
          <span className="swatch" />
          {k.label.toLowerCase()}
        </span>
      ))}
    </div>
  );
}

/** Per article: each canonical source with kind, affiliation, attributions, words quoted, named or not. */
export function SourcesPanel({
  sources,
  attributionCount,
  correctHref,
}: {
  sources: SourceEntity[];
  attributionCount?: number;
  correctHref?: (s: SourceEntity) => string | null;
}) {
  // Every attribution counts, those with no source named too, as on the comparison page and in the exports.
  const total = attributionCount ?? sources.reduce((n, s) => n + s.attributionIds.length, 0);
  const namedSources = sources.filter((s) => s.named).length;
  if (sources.length === 0) return <p className="meta">No attributed sources found.</p>;
  // Two units, each named: attributions (passages) come from sources (who speaks), and sources are named or not.
  return (
    <div className="sources-panel">
      <p className="meta" data-count-line>
        {plural(total, "attribution")} from {plural(sources.length, "source")}: {namedSources} named,{" "}
        {sources.length - namedSources} unnamed.
      </p>
      <table>
        <thead>
          <tr>
            <th>Source</th>
            <th>Kind</th>
            <th>Affiliation</th>
            <th>Attributions</th>
            <th>Words quoted</th>
          </tr>
        </thead>
        <tbody>
          {[...sources]
            .sort((a, b) => b.attributionIds.length - a.attributionIds.length || a.name.localeCompare(b.name))
            .map((s) => (
              <tr key={s.key}>
                <td>
                  {s.name || "(no source named)"}
                  {s.description ? <div className="meta">{s.description}</div> : null}
                  {!s.named ? <span className="badge">unnamed</span> : null}
                  {correctHref?.(s) ? (
                    <div>
                      <a
                        href={correctHref(s)!}
                        className="meta"
                        aria-label={`Correct the source ${s.name || "with no name"}`}
                      >
                        Correct
                      </a>
                    </div>
                  ) : null}
                </td>
                <td className={`kind-${s.kind}`} title={s.kindEvidence.join("; ")}>
                  <span className="swatch" />
                  {kindLabel(s.kind)}
                </td>
                <td>{s.affiliation ?? "—"}</td>
                <td>{s.attributionIds.length}</td>
                <td>{s.wordsQuoted}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** The words of a non-response after who gave it: "did not respond to a request for comment". */
function noCommentWords(text: string, x: Aside): string {
  const cue = x.cue!;
  const from = x.who && x.who.end <= cue.start && cue.start - x.who.end < 40 ? x.who.end : cue.start;
  const to = Math.max(cue.end, x.content[x.content.length - 1]?.end ?? cue.end);
  return text
    .slice(from, to)
    .replace(/^[\s,]+/, "")
    .replace(/\s+/g, " ");
}

/** Non-responses ("declined to comment"): who gave no comment, listed apart and never counted as attributions. */
export function NoCommentList({ text, asides }: { text: string; asides: Aside[] }) {
  const items = asides.filter((x) => x.type === "no_comment");
  if (!items.length) return null;
  return (
    <div data-no-comment>
      <p className="meta">No comment ({items.length}), not counted as attributions or sources:</p>
      <ul className="card-list">
        {items.map((x) => (
          <li key={x.id}>
            <span className="badge">no comment</span> {x.whoName ?? "(no one named)"}
            {x.cue ? <span className="meta"> · “{noCommentWords(text, x)}”</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
