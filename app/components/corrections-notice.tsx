import { Link } from "@remix-run/react";

export interface CorrectionsNoticeProps {
  comparisonId: number;
  needReview: number;
  reviewArticles: number[];
  sentence: string | null;
  coders: string[];
  blind: boolean;
}

/** On a comparison: how many values people changed, corrections that need a look, and the agreement view. */
export function CorrectionsNotice(p: CorrectionsNoticeProps) {
  if (!p.sentence && !p.needReview && !p.coders.length) return null;
  return (
    <div className="notice corrections-notice ui" role="status">
      {p.needReview ? (
        <p>
          <b>
            {p.needReview} correction{p.needReview === 1 ? " needs" : "s need"} a look
          </b>
          : the analysis changed and {p.needReview === 1 ? "its" : "their"} words no longer match an item.{" "}
          {p.blind
            ? null
            : p.reviewArticles.map((id, i) => (
                <span key={id}>
                  {i ? ", " : ""}
                  <Link to={`/articles/${id}/corrections`}>article #{id}</Link>
                </span>
              ))}
        </p>
      ) : null}
      {p.sentence ? (
        <p>
          {p.sentence} Charts, tables and exports show people&apos;s values; exports keep the machine&apos;s beside
          them.
        </p>
      ) : null}
      {p.coders.length ? (
        <p>
          Coded by {p.coders.join(", ")}.{" "}
          <Link to={`/comparisons/${p.comparisonId}/agreement`}>Agreement between coders and with the machine</Link>
        </p>
      ) : null}
    </div>
  );
}

const FIELD_WORDS: Record<string, string> = {
  "source.kind": "source kinds",
  "source.affiliation": "source affiliations",
  "source.name": "source names",
  "source.merge": "sources merged",
  "source.split": "sources split",
  "attribution.status": "attributions rejected",
  "attribution.add": "attributions added",
  "claim.stance": "claim stances",
  "marker.status": "markers rejected",
  "marker.add": "markers added or retyped",
  "descriptor.label_class": "descriptor label classes",
};

/** On the methods page: the values people changed across the library, by layer. */
export function LibraryCorrections({
  counts,
}: {
  counts: { layer: string; field: string; changed: number; articles: number }[];
}) {
  return (
    <section aria-labelledby="corrections-h">
      <h2 id="corrections-h">Corrections by people</h2>
      {counts.length === 0 ? (
        <p>Nobody has corrected the machine in this library yet: every figure is the machine&apos;s.</p>
      ) : (
        <>
          <p>
            People changed these values in this library; charts, tables and exports use their values and keep the
            machine&apos;s beside them.
          </p>
          <ul>
            {counts.map((c) => (
              <li key={`${c.layer}.${c.field}`}>
                {c.changed} {FIELD_WORDS[`${c.layer}.${c.field}`] ?? `${c.layer} ${c.field}`} in {c.articles} article
                {c.articles === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
