// Exports of one comparison as files: `<table>.csv`, `<table>.json`, `bundle.json`, `tables.zip` (`?blind=1`
// blinds them). A resource route outside the page's layout (`$id_`), sharing its code with `cli export`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "#app/models/export.server";
import { getDb } from "#app/utils/db.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  return exportResponse(getDb(), params.id, params.file, request);
}
