import { Link } from "@remix-run/react";

/** The compared coverage first: each article's outlet (or blind label), date, headline and first sentence. */
export function HeadlineStrip({
  headlines,
  blind,
}: {
  headlines: { id: number; label: string; published: string | null; title: string; first: string; focal: boolean }[];
  blind: boolean;
}) {
  if (headlines.length === 0) return null;
  return (
    <ol className="headline-strip" aria-label="The articles compared">
      {headlines.map((h) => (
        <li key={h.id} data-article-id={h.id}>
          <p className="meta ui">
            <strong>{h.label}</strong>
            {h.focal ? <span className="badge">focal</span> : null} ·{" "}
            {h.published ? <DateText value={h.published} /> : "date unknown"}
          </p>
          <p className="headline">{blind ? h.title : <Link to={`/articles/${h.id}`}>{h.title}</Link>}</p>
          <p className="first-sentence">{h.first}</p>
        </li>
      ))}
    </ol>
  );
}

/** A date shown at its precision: "2016" stays a year, "2016-04" a month. */
export function DateText({ value }: { value: string }) {
  const y = /^\d{4}$/.test(value);
  const ym = /^\d{4}-\d{2}$/.test(value);
  return (
    <time dateTime={value} title={y ? "year only" : ym ? "month only" : undefined}>
      {value}
      {y ? " (year only)" : ym ? " (month only)" : ""}
    </time>
  );
}
