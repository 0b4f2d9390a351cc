// Chart downloads made in the browser from the rendered SVG (recipe in ../shared/stack-notes.md): a standalone
// SVG with title, legend and a note of the articles and codebook version, and a PNG drawn at twice the size.

export interface ChartExportMeta {
  title: string;
  legend: { label: string; colour: string }[];
  note: string;
  fileName: string;
}

const NS = "http://www.w3.org/2000/svg";

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  // A word longer than a line (an address) is cut, so no line can run past the edge.
  const words = text
    .split(/\s+/)
    .flatMap((w) => (w.length > max ? (w.match(new RegExp(`.{1,${Math.max(1, max)}}`, "g")) ?? [w]) : [w]));
  for (const w of words) {
    if (line && (line + " " + w).length > max) {
      out.push(line);
      line = w;
    } else line = line ? line + " " + w : w;
  }
  if (line) out.push(line);
  return out;
}

function textEl(
  doc: Document,
  x: number,
  y: number,
  s: string,
  size: number,
  weight = "normal",
  fill = "#1d2430",
): SVGTextElement {
  const t = doc.createElementNS(NS, "text");
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  t.setAttribute("font-size", String(size));
  t.setAttribute("font-weight", weight);
  t.setAttribute("fill", fill);
  t.textContent = s;
  return t;
}

/** Builds the standalone SVG for the chart inside `figure`; width and height are the SVG's own size in px. */
export function buildChartSvg(
  figure: HTMLElement,
  meta: ChartExportMeta,
): { svg: string; width: number; height: number } {
  // The chart's own SVG by its stable id (`chart-<id>-svg`, given to every chart), not by the charting library's
  // class names: this module ships to the browser, the library does not.
  const surface = figure.querySelector<SVGSVGElement>('svg[id^="chart-"][id$="-svg"]');
  if (!surface) throw new Error("This chart has no SVG to export.");
  const doc = figure.ownerDocument;
  const cw = Number(surface.getAttribute("width")) || surface.getBoundingClientRect().width;
  const ch = Number(surface.getAttribute("height")) || surface.getBoundingClientRect().height;
  const width = Math.max(cw, 480);
  const pad = 16;
  // Conservative average glyph widths (bold 16 px ≈ 10 px, 10.5 px ≈ 6.6 px), so wrapped lines always fit.
  const titleLines = wrap(meta.title, Math.floor((width - 2 * pad) / 10));
  const headerH = pad + titleLines.length * 22 + 6;
  // Legend items flow in rows.
  const legendRows: { label: string; colour: string; x: number }[][] = [[]];
  let x = pad;
  for (const item of meta.legend) {
    const w = 22 + item.label.length * 7 + 14;
    if (x + w > width - pad && legendRows[legendRows.length - 1]!.length) {
      legendRows.push([]);
      x = pad;
    }
    legendRows[legendRows.length - 1]!.push({ ...item, x });
    x += w;
  }
  const legendH = meta.legend.length ? legendRows.length * 20 + 8 : 0;
  const noteLines = wrap(meta.note, Math.floor((width - 2 * pad) / 6.6));
  const height = Math.ceil(headerH + ch + legendH + noteLines.length * 15 + pad);

  const root = doc.createElementNS(NS, "svg");
  root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NS);
  root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xlink", "http://www.w3.org/1999/xlink");
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("font-family", getComputedStyle(figure).fontFamily || "sans-serif");
  const bg = doc.createElementNS(NS, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#ffffff");
  root.appendChild(bg);
  const title = doc.createElementNS(NS, "title");
  title.textContent = meta.title;
  root.appendChild(title);
  titleLines.forEach((l, i) => root.appendChild(textEl(doc, pad, pad + 16 + i * 22, l, 16, "bold")));
  const chart = surface.cloneNode(true) as SVGSVGElement;
  // In-app links ("?focus=…") are dead in a file: make each absolute, to the page it was made from.
  for (const a of chart.querySelectorAll("a")) {
    for (const attr of ["href", "xlink:href"]) {
      const v = a.getAttribute(attr);
      if (v !== null) a.setAttribute(attr, new URL(v, doc.location.href).href);
    }
  }
  chart.setAttribute("x", "0");
  chart.setAttribute("y", String(headerH));
  chart.setAttribute("width", String(cw));
  chart.setAttribute("height", String(ch));
  root.appendChild(chart);
  let y = headerH + ch + 8;
  for (const row of legendRows) {
    for (const item of row) {
      const r = doc.createElementNS(NS, "rect");
      r.setAttribute("x", String(item.x));
      r.setAttribute("y", String(y + 2));
      r.setAttribute("width", "14");
      r.setAttribute("height", "12");
      r.setAttribute("fill", item.colour);
      r.setAttribute("stroke", "#555");
      r.setAttribute("stroke-width", "0.5");
      root.appendChild(r);
      root.appendChild(textEl(doc, item.x + 20, y + 13, item.label, 12));
    }
    y += 20;
  }
  y += meta.legend.length ? 8 : 0;
  noteLines.forEach((l, i) => root.appendChild(textEl(doc, pad, y + 11 + i * 15, l, 10.5, "normal", "#4a5566")));
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadChartSvg(figure: HTMLElement, meta: ChartExportMeta): void {
  const { svg } = buildChartSvg(figure, meta);
  save(new Blob([svg], { type: "image/svg+xml" }), `${meta.fileName}.svg`);
}

export async function downloadChartPng(figure: HTMLElement, meta: ChartExportMeta): Promise<void> {
  const { svg, width, height } = buildChartSvg(figure, meta);
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw the chart.");
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, "image/png"));
  if (!blob) throw new Error("The PNG could not be made.");
  save(blob, `${meta.fileName}.png`);
}

/**
 * Wires the download buttons of the charts inside `root` (server markup, not hydrated): one click listener for
 * all of them, and the buttons enabled. Called again after new chart markup arrives; listens only once.
 */
export function enableChartExports(root: HTMLElement): void {
  for (const b of root.querySelectorAll<HTMLButtonElement>("button[data-download]")) b.disabled = false;
  if (root.dataset.exportsWired) return;
  root.dataset.exportsWired = "1";
  root.addEventListener("click", (ev) => {
    const button = (ev.target as Element | null)?.closest<HTMLButtonElement>("button[data-download]");
    const figure = button?.closest<HTMLElement>("figure[data-export]");
    if (!button || !figure) return;
    const error = figure.querySelector<HTMLElement>(".chart-actions .field-error");
    if (error) error.hidden = true;
    const fail = (e: unknown) => {
      if (!error) return;
      error.textContent = (e as Error).message;
      error.hidden = false;
    };
    try {
      const own = JSON.parse(figure.dataset.export!) as ChartExportMeta;
      const articles = figure.closest<HTMLElement>("[data-export-note]")?.dataset.exportNote;
      const meta = { ...own, note: articles ? `${articles} · ${own.note}` : own.note };
      if (button.dataset.download === "png") downloadChartPng(figure, meta).catch(fail);
      else downloadChartSvg(figure, meta);
    } catch (e) {
      fail(e);
    }
  });
}
