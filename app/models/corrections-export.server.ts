// What exports say about people's corrections: the bundle's `corrections` list, the provenance of each
// corrected item (the machine's value beside the final one, a `corrected` flag, the correction's id) and
// `corrections.csv`, one row per correction.
import Papa from "papaparse";
import { finalValues, type AppliedCorrection } from "#app/compare/corrections";
import { neutraliseCell, type Cell } from "#app/compare/tables";
import type { CorrectionsApplied } from "./corrections.server";

export const CORRECTIONS_CSV_COLUMNS = [
  "correction_id",
  "article_id",
  "coder",
  "layer",
  "field",
  "text_field",
  "start",
  "end",
  "words",
  "machine_value",
  "final_value",
  "corrected",
  "status",
  "review_reason",
  "note",
  "analyser_version",
  "created_at",
] as const;

export interface BundleCorrection {
  id: number;
  articleId: number;
  coder: string;
  layer: string;
  field: string;
  target: { start: number; end: number; field: "body" | "title" };
  words: string;
  /** The machine's value on the analysis the export was made from (null when the correction did not apply). */
  machineValue: unknown;
  /** The machine's value when the person made the correction. */
  machineValueAtCorrection: unknown;
  value: unknown;
  finalValue: unknown;
  corrected: boolean;
  status: "active" | "needs_review";
  reviewReason: string | null;
  note: string;
  analyserVersion: string;
  createdAt: string;
}

/** Every stored correction the export applied (or listed for review), in creation order. */
export function bundleCorrections(
  c: CorrectionsApplied,
  textOf: (articleId: number, field: "body" | "title") => string,
): BundleCorrection[] {
  const applied = new Map<number, AppliedCorrection>();
  for (const list of c.applied.values()) for (const a of list) applied.set(a.correctionId, a);
  const review = new Map(c.review.map((r) => [r.correctionId, r.reason]));
  return c.rows.map((r) => {
    const a = applied.get(r.id);
    const target = a?.target ?? { start: r.targetStart, end: r.targetEnd, field: r.targetField };
    const field = target.field ?? "body";
    return {
      id: r.id,
      articleId: r.articleId,
      coder: r.coder,
      layer: r.layer,
      field: r.field,
      target: { start: target.start, end: target.end, field },
      words: textOf(r.articleId, field).slice(target.start, target.end),
      machineValue: a ? a.machineValue : null,
      machineValueAtCorrection: r.machineValue ?? null,
      value: r.value,
      finalValue: a ? a.finalValue : null,
      corrected: a ? a.corrected : false,
      status: review.has(r.id) ? "needs_review" : r.status,
      reviewReason: review.get(r.id) ?? (review.has(r.id) ? null : r.reviewReason),
      note: r.note,
      analyserVersion: r.analyserVersion,
      createdAt: r.createdAt,
    };
  });
}

export interface ItemProvenance {
  corrected: boolean;
  /** The final values people set on this item, each with the machine's value beside it. */
  corrections: { correctionId: number; field: string; machineValue: unknown; finalValue: unknown }[];
}

/** Provenance of one item of one article by its unit keys (an attribution also answers for its source's kind). */
export function provenanceLookup(c: CorrectionsApplied): (articleId: number, itemKeys: string[]) => ItemProvenance {
  const finals = new Map<number, AppliedCorrection[]>();
  for (const [id, list] of c.applied) finals.set(id, finalValues(list));
  return (articleId, itemKeys) => {
    const hits = (finals.get(articleId) ?? []).filter((a) => itemKeys.includes(a.itemKey));
    return {
      corrected: hits.some((h) => h.corrected),
      corrections: hits.map((h) => ({
        correctionId: h.correctionId,
        field: h.field,
        machineValue: h.machineValue,
        finalValue: h.finalValue,
      })),
    };
  };
}

function text(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}

export function correctionsCsv(list: BundleCorrection[]): string {
  const data = list.map((c) =>
    [
      c.id,
      c.articleId,
      c.coder,
      c.layer,
      c.field,
      c.target.field,
      c.target.start,
      c.target.end,
      c.words,
      text(c.machineValue ?? c.machineValueAtCorrection),
      text(c.finalValue ?? c.value),
      c.corrected,
      c.status,
      c.reviewReason,
      c.note,
      c.analyserVersion,
      c.createdAt,
    ].map((v) => neutraliseCell(text(v))),
  );
  return Papa.unparse({ fields: [...CORRECTIONS_CSV_COLUMNS], data }, { quotes: false, newline: "\r\n" });
}
