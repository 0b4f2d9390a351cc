import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useRouteError } from "@remix-run/react";
import { ErrorPanel } from "#app/components/error-panel";
import { resolveShareLink } from "#app/models/auth.server";
import { cookie, SHARE_COOKIE } from "#app/utils/access";
import { getDb } from "#app/utils/db.server";
import { invariantResponse } from "#app/utils/http.server";

/** A read-only share link: remembers the token in a cookie and opens its comparison (blind when the link says so). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await resolveShareLink(getDb(), params.token);
  invariantResponse(link, "This share link is not valid, or it was revoked.");
  return redirect(`/comparisons/${link.comparisonId}${link.blind ? "?blind=1" : ""}`, {
    headers: {
      "Set-Cookie": cookie(SHARE_COOKIE, params.token!, { maxAge: 60 * 60 * 24 * 30, secure: Boolean(context.secure) }),
    },
  });
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
