import type { DashboardLinks } from "#app/components/charts/types";

// The page's view state lives in the URL so that every toggle works without client JS and can be shared:
// blind, large text, print, chart toggles, reader layers, the claim group and the focused number.

export const LAYERS = ["attr", "hedge", "scare", "loaded", "claims"] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Record<Layer, string> = {
  attr: "Attributions by source kind",
  hedge: "Hedges and boosters",
  scare: "Scare quotes",
  loaded: "Loaded terms",
  claims: "Claims of one group",
};

export interface View {
  blind: boolean;
  large: boolean;
  print: boolean;
  /** Sourcing mix by attribution count or by words quoted. */
  by: "count" | "words";
  claims: "all" | "lacks" | "only";
  claimsAll: boolean;
  layers: Layer[];
  claimGroup: string | null;
  focus: string | null;
  cols: string | null;
}

export function readView(sp: URLSearchParams): View {
  const flag = (k: string) => sp.get(k) === "1";
  const claims = sp.get("claims");
  const raw = sp.getAll("layer").filter((l): l is Layer => (LAYERS as readonly string[]).includes(l));
  // "layers=1" marks a submitted layer form, where no box ticked means no layer; otherwise attributions show.
  const layers = sp.has("layers") || raw.length ? raw : (["attr"] as Layer[]);
  const cg = sp.get("cg");
  const cols = sp.get("cols");
  return {
    blind: flag("blind"),
    large: flag("large"),
    print: flag("print"),
    by: sp.get("by") === "words" ? "words" : "count",
    claims: claims === "lacks" || claims === "only" ? claims : "all",
    claimsAll: flag("claimsAll"),
    layers: cg && !layers.includes("claims") && !sp.has("layers") ? [...layers, "claims"] : layers,
    claimGroup: cg && /^g\d{1,5}$/.test(cg) ? cg : null,
    focus: sp.get("focus")?.slice(0, 300) ?? null,
    cols: cols && /^[\d,]{1,80}$/.test(cols) ? cols : null,
  };
}

/** The lasting part of the view as query pairs (not the focus or print), for links that keep the reader's choices. */
export function viewQuery(v: View): [string, string][] {
  const q: [string, string][] = [];
  if (v.cols) q.push(["cols", v.cols]);
  if (v.blind) q.push(["blind", "1"]);
  if (v.large) q.push(["large", "1"]);
  if (v.by !== "count") q.push(["by", v.by]);
  if (v.claims !== "all") q.push(["claims", v.claims]);
  if (v.claimsAll) q.push(["claimsAll", "1"]);
  const defaultLayers = v.layers.length === 1 && v.layers[0] === "attr";
  if (!defaultLayers) {
    q.push(["layers", "1"]);
    for (const l of v.layers) q.push(["layer", l]);
  }
  if (v.claimGroup) q.push(["cg", v.claimGroup]);
  return q;
}

/** A link to this page with some view pairs changed (null removes one); `focus` and `print` are dropped unless set. */
export function hrefWith(query: [string, string][], changes: Record<string, string | null>, hash = ""): string {
  const sp = new URLSearchParams();
  for (const [k, v] of query) if (!(k in changes)) sp.append(k, v);
  for (const [k, v] of Object.entries(changes)) if (v !== null) sp.set(k, v);
  const s = sp.toString();
  return `?${s}${hash}`;
}

/** The reader link behind a number: the focus token, and the anchor of the first highlighted span. */
export function focusHref(query: [string, string][], token: string): string {
  const aid = Number(token.split(":")[1]);
  return hrefWith(query, { focus: token }, `#a${aid}-focus`);
}

/** Export links carry blind=1 in blind mode, so the files are blinded too. */
export function exportHref(comparisonId: number, file: string, blind: boolean): string {
  return `/comparisons/${comparisonId}/export/${file}${blind ? "?blind=1" : ""}`;
}

