import { splitParagraphs } from "#app/analysis/paragraphs";
import type { CardSpec, HighlightSpec } from "#app/components/article-reader";
import type { ReaderColumn } from "./reader-columns";

// The texts side by side as markup written directly: the same markup React renders for <ReaderColumns> (a test
// holds the two equal), at a fraction of the cost. The reader is most of a number's first view (four texts,
// every layer marked, a card per mark) and it is a static island, never hydrated, so no React is needed for it.

const ESCAPES: Record<string, string> = { '"': "&quot;", "'": "&#x27;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/** As React escapes text and attribute values. */
function esc(s: string): string {
  return /["'&<>]/.test(s) ? s.replace(/["'&<>]/g, (c) => ESCAPES[c]!) : s;
}

/** Appends markup, keeping React's separator between two adjacent text nodes (`<!-- -->`). */
class Out {
  parts: string[] = [];
  private lastText = false;
  text(s: string): void {
    if (s === "") return;
    if (this.lastText) this.parts.push("<!-- -->");
    this.parts.push(esc(s));
    this.lastText = true;
  }
  tag(s: string): void {
    this.parts.push(s);
    this.lastText = false;
  }
}

function card(out: Out, c: CardSpec): void {
  out.tag('<span class="focus-card" role="note"><b>');
  out.text(c.heading);
  out.tag("</b>");
  for (const r of c.rows) {
    out.tag('<span class="card-row">');
    out.text(r);
    out.tag("</span>");
  }
  if (c.link) {
    out.tag(`<a class="card-row card-link" href="${esc(c.link.href)}">`);
    out.text(c.link.label);
    out.tag("</a>");
  }
  out.tag("</span>");
}

/** As article-reader.tsx's renderRange: segments at every highlight boundary, nested marks outermost first. */
function range(
  out: Out,
  text: string,
  from: number,
  to: number,
  sorted: HighlightSpec[],
  anchored: Set<HighlightSpec>,
  idPrefix: string,
): void {
  const cuts = new Set<number>([from, to]);
  const inPara = sorted.filter((h) => h.end > from && h.start < to);
  for (const h of inPara) {
    cuts.add(Math.max(from, h.start));
    cuts.add(Math.min(to, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    if (e <= s) continue;
    const active = inPara.filter((h) => h.start <= s && h.end >= e);
    const piece = text.slice(s, e);
    if (!active.length) {
      out.text(piece);
      continue;
    }
    // Marks open outermost first; whether a mark is its highlight's first piece is decided innermost first.
    const first = new Array<boolean>(active.length);
    for (let j = active.length - 1; j >= 0; j--) {
      const h = active[j]!;
      first[j] = !anchored.has(h);
      if (first[j]) anchored.add(h);
    }
    for (let j = 0; j < active.length; j++) {
      const h = active[j]!;
      const f = first[j]!;
      let open = `<mark class="${esc(`hl ${h.className}`)}"`;
      if (f && h.anchor) open += ` id="${esc(`${idPrefix}-${h.anchor}`)}"`;
      if (f && h.card) open += ` tabindex="0"`;
      if (f && h.label) open += ` aria-label="${esc(h.label)}"`;
      out.tag(`${open} data-start="${h.start}" data-end="${h.end}">`);
    }
    out.text(piece);
    for (let j = active.length - 1; j >= 0; j--) {
      const h = active[j]!;
      if (first[j] && h.card) card(out, h.card);
      out.tag("</mark>");
    }
  }
}

const byStart = (a: HighlightSpec, b: HighlightSpec) => a.start - b.start || b.end - a.end;

/** The markup of <ReaderColumns columns focusToken /> (reader-columns.tsx), written directly. */
export function readerColumnsHtml(columns: ReaderColumn[], focusToken: string | null): string {
  const out = new Out();
  out.tag(`<div class="columns n${columns.length}">`);
  for (const c of columns) {
    const prefix = `a${c.id}`;
    out.tag(`<article class="column" data-article-id="${c.id}"><header>`);
    if (c.focal) out.tag('<div class="focal-tag">Focal article</div>');
    out.tag(focusToken === `art:${c.id}` ? `<h2 id="${prefix}-focus">` : "<h2>");
    range(out, c.title, 0, c.title.length, [...c.titleHighlights].sort(byStart), new Set(), prefix);
    out.tag('</h2><span class="meta">');
    out.text(c.byline);
    if (c.fictional) out.tag('<span class="badge fictional">fictional</span>');
    out.tag('</span></header><div class="article-text">');
    const sorted = [...c.highlights].sort(byStart);
    const anchored = new Set<HighlightSpec>();
    splitParagraphs(c.text).forEach((p, pi) => {
      out.tag(`<p id="${prefix}-p${pi}">`);
      range(out, c.text, p.start, p.end, sorted, anchored, prefix);
      out.tag("</p>");
    });
    out.tag("</div></article>");
  }
  out.tag("</div>");
  return out.parts.join("");
}
