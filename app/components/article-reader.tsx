import { Fragment, type ReactNode } from "react";
import { splitParagraphs } from "#app/analysis/paragraphs";

export interface Highlight {
  start: number;
  end: number;
  /** CSS classes for the marked words, e.g. "hl-content kind-official". */
  className: string;
  /** Anchor id for links from charts and tables; only the first piece of a highlight carries it. */
  anchor?: string;
  /** Explanation shown on hover and focus (the focus card). */
  card?: ReactNode;
  label?: string;
}

/** A serialisable focus card (loaders build these; the page renders them). */
export interface CardSpec {
  heading: string;
  rows: string[];
  /** A link inside the card (e.g. "Correct this"), reachable by keyboard while the card is open. */
  link?: { href: string; label: string };
}

/** A highlight as a loader sends it: plain data, turned into a Highlight by `fromSpecs`. */
export interface HighlightSpec {
  start: number;
  end: number;
  className: string;
  anchor?: string;
  card?: CardSpec;
  label?: string;
}

export function fromSpecs(specs: HighlightSpec[]): Highlight[] {
  return specs.map((s) => ({
    ...s,
    card: s.card ? (
      <>
        <b>{s.card.heading}</b>
        {s.card.rows.map((r, i) => (
          <span key={i} className="card-row">
            {r}
          </span>
        ))}
        {s.card.link ? (
          <a className="card-row card-link" href={s.card.link.href}>
            {s.card.link.label}
          </a>
        ) : null}
      </>
    ) : undefined,
  }));
}

interface Segment {
  start: number;
  end: number;
  active: Highlight[];
}

/** Cuts a paragraph into segments at every highlight boundary, each with the highlights covering it. */
function segments(pStart: number, pEnd: number, hls: Highlight[]): Segment[] {
  const cuts = new Set<number>([pStart, pEnd]);
  const inPara = hls.filter((h) => h.end > pStart && h.start < pEnd);
  for (const h of inPara) {
    cuts.add(Math.max(pStart, h.start));
    cuts.add(Math.min(pEnd, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    if (e <= s) continue;
    out.push({ start: s, end: e, active: inPara.filter((h) => h.start <= s && h.end >= e) });
  }
  return out;
}

function renderRange(
  text: string,
  from: number,
  to: number,
  sorted: Highlight[],
  anchored: Set<Highlight>,
  idPrefix: string,
): ReactNode[] {
  return segments(from, to, sorted).map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    if (seg.active.length === 0) return <Fragment key={seg.start}>{piece}</Fragment>;
    // Innermost last: nested marks from the outermost (longest) highlight inwards.
    let node: ReactNode = piece;
    for (let i = seg.active.length - 1; i >= 0; i--) {
      const h = seg.active[i]!;
      const first = !anchored.has(h);
      if (first) anchored.add(h);
      node = (
        <mark
          className={`hl ${h.className}`}
          id={first && h.anchor ? `${idPrefix}-${h.anchor}` : undefined}
          tabIndex={first && h.card ? 0 : undefined}
          aria-label={first && h.label ? h.label : undefined}
          data-start={h.start}
          data-end={h.end}
        >
          {node}
          {first && h.card ? (
            <span className="focus-card" role="note">
              {h.card}
            </span>
          ) : null}
        </mark>
      );
    }
    return <Fragment key={seg.start}>{node}</Fragment>;
  });
}

function sortHighlights(highlights: Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * An article's clean text in paragraphs, with highlight layers. Text is rendered as text (React escapes it),
 * never as HTML. Offsets index the stored clean text, like every span in Parallax.
 */
export function ArticleReader({
  text,
  highlights = [],
  idPrefix = "t",
}: {
  text: string;
  highlights?: Highlight[];
  idPrefix?: string;
}) {
  const paras = splitParagraphs(text);
  const sorted = sortHighlights(highlights);
  const anchored = new Set<Highlight>();
  return (
    <div className="article-text">
      {paras.map((p, pi) => (
        <p key={pi} id={`${idPrefix}-p${pi}`}>
          {renderRange(text, p.start, p.end, sorted, anchored, idPrefix)}
        </p>
      ))}
    </div>
  );
}

/** A one-line text (a headline, analysed as its own text) with its highlights, for use inside a heading. */
export function InlineHighlights({
  text,
  highlights = [],
  idPrefix = "t",
}: {
  text: string;
  highlights?: Highlight[];
  idPrefix?: string;
}) {
  return <>{renderRange(text, 0, text.length, sortHighlights(highlights), new Set(), idPrefix)}</>;
}
