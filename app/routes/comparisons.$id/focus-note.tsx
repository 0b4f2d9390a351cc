import { escapeHtml } from "#app/utils/html-escape";
import { hrefWith } from "./view";

export interface FocusNoteData {
  token: string;
  description: string;
  spans: number;
}

/**
 * What the reader highlights for the chosen number, with a link that clears it. The only part of the page outside
 * the texts that depends on the number (see fast-path.server.ts, which writes it alone for a number's first view).
 */
export function FocusNote({ focus, query }: { focus: FocusNoteData; query: [string, string][] }) {
  return (
    <div className="note focus-note" role="status">
      {focus.spans ? (
        <>
          Highlighted: {focus.description} ({focus.spans} span{focus.spans === 1 ? "" : "s"}).{" "}
        </>
      ) : focus.description ? (
        <>Showing {focus.description}. </>
      ) : (
        <>That number is not in this comparison any more. </>
      )}
      <a href={hrefWith(query, {}, "#reader")}>Clear</a>
    </div>
  );
}

/**
 * FocusNote's markup as React's server render writes it (text nodes side by side parted by `<!-- -->`, empty ones
 * left out), for a number's first view written without React (fast-path.server.ts); a test holds the two equal.
 */
export function focusNoteHtml(focus: FocusNoteData, query: [string, string][]): string {
  const texts = focus.spans
    ? ["Highlighted: ", focus.description, " (", String(focus.spans), " span", focus.spans === 1 ? "" : "s", ").", " "]
    : focus.description
      ? ["Showing ", focus.description, ". "]
      : ["That number is not in this comparison any more. "];
  const body = texts
    .filter((t) => t !== "")
    .map(escapeHtml)
    .join("<!-- -->");
  return `<div class="note focus-note" role="status">${body}<a href="${escapeHtml(hrefWith(query, {}, "#reader"))}">Clear</a></div>`;
}