/** The charts' links for one view of a comparison: the page and the charts' pre-drawing (predraw.server.ts) share them. */
export function dashboardLinks(comparisonId: number, q: [string, string][], blind: boolean): DashboardLinks {
  return {
    // A claim cell also chooses its group: every column that carries it opens, aligned on its members.
    focus: (token) => {
      const m = /^cl:(\d+):(g\d+)$/.exec(token);
      if (!m) return focusHref(q, token);
      const sp = new URLSearchParams(hrefWith(q, { focus: token, cg: m[2]! }).slice(1));
      if (sp.has("layers") && !sp.getAll("layer").includes("claims")) sp.append("layer", "claims");
      return `?${sp.toString()}#a${m[1]}-focus`;
    },
    view: (changes) => hrefWith(q, changes, "#chart-" + (changes.by !== undefined ? "sourcing-mix" : "claim-matrix")),
    exportFile: (file) => exportHref(comparisonId, file, blind),
  };
}

// The charts' links keep the reader's layers and claim group, so every claim group chosen (each claim cell's link
// chooses one) would draw the charts again (tens of ms). They are drawn once with a mark in the place of those
// parameters, and each view fills its own in (fillLinks): the same links, one drawing for every group.
const LINK_TAIL = new Set(["layers", "layer", "cg"]);
const MARK: [string, string] = ["_v", "1"];
const MARKED_HREF = /href="([^"#]*[?&;]_v=1[^"]*)"/g;

/**
 * The links in drawn markup with the mark replaced by `tail` (the view's layers and claim group), exactly as
 * `dashboardLinks` over the whole query writes them: after the mark come the link's own changes, which replace
 * the same keys of the query (hrefWith), and a claim cell's link adds the claims layer where layers are listed.
 */
export function fillLinks(html: string, tail: [string, string][]): string {
  return html.replace(MARKED_HREF, (_, href: string) => {
    const raw = href.replaceAll("&amp;", "&");
    const hash = raw.indexOf("#");
    const query = hash < 0 ? raw.slice(1) : raw.slice(1, hash);
    const pairs = [...new URLSearchParams(query)];
    const at = pairs.findIndex(([k, v]) => k === MARK[0] && v === MARK[1]);
    const own = new Set(pairs.slice(at + 1).map(([k]) => k));
    const sp = new URLSearchParams([
      ...pairs.slice(0, at),
      ...tail.filter(([k]) => !own.has(k)),
      ...pairs.slice(at + 1),
    ]);
    if (/^cl:\d+:g\d+$/.test(sp.get("focus") ?? "") && sp.has("layers") && !sp.getAll("layer").includes("claims"))
      sp.append("layer", "claims");
    return `href="?${sp.toString().replaceAll("&", "&amp;")}${hash < 0 ? "" : raw.slice(hash)}"`;
  });
}

/** The view's layers and claim group, which the charts are drawn without (see fillLinks). */
const linkTail = (q: [string, string][]) => q.filter(([k]) => LINK_TAIL.has(k));

/**
 * The charts' props for one view (everything their markup depends on), as the page renders them: where the view
 * has layers or a claim group, the links carry the mark, and `chartFill(q)` puts them in (`template: false` draws
 * them in instead, for tests).
 */
export function chartProps(
  comparisonId: number,
  view: Pick<View, "blind" | "by" | "claims" | "claimsAll" | "print">,
  q: [string, string][],
  opts: { template?: boolean } = {},
) {
  const templated = opts.template !== false && linkTail(q).length > 0;
  const drawn = templated ? [...q.filter(([k]) => !LINK_TAIL.has(k)), MARK] : q;
  return {
    links: dashboardLinks(comparisonId, drawn, view.blind),
    linksKey: `${comparisonId}|${view.blind ? 1 : 0}|${JSON.stringify(drawn)}`,
    by: view.by,
    claims: view.claims,
    claimsAll: view.claimsAll,
    maxClaims: view.print ? 12 : 40,
    fileBase: `parallax-${comparisonId}${view.blind ? "-blind" : ""}`,
  };
}

/** What turns the markup drawn from `chartProps(…, q)` into this view's: its layers and claim group in the links. */
export function chartFill(q: [string, string][]): (html: string) => string {
  const tail = linkTail(q);
  return tail.length ? (html) => fillLinks(html, tail) : (html) => html;
}
