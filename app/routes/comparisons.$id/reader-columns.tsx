import { ArticleReader, fromSpecs, InlineHighlights, type HighlightSpec } from "#app/components/article-reader";

export interface ReaderColumn {
  id: number;
  title: string;
  byline: string;
  fictional: boolean;
  focal: boolean;
  text: string;
  highlights: HighlightSpec[];
  titleHighlights: HighlightSpec[];
}

/** The texts side by side, every layer marked (the page shows the chosen ones); rendered as a static island. */
export function ReaderColumns({ columns, focusToken }: { columns: ReaderColumn[]; focusToken: string | null }) {
  return (
    <div className={`columns n${columns.length}`}>
      {columns.map((c) => (
        <article key={c.id} className="column" data-article-id={c.id}>
          <header>
            {c.focal ? <div className="focal-tag">Focal article</div> : null}
            <h2 id={focusToken === `art:${c.id}` ? `a${c.id}-focus` : undefined}>
              <InlineHighlights text={c.title} highlights={fromSpecs(c.titleHighlights)} idPrefix={`a${c.id}`} />
            </h2>
            <span className="meta">
              {c.byline}
              {c.fictional ? <span className="badge fictional">fictional</span> : null}
            </span>
          </header>
          <ArticleReader text={c.text} idPrefix={`a${c.id}`} highlights={fromSpecs(c.highlights)} />
        </article>
      ))}
    </div>
  );
}
