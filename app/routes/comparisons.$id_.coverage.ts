import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { enqueueCoverageImport } from "#app/models/import-job.server";
import { getComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { readForm, refuse } from "#app/utils/http.server";

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("all") }),
  z.object({ intent: z.literal("one"), candidateId: z.coerce.number().int().positive() }),
]);

/** A resource route: every refusal is a plain-text Response (a thrown `data()` would lose its message here). */
function comparisonId(raw: string | undefined): number {
  const id = raw && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : refuse(`No comparison with id “${raw ?? ""}”.`, 404);
}

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/comparisons/${comparisonId(params.id)}`);
}

/** "Import" and "Import all" on a comparison's coverage list: queue a job and show its progress. */
export async function action({ params, request }: ActionFunctionArgs) {
  const id = comparisonId(params.id);
  const db = getDb();
  const detail = await getComparison(db, id);
  if (!detail) refuse(`No comparison with id ${id}.`, 404);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) refuse("That request was not understood.", 400);
  const ids = parsed.data.intent === "one" ? [parsed.data.candidateId] : undefined;
  if (ids && !detail.candidates.some((c) => c.id === ids[0]))
    refuse("That item is not on this comparison's list.", 404);
  const job = await enqueueCoverageImport(db, id, ids);
  if (!job) return redirect(`/comparisons/${id}`);
  return redirect(`/jobs/${job.id}`);
}
