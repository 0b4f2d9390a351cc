import type { EntryContext } from "@remix-run/node";
import { serverOnly } from "#app/components/island";
import { escapeHtml } from "#app/utils/html-escape";
import type { PageIslands } from "./comparison.server";
import { focusNoteHtml, type FocusNoteData } from "./focus-note";

// A number's first view, without React's render of the whole document. Every number of one comparison view (the
// same revision, reader, measure, filter, text size and columns) renders the same page but for five parts: the
// focus note, the texts' markup (written by reader-html.server.ts anyway), the forms' default action (the page's
// address), the loader data's script and the CSP nonce. The first such view is rendered by React and kept, cut at
// those parts; the next ones are that page with their own parts put in (a test holds the two equal, view by view).
// Remix still runs the loaders, headers and data serialisation as for any request: only React's render is skipped.

const ROUTE_ID = "routes/comparisons.$id";
const DATA_OPEN = "window.__remixContext.streamController.enqueue(";
const DATA_CLOSE = ");</script>";
const NOTE_OPEN = '<div class="note focus-note" role="status">';
const READER_OPEN = '<div id="island-reader" class="island">';
/** Templates kept (each about one page, 100–300 KB): a few views of a few comparisons. */
const MAX_TEMPLATES = 24;

type Slot = "nonce" | "action" | "note" | "reader" | "data";
interface Template {
  /** Static markup between the slots, encoded once: `parts.length === slots.length + 1`. */
  parts: Buffer[];
  slots: Slot[];
}

const templates = new Map<string, Template>();
/**
 * Full renders in flight that will be kept as templates, by key: the views of one setting asked for at the same
 * moment (fifty readers after a change) wait for the one render instead of each rendering the page in full.
 */
const rendering = new Map<string, Promise<void>>();

/** As Remix writes the loader data's chunk into its script (markup.ts's escapeHtml over JSON.stringify). */
function dataScript(chunk: string): string {
  return JSON.stringify(chunk).replace(
    /[&><\u2028\u2029]/g,
    (c) => ({ "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" })[c as "&"]!,
  );
}

interface Values {
  nonce: string;
  action: string;
  note: string;
  reader: string;
}

/** A document request for a number's reader on the comparison page, with what its render depends on. */
export interface FocusView {
  key: string;
  values: Values;
  /** Renders the page from its template (UTF-8), or null (no template yet, or a data stream of another shape). */
  render(context: EntryContext): Promise<Buffer | null>;
  /** Keeps a full render of this view as the template for its siblings (and lets the views waiting for it go on). */
  keep(html: string): void;
  /** The full render will not be kept (an error): the views waiting for it render in full. */
  release(): void;
}

/**
 * The request as a number's view of the comparison page, or null where it is anything else (another route, an
 * error, an action's result, no number, the texts left out): those always take the full render.
 */
