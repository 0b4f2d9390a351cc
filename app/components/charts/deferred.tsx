import { startTransition, useEffect, useState, type ReactNode } from "react";

/** Marks the server-rendered page, so the first client render can tell hydration from a client-side navigation. */
export const SSR_MARK = "data-dashboard";

/**
 * Renders its (heavy) children at once on the server and during hydration, so the HTML matches; after a
 * client-side navigation it paints the light parts of the page first and renders the children in a transition.
 */
export function Deferred({ children, label }: { children: ReactNode; label: string }) {
  const [show, setShow] = useState(
    () => typeof document === "undefined" || document.querySelector(`[${SSR_MARK}]`) !== null,
  );
  useEffect(() => {
    if (!show) startTransition(() => setShow(true));
  }, [show]);
  return show ? <>{children}</> : <p className="meta deferred">{label}</p>;
}
