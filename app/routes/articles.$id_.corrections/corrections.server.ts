import type { AppLoadContext } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { corrections } from "#db/schema";
import codebook from "#app/analysis/codebook.json";
import { CORRECTION_FIELDS, CORRECTION_LAYERS, resolveTarget, type CorrectionLayer } from "#app/compare/corrections";
import { getAnalysis } from "#app/models/analyses.server";
import { getArticle } from "#app/models/articles.server";
import {
  addCorrection,
  applyStoredCorrections,
  listCorrections,
  LOCAL_CODER,
  type NewCorrection,
} from "#app/models/corrections.server";
import type { Db } from "#app/utils/db.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId, readForm } from "#app/utils/http.server";

/** Editors and owners correct (anyone in single-user mode); viewers and share-link readers cannot. */
export function canCorrect(context: Pick<AppLoadContext, "authEnabled" | "user">): boolean {
  if (!context.authEnabled) return true;
  return !!context.user && context.user.role !== "viewer";
}

/** Whose corrections a reader sees: an account's own; in single-user mode everyone's (the file's coders too). */
export function coderOf(context: Pick<AppLoadContext, "authEnabled" | "user">): { coder: string; view: string | null } {
  if (context.authEnabled && context.user)
    return { coder: context.user.username, view: context.user.role === "viewer" ? null : context.user.username };
  return { coder: LOCAL_CODER, view: null };
}

/** A local path to go back to after saving (never another site). */
export function safeBack(raw: string | null | undefined, fallback: string): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") && !raw.includes("\\") ? raw : fallback;
}

const VALUE_OPTIONS: Record<string, { id: string; label: string }[]> = {
  "source.kind": codebook.sourceKinds,
  "claim.stance": codebook.claimStances,
  "descriptor.label_class": codebook.labelClasses,
  "marker.add": codebook.markerTypes,
};

const FIELD_LABELS: Record<string, string> = {
  "source.kind": "Change the kind",
  "source.affiliation": "Change the affiliation",
  "source.name": "Change the name",
  "source.merge": "Merge into another source",
  "source.split": "Split this mention off into a source of its own",
  "attribution.status": "Reject this attribution (nobody is reported as saying this)",
  "attribution.add": "Add an attribution the machine missed",
  "claim.stance": "Change the stance",
  "claim.group": "Move it into another claim's group, or out of its group",
  "marker.status": "Reject this marker",
  "marker.add": "Add a marker (or change this one's type)",
  "descriptor.label_class": "Change the label class",
};

const targetQuery = z.object({
  layer: z.enum(CORRECTION_LAYERS).catch("source"),
  field: z.string().max(40).optional(),
  start: z.coerce.number().int().nonnegative().optional().catch(undefined),
  end: z.coerce.number().int().positive().optional().catch(undefined),
  tf: z.enum(["body", "title"]).catch("body"),
  back: z.string().max(2000).optional(),
});

export async function loadCorrectionForm(params: { id?: string }, request: Request, context: AppLoadContext) {
  const id = parseId(params.id, "article");
  const db = getDb();
  const article = await getArticle(db, id);
  invariantResponse(article, `No article with id ${id}.`);
  const q = targetQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { coder, view } = coderOf(context);
  const machine = await getAnalysis(db, id);
  const applied = machine
    ? await applyStoredCorrections(db, [article], new Map([[id, machine]]), { coder: view })
    : null;
  const fieldText = q.tf === "title" ? article.title : article.text;
  const target =
    q.start !== undefined && q.end !== undefined && q.end > q.start && q.end <= fieldText.length
      ? { start: q.start, end: q.end, field: q.tf }
      : null;
  const fields = CORRECTION_FIELDS[q.layer].map((f) => ({ id: f, label: FIELD_LABELS[`${q.layer}.${f}`] ?? f }));
  const current =
    target && applied
      ? resolveTarget(
          applied.analyses.get(id)!,
          q.layer,
          target,
          q.field && CORRECTION_FIELDS[q.layer].includes(q.field) ? q.field : (fields[0]?.id ?? ""),
        )
      : null;
  const machineHit = target && machine ? resolveTarget(machine, q.layer, target, q.field ?? fields[0]?.id ?? "") : null;
  const rows = await listCorrections(db, { articleIds: [id], coder: view });
  const review = new Map((applied?.review ?? []).map((r) => [r.correctionId, r.reason]));
  const sources = (applied?.analyses.get(id)?.sources ?? [])
    .filter((s) => s.mentions[0])
    .map((s) => ({ key: s.key, name: s.name, span: `${s.mentions[0]!.start}-${s.mentions[0]!.end}` }));
  return {
    article: { id, title: article.title },
    canCorrect: canCorrect(context),
    coder,
    layer: q.layer,
    field: q.field && CORRECTION_FIELDS[q.layer].includes(q.field) ? q.field : null,
    fields,
    target: target ? { ...target, words: fieldText.slice(target.start, target.end) } : null,
    currentValue: current ? current.value : null,
    machineValue: machineHit ? machineHit.value : null,
    options: VALUE_OPTIONS,
    sources,
    back: safeBack(q.back, `/articles/${id}`),
    corrections: rows.map((r) => ({
      id: r.id,
      coder: r.coder,
      mine: r.coder === coder,
      layer: r.layer,
      field: r.field,
      words: (r.targetField === "title" ? article.title : article.text).slice(r.targetStart, r.targetEnd),
      machineValue: r.machineValue === null || r.machineValue === undefined ? null : JSON.stringify(r.machineValue),
      value: JSON.stringify(r.value),
      note: r.note,
      createdAt: r.createdAt,
      review: review.get(r.id) ?? (r.status === "needs_review" ? (r.reviewReason ?? "needs a look") : null),
    })),
  };
}