export function focusView(request: Request, context: EntryContext, nonce: string, whole: boolean): FocusView | null {
  // PARALLAX_FOCUS_TEMPLATES=0 renders every view in full (to compare the two, or to rule this out).
  if (process.env.PARALLAX_FOCUS_TEMPLATES === "0") return null;
  const sh = context.staticHandlerContext;
  if (request.method !== "GET" || context.isSpaMode || sh.statusCode !== 200 || sh.errors || sh.actionData) return null;
  const ids = sh.matches.map((m) => m.route.id);
  if (ids.length !== 2 || ids[0] !== "root" || ids[1] !== ROUTE_ID) return null;
  const d = sh.loaderData[ROUTE_ID] as
    | { focus: (FocusNoteData & { articleId: number | null }) | null; query: [string, string][]; view: object }
    | undefined;
  const islands = d ? serverOnly<PageIslands>(d) : undefined;
  if (!d?.focus || !islands || islands.readerHtml === null || islands.serial === null || !nonce) return null;
  const url = new URL(request.url);
  const others = new URLSearchParams(url.search);
  others.delete("focus");
  // Everything the page shows but the number: the address without it, the revision and every datum but the
  // number's (its columns stay in: they change the articles' list).
  const key = [
    whole ? "whole" : "streamed",
    url.pathname,
    others.toString(),
    islands.serial,
    JSON.stringify(sh.loaderData.root ?? null),
    JSON.stringify({ ...d, focus: null, view: { ...d.view, focus: null } }),
  ].join("\u0000");
  const values: Values = {
    nonce,
    // A form without an action posts to the page's address (react-router's useFormAction).
    action: `action="${escapeHtml(url.pathname + url.search)}"`,
    note: focusNoteHtml(d.focus, d.query),
    reader: islands.readerHtml,
  };
  let release = () => {};
  return {
    key,
    values,
    async render(ctx) {
      let t = templates.get(key);
      if (!t) {
        const inFlight = rendering.get(key);
        if (inFlight) {
          await inFlight;
          t = templates.get(key);
        }
      }
      if (!t) {
        // This view renders in full and is kept: the next ones wait for it (at most as long as a render may take).
        if (!rendering.has(key)) {
          let done = () => {};
          const mine = new Promise<void>((r) => (done = r));
          rendering.set(key, mine);
          release = () => {
            if (rendering.get(key) === mine) rendering.delete(key);
            done();
          };
          setTimeout(release, 5000).unref();
        }
        return null;
      }
      const chunks: string[] = [];
      const reader = ctx.serverHandoffStream!.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const r = await reader.read();
        if (r.done) break;
        chunks.push(decoder.decode(r.value, { stream: true }));
      }
      if (chunks.length !== 1) {
        // Not the one chunk the template holds: the full render reads the same data again.
        const encoder = new TextEncoder();
        ctx.serverHandoffStream = new ReadableStream({
          start(c) {
            for (const x of chunks) c.enqueue(encoder.encode(x));
            c.close();
          },
        });
        return null;
      }
      templates.delete(key);
      templates.set(key, t);
      // Bytes, not one string: the static parts are encoded once, and a string body would be checked and encoded
      // again by the Response (about 2 ms for a page with its texts).
      const put: Record<Slot, Buffer> = {
        nonce: Buffer.from(values.nonce),
        action: Buffer.from(values.action),
        note: Buffer.from(values.note),
        reader: Buffer.from(values.reader),
        data: Buffer.from(dataScript(chunks[0]!)),
      };
      const out: Buffer[] = [t.parts[0]!];
      for (let i = 0; i < t.slots.length; i++) out.push(put[t.slots[i]!], t.parts[i + 1]!);
      return Buffer.concat(out);
    },
    keep(html) {
      const t = cut(html, values);
      if (t) {
        templates.set(key, t);
        if (templates.size > MAX_TEMPLATES) templates.delete(templates.keys().next().value!);
      }
      release();
    },
    release: () => release(),
  };
}

/** A full render cut at its slots; null where a part is not found where expected (that view is never templated). */
function cut(html: string, v: Values): Template | null {
  const unique: { at: number; end: number; slot: Slot }[] = [];
  const note = html.indexOf(NOTE_OPEN);
  if (note < 0 || html.indexOf(NOTE_OPEN, note + 1) >= 0 || !html.startsWith(v.note, note)) return null;
  unique.push({ at: note, end: note + v.note.length, slot: "note" });
  const reader = html.indexOf(READER_OPEN);
  if (reader < 0 || html.indexOf(READER_OPEN, reader + 1) >= 0) return null;
  const rAt = reader + READER_OPEN.length;
  if (!html.startsWith(v.reader + "</div>", rAt)) return null;
  unique.push({ at: rAt, end: rAt + v.reader.length, slot: "reader" });
  const data = html.indexOf(DATA_OPEN);
  if (data < 0 || html.indexOf(DATA_OPEN, data + 1) >= 0) return null;
  const dAt = data + DATA_OPEN.length;
  const dEnd = html.indexOf(DATA_CLOSE, dAt);
  if (dEnd < 0) return null;
  unique.push({ at: dAt, end: dEnd, slot: "data" });
  unique.sort((a, b) => a.at - b.at);
  for (let i = 1; i < unique.length; i++) if (unique[i]!.at < unique[i - 1]!.end) return null;

  const parts: string[] = [];
  const slots: Slot[] = [];
  // Between those three, the nonce and the forms' action wherever they occur.
  const repeated = new RegExp(`${escapeRe(v.nonce)}|${escapeRe(v.action)}`, "g");
  let from = 0;
  let pending = "";
  const scan = (text: string) => {
    let last = 0;
    for (const m of text.matchAll(repeated)) {
      parts.push(pending + text.slice(last, m.index));
      pending = "";
      slots.push(m[0] === v.nonce ? "nonce" : "action");
      last = m.index + m[0].length;
    }
    pending += text.slice(last);
  };
  for (const u of unique) {
    scan(html.slice(from, u.at));
    parts.push(pending);
    pending = "";
    slots.push(u.slot);
    from = u.end;
  }
  scan(html.slice(from));
  parts.push(pending);
  // A form action naming a number that is not a slot would carry this view's number into the others.
  if (parts.some((p) => /action="[^"]*[?&;]focus=/.test(p))) return null;
  return { parts: parts.map((p) => Buffer.from(p)), slots };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** For tests: forget every template. */
export function clearFocusTemplates(): void {
  templates.clear();
}
