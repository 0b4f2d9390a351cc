import { splitParagraphs } from "#app/analysis/paragraphs";
import { escapeHtml } from "#app/utils/html-escape";
import type { CardSpec, HighlightSpec } from "#app/components/article-reader";
import type { ReaderColumn } from "./reader-columns";

// The texts side by side as markup written directly: the same markup React renders for <ReaderColumns> (a test
// holds the two equal), at a fraction of the cost. The reader is most of a number's first view (four texts,
// every layer marked, a card per mark) and it is a static island, never hydrated, so no React is needed for it.

/** Appends markup, keeping React's separator between two adjacent text nodes (`<!-- -->`). */
class Out {
  parts: string[] = [];
  private lastText = false;
  text(s: string): void {
    if (s === "") return;
    if (this.lastText) this.parts.push("<!-- -->");
    this.parts.push(escapeHtml(s));
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
    out.tag(`<a class="card-row card-link" href="${escapeHtml(c.link.href)}">`);
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
      let open = `<mark class="${escapeHtml(`hl ${h.className}`)}"`;
      if (f && h.anchor) open += ` id="${escapeHtml(`${idPrefix}-${h.anchor}`)}"`;
      if (f && h.card) open += ` tabindex="0"`;
      if (f && h.label) open += ` aria-label="${escapeHtml(h.label)}"`;
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

/** One column's <article>, as <ReaderColumns> writes it. */
function columnHtml(c: ReaderColumn, focusToken: string | null): string {
  const out = new Out();
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
  return out.parts.join("");
}

// A number's first view changes the marks of the one or two texts that hold its spans; the other columns are
// the same as in every other view of that revision. Each column's markup is kept under a key that names
// everything it depends on (given by the loader: the loaded revision, blind mode, the column, its focus spans,
// claim group and correction links), in an LRU bounded in bytes.
const MEMO_MAX_BYTES = 12 * 1024 * 1024;
const memo = new Map<string, string>();
let memoBytes = 0;
const memoStats = { hits: 0, misses: 0 };

function remembered(key: string, make: () => string): string {
  const hit = memo.get(key);
  if (hit !== undefined) {
    memoStats.hits++;
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  memoStats.misses++;
  const html = make();
  const size = (html.length + key.length) * 2;
  if (size > MEMO_MAX_BYTES / 4) return html;
  memo.set(key, html);
  memoBytes += size;
  for (const [k, v] of memo) {
    if (memoBytes <= MEMO_MAX_BYTES) break;
    memo.delete(k);
    memoBytes -= (v.length + k.length) * 2;
  }
  return html;
}

/**
 * The markup of <ReaderColumns columns focusToken /> (reader-columns.tsx), written directly. `keyOf` gives a
 * column's memo key (see above), or undefined where it has none (written afresh).
 */
export function readerColumnsHtml(
  columns: ReaderColumn[],
  focusToken: string | null,
  keyOf?: (c: ReaderColumn) => string | undefined,
): string {
  const parts = [`<div class="columns n${columns.length}">`];
  for (const c of columns) {
    const key = keyOf?.(c);
    parts.push(
      key === undefined
        ? columnHtml(c, focusToken)
        : remembered(`${key}\u0000${focusToken === `art:${c.id}` ? 1 : 0}`, () => columnHtml(c, focusToken)),
    );
  }
  parts.push("</div>");
  return parts.join("");
}

/** For tests: the column memo's size and use since it was last emptied. */
export function readerMemoStats(): { entries: number; bytes: number; hits: number; misses: number } {
  return { entries: memo.size, bytes: memoBytes, ...memoStats };
}

/** For tests: empty the column memo. */
export function clearReaderMemo(): void {
  memo.clear();
  memoBytes = 0;
  memoStats.hits = 0;
  memoStats.misses = 0;
}
