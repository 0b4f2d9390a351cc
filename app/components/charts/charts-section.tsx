import type { ReactNode } from "react";
import { Island } from "#app/components/island";
import { enableChartExports } from "./chart-export";
import type { ServerCharts } from "./render.server";
import type { DashboardLinks } from "./types";

export interface ChartsSectionProps {
  /**
   * The charts' renderer (recharts, on the server only): present while rendering on the server, undefined in the
   * browser, which keeps the server's markup (the charts are a static island, see island.tsx).
   */
  server: ServerCharts | null | undefined;
  links: DashboardLinks;
  /** Everything the links depend on beyond the props here (the page's query and address): part of the cache key. */
  linksKey: string;
  by: "count" | "words";
  claims: "all" | "lacks" | "only";
  claimsAll: boolean;
  maxClaims?: number;
  fileBase: string;
  /** A line under the heading (what a click on a number does here). */
  intro: ReactNode;
  /** The page to take the charts from after a client-side navigation, and what they depend on. */
  src: string;
  version: string;
  /** The charts' markup, when a client-side navigation brought it (see fetchIslands). */
  html?: string | null;
}

/** "How they differ": the eight charts of a comparison or of its snapshot, as one static island. */
export function ChartsSection({ server, intro, src, version, html, ...chart }: ChartsSectionProps) {
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">How they differ</h2>
      {intro}
      <Island
        id="island-charts"
        html={server ? server.render(chart) : html}
        src={src}
        version={version}
        label="Drawing the charts…"
        onShow={enableChartExports}
      />
    </section>
  );
}
