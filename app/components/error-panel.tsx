import { isRouteErrorResponse, Link } from "@remix-run/react";

/** The one error view: a clear message for the user, never a stack trace. */
export function ErrorPanel({ error }: { error: unknown }) {
  let title = "Something went wrong";
  let message = "Parallax could not show this page. Nothing was changed.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Not found";
      message = typeof error.data === "string" && error.data ? error.data : "There is nothing at this address.";
    } else if (error.status === 507) {
      // The storage refused a write (disk full, read-only): the message says which, and that nothing was saved.
      title = "Nothing was saved";
      message =
        typeof error.data === "string" && error.data
          ? error.data
          : "The database could not be written: nothing was saved.";
    } else if (error.status >= 400 && error.status < 500) {
      title = "That request could not be handled";
      message = typeof error.data === "string" && error.data ? error.data : message;
    }
  } else if (typeof console !== "undefined") {
    console.error(error);
  }
  return (
    <section className="error-panel" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to the comparisons</Link>
      </p>
    </section>
  );
}
