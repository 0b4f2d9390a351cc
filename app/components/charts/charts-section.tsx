import type { ReactNode } from "react";
import { Island } from "#app/components/island";
import { enableChartExports } from "./chart-export";
import { DashboardCharts, type DashboardLinks } from "./dashboard-charts";
import type { DashboardData } from "./types";

export interface ChartsSectionProps {
  /** The charts' data: on the server only (the charts are an island); undefined in the browser. */
  dash: DashboardData | null | undefined;
  links: DashboardLinks;
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
export function ChartsSection({ dash, intro, src, version, html, ...chart }: ChartsSectionProps) {
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">How they differ</h2>
      {intro}
      <Island
        id="island-charts"
        html={html}
        src={src}
        version={version}
        label="Drawing the charts…"
        onShow={enableChartExports}
      >
        {dash ? <DashboardCharts dash={dash} {...chart} /> : undefined}
      </Island>
    </section>
  );
}
