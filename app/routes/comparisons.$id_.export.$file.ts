// Exports of one comparison as files: `<table>.csv`, `<table>.json`, `bundle.json`, `tables.zip` (`?blind=1`
// blinds them). A resource route outside the page's layout (`$id_`), sharing its code with `cli export`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "#app/models/export.server";
import { getDb } from "#app/utils/db.server";
import { shareSession } from "./comparisons.$id/share-session.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const db = getDb();
  const id = Number(params.id);
  // A blind share link's exports are blind whatever the URL says, like its page.
  if (Number.isSafeInteger(id) && id > 0 && (await shareSession(db, request, context.user, id))?.blind) {
    const url = new URL(request.url);
    url.searchParams.set("blind", "1");
    return exportResponse(db, params.id, params.file, new Request(url, { headers: request.headers }));
  }
  return exportResponse(db, params.id, params.file, request);
}
