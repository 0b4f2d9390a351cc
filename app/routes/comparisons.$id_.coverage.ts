import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { enqueueCoverageImport } from "#app/models/import-job.server";
import { getComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId } from "#app/utils/http.server";

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("all") }),
  z.object({ intent: z.literal("one"), candidateId: z.coerce.number().int().positive() }),
]);

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/comparisons/${parseId(params.id, "comparison")}`);
}

/** "Import" and "Import all" on a comparison's coverage list: queue a job and show its progress. */
export async function action({ params, request }: ActionFunctionArgs) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const detail = await getComparison(db, id);
  invariantResponse(detail, `No comparison with id ${id}.`);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data("That request was not understood.", { status: 400 });
  const ids = parsed.data.intent === "one" ? [parsed.data.candidateId] : undefined;
  if (ids && !detail.candidates.some((c) => c.id === ids[0])) throw data("That item is not on this comparison's list.", { status: 404 });
  const job = await enqueueCoverageImport(db, id, ids);
  if (!job) return redirect(`/comparisons/${id}`);
  return redirect(`/jobs/${job.id}`);
}
