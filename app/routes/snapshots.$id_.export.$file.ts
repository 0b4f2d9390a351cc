// A snapshot's exports, built from its frozen export (the same files as the comparison's, as they were),
// with the snapshot's permanent link in their provenance and "snapshot-<id>" in their names.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentResponse, EXPORT_FILE_NAMES, exportFileByName, isExportFileName } from "#app/models/export.server";
import { readSnapshot } from "./snapshots.$id/snapshot.server";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!isExportFileName(file))
    return new Response(`No export named “${file.slice(0, 60)}”. Available: ${EXPORT_FILE_NAMES.join(", ")}.\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const snap = await readSnapshot(params.id, request, context);
  const url = new URL(request.url);
  const snapshot = {
    id: snap.id,
    link: `${url.origin}/snapshots/${snap.id}`,
    takenAt: snap.createdAt,
    analyserVersion: snap.analyserVersion,
  };
  const exp = snap.export;
  const provenance = {
    ...exp.provenance,
    link: snapshot.link,
    source: `${exp.provenance.source ?? ""} (snapshot ${snap.id})`.trim(),
  };
  const frozen = { ...exp, provenance, bundle: { ...exp.bundle, provenance, snapshot } };
  const out = exportFileByName(frozen, file)!;
  const stem = `parallax-${exp.id}${exp.blind ? "-blind" : ""}`;
  return attachmentResponse({ ...out, filename: out.filename.replace(stem, `${stem}-snapshot-${snap.id}`) });
}
