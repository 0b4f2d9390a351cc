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
