import { useEffect, useRef, useState, type ReactNode } from "react";

// Static islands: heavy, read-only parts of a page (the charts, the texts with their highlights) rendered on the
// server and kept by the browser as they came, without the data they were drawn from. A page that hydrated
// everything would send that data twice: once as markup and once more, serialised, for React.
//
// A loader hands such data to the server render only, under a symbol key: Remix serialises loader data by its
// string keys, so the browser never receives it. In the browser an island keeps the server's markup. A
// client-side navigation brings the islands' markup with its data (the route's clientLoader fetches the page
// beside the data: `fetchIslands`), so nothing below them jumps; an island with no markup yet (left for later
// by the server, or a failed fetch) fetches the page `src` itself and takes its own part of it.

const SERVER_ONLY = Symbol.for("parallax.serverOnly");

/** Loader data for the browser, carrying `heavy` for the server render only. */
export function withServerOnly<L extends object, H>(light: L, heavy: H): L {
  Object.defineProperty(light, SERVER_ONLY, { value: heavy, enumerable: false });
  return light;
}

/** The server-only part of loader data: present while rendering on the server, undefined in the browser. */
export function serverOnly<H>(data: object): H | undefined {
  return (data as Record<symbol, H | undefined>)[SERVER_ONLY];
}

/** The inner markup of the elements `ids` in the page `src` (those it has); empty when the page cannot be had. */
export async function fetchIslands(src: string, ids: string[]): Promise<Record<string, string>> {
  try {
    const r = await fetch(src, { headers: { accept: "text/html" } });
    if (!r.ok) return {};
    const doc = new DOMParser().parseFromString(await r.text(), "text/html");
    const out: Record<string, string> = {};
    for (const id of ids) {
      const el = doc.getElementById(id);
      if (el?.hasChildNodes()) out[id] = el.innerHTML;
    }
    return out;
  } catch {
    return {};
  }
}

export interface IslandProps {
  id: string;
  /**
   * The markup as a string: drawn on the server (the charts, see charts/render.server.tsx), or fetched with a
   * client-side navigation's data (see fetchIslands).
   */
  html?: string | null;
  /** The markup, on the server; undefined in the browser, or when the server leaves the part for later. */
  children?: ReactNode;
  /** A page whose element `#id` holds this island's markup for the current view (null: none to fetch). */
  src: string | null;
  /** What the markup depends on: when it changes, the island is fetched again. */
  version: string;
  /** Said while fetching. */
  label: string;
  /**
   * Shown where the server left the part for later, until it comes (a link that works without JavaScript).
   * Give it only when the server did leave it: server and browser must render the same before hydration.
   */
  fallback?: ReactNode;
  /** Called whenever markup is in place (hydrated or fetched), to wire its buttons or align its columns. */
  onShow?: (el: HTMLElement) => void;
}

export function Island({ id, children, html: given, src, version, label, fallback, onShow }: IslandProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [fetched, setHtml] = useState<string | null>(null);
  const html = given ?? fetched;
  const [state, setState] = useState<"idle" | "loading" | "failed">("idle");
  // Whether the element holds markup (the server's or a fetched one); hydration starts from false on both sides.
  const [filled, setFilled] = useState(false);
  // The version whose markup is in the element (null: none yet).
  const shown = useRef<string | null>(null);
  const onShowRef = useRef(onShow);
  onShowRef.current = onShow;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (given != null) {
      shown.current = version;
      setFilled(true);
      onShowRef.current?.(el);
      return;
    }
    if (shown.current === null && fetched === null && el.childNodes.length > 0) {
      shown.current = version;
      setFilled(true);
      onShowRef.current?.(el);
      return;
    }
    if (shown.current === version || !src) return;
    const ctl = new AbortController();
    setState("loading");
    fetch(src, { signal: ctl.signal, headers: { accept: "text/html" } })
      .then((r) => {
        if (!r.ok) throw new Error(`status ${r.status}`);
        return r.text();
      })
      .then((text) => {
        const part = new DOMParser().parseFromString(text, "text/html").getElementById(id);
        if (!part) throw new Error("part missing");
        shown.current = version;
        setHtml(part.innerHTML);
        setFilled(true);
        setState("idle");
      })
      .catch(() => {
        if (!ctl.signal.aborted) setState("failed");
      });
    return () => ctl.abort();
    // `fetched` is read only to tell hydrated markup from none; the fetch depends on the version and the source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, src, id, given]);

  useEffect(() => {
    if (fetched !== null && ref.current) onShowRef.current?.(ref.current);
  }, [fetched]);

  if (children !== undefined)
    return (
      <div id={id} ref={ref} className="island">
        {children}
      </div>
    );
  return (
    <>
      {/* The server's markup stays as it is while hydrating: React does not compare inner HTML. */}
      <div
        id={id}
        ref={ref}
        className="island"
        dangerouslySetInnerHTML={{ __html: html ?? "" }}
        suppressHydrationWarning
      />
      {!filled && given == null && state === "loading" ? <p className="meta deferred">{label}</p> : null}
      {!filled && given == null && state === "idle" && fallback ? fallback : null}
      {state === "failed" && src ? (
        <p className="meta" role="alert">
          This part of the page could not be loaded. <a href={src}>Load the page again</a>
        </p>
      ) : null}
    </>
  );
}