/** Finds `words` in the text: the occurrence nearest to `near` (or the first). */
export function locate(text: string, words: string, near?: number): { start: number; end: number } | null {
  const w = words.trim();
  if (!w) return null;
  let best: number | null = null;
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
    if (best === null || (near !== undefined && Math.abs(i - near) < Math.abs(best - near))) best = i;
    if (near === undefined) break;
  }
  return best === null ? null : { start: best, end: best + w.length };
}

const form = z.object({
  intent: z.enum(["correct", "withdraw"]),
  layer: z.enum(CORRECTION_LAYERS).optional(),
  field: z.string().max(40).optional(),
  start: z.coerce.number().int().nonnegative().optional(),
  end: z.coerce.number().int().positive().optional(),
  tf: z.enum(["body", "title"]).optional(),
  value: z.string().max(500).optional(),
  content: z.string().max(5000).optional(),
  source: z.string().max(500).optional(),
  cue: z.string().max(200).optional(),
  into: z.string().max(40).optional(),
  intoArticle: z.coerce.number().int().positive().optional().catch(undefined),
  note: z.string().max(2000).optional(),
  back: z.string().max(2000).optional(),
  correctionId: z.coerce.number().int().positive().optional(),
});

/** Builds the correction a posted form describes, or a message saying what is missing. */
export function correctionFromForm(
  v: z.infer<typeof form>,
  text: string,
  articleId: number,
  coder: string,
  userId: number | null,
): NewCorrection | { error: string } {
  const layer = v.layer as CorrectionLayer | undefined;
  if (!layer || !v.field) return { error: "Choose what to change." };
  if (!v.note?.trim()) return { error: "Say why in the note: every correction needs one." };
  const key = `${layer}.${v.field}`;
  let target =
    v.start !== undefined && v.end !== undefined ? { start: v.start, end: v.end, field: v.tf ?? "body" } : null;
  let value: unknown = v.value ?? null;
  if (key === "attribution.add" || (key === "marker.add" && !target)) {
    const content = locate(text, v.content ?? "");
    if (!content)
      return {
        error: v.content?.trim()
          ? `“${v.content.trim().slice(0, 60)}” is not in the text: copy the words exactly.`
          : "Give the words of the content, exactly as they stand in the text.",
      };
    target = { ...content, field: "body" };
  }
  if (!target) return { error: "Which words? The correction has no target." };
  if (key === "attribution.add") {
    const source = v.source?.trim() ? locate(text, v.source, target.start) : null;
    const cue = v.cue?.trim() ? locate(text, v.cue, target.start) : null;
    if (v.source?.trim() && !source) return { error: `The source “${v.source.trim()}” is not in the text.` };
    if (v.cue?.trim() && !cue) return { error: `The reporting word “${v.cue.trim()}” is not in the text.` };
    value = { source, cue, ...(v.value ? { sourceKind: v.value } : {}) };
  } else if (key === "source.affiliation") value = v.value?.trim() ? v.value.trim() : null;
  else if (key === "source.merge") {
    const m = /^(\d+)-(\d+)$/.exec(v.into ?? "");
    if (!m) return { error: "Choose the source to merge into." };
    value = { start: Number(m[1]), end: Number(m[2]) };
  } else if (key === "source.split") value = v.value?.trim() || null;
  else if (v.field === "status") value = "rejected";
  return { articleId, coder, userId, layer, target, field: v.field, value, note: v.note };
}

export async function correctionAction(
  params: { id?: string },
  request: Request,
  context: AppLoadContext,
  db: Db = getDb(),
) {
  const id = parseId(params.id, "article");
  if (!canCorrect(context)) throw data("Viewers can read but not correct; ask an editor or owner.", { status: 403 });
  const article = await getArticle(db, id);
  invariantResponse(article, `No article with id ${id}.`);
  const parsed = form.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "That request was not understood." }, { status: 400 });
  const v = parsed.data;
  const { coder } = coderOf(context);
  const back = safeBack(v.back, `/articles/${id}`);
  if (v.intent === "withdraw") {
    if (!v.correctionId) return data({ error: "Which correction?" }, { status: 400 });
    const gone = await db
      .delete(corrections)
      .where(and(eq(corrections.id, v.correctionId), eq(corrections.articleId, id), eq(corrections.coder, coder)))
      .returning({ id: corrections.id });
    if (!gone.length) return data({ error: "Only the coder who made a correction can withdraw it." }, { status: 400 });
    return redirect(back);
  }
  const input = correctionFromForm(v, article.text, id, coder, context.user?.id ?? null);
  if ("error" in input) return data({ error: input.error }, { status: 400 });
  if (input.layer === "claim" && input.field === "group") {
    // The claim whose group to join, by its words in its own article; none given: out of its group.
    const words = v.content?.trim();
    if (words) {
      const other = v.intoArticle ? await getArticle(db, v.intoArticle) : article;
      if (!other) return data({ error: `There is no article #${v.intoArticle}.` }, { status: 400 });
      const span = locate(other.text, words);
      if (!span)
        return data(
          { error: `“${words.slice(0, 60)}” is not in article #${other.id}: copy the words exactly.` },
          { status: 400 },
        );
      input.value = { articleId: other.id, ...span };
    } else input.value = null;
  }
  const res = await addCorrection(db, input);
  if ("error" in res) return data({ error: res.error }, { status: 400 });
  return redirect(back);
}
