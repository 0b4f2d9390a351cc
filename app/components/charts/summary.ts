import type { DashboardData } from "./types";

/** The part of the dashboard's data a page shows outside the charts (the compared articles, versions). */
export function dashboardSummary(dash: DashboardData) {
  return {
    articles: dash.articles,
    charted: dash.charted,
    codebookVersion: dash.codebookVersion,
    analyserVersions: dash.analyserVersions,
  };
}

export type DashboardSummary = ReturnType<typeof dashboardSummary>;
