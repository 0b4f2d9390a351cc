import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator, useRouteError } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorPanel } from "#app/components/error-panel";
import { redirect } from "@remix-run/node";
import { enqueueImport } from "#app/models/import-job.server";
import type { BulkItem } from "#app/ingest/bulk.server";
import {
  cancelJob,
  getJob,
  getJobItems,
  getJobLogTail,
  getJobOutcomes,
  getJobRow,
  type Job,
} from "#app/models/jobs.server";
import type { Db } from "#app/utils/db.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId, readForm } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Import progress · Parallax" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id, "job");
  const db = getDb();
  const job = await getJobRow(db, id);
  invariantResponse(job, `No job with id ${id}.`);
  const payload = job.payload as { comparisonId?: number | null };
  const { lines, length } = await getJobLogTail(db, job, 500);
  const outcome = job.kind === "import" ? await outcomeOf(db, job) : null;
  return {
    outcome,
    job: {
      id: job.id,
      kind: job.kind,
      status: job.status,
      total: job.total,
      done: job.done,
      failed: job.failed,
      current: job.current,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    },
    comparisonId: payload?.comparisonId ?? null,
    log: lines,
    logLength: length,
  };
}

/**
 * What became of an import's items. Items log their outcome in rows of their own, counted by the database; a job
 * queued before then (its log kept in its own row) is read line by line, as it always was.
 */
async function outcomeOf(db: Db, job: Job): Promise<ImportOutcome> {
  const items = job.failed ? await itemsOf(db, job) : [];
  if (Array.isArray(job.log) && job.log.length) return importOutcome((await getJob(db, job.id))?.log ?? [], items);
  const o = await getJobOutcomes(db, job.id, 500);
  const urlOf = new Map<string, string | null>();
  for (const it of items) urlOf.set(it.input, it.ok ? (it.record.url ?? null) : null);
  const failures = o.failures.map((f) => ({
    input: f.input,
    reason: f.line.slice(f.input.length + 2),
    url: urlOf.has(f.input) ? (urlOf.get(f.input) ?? null) : /^https?:\/\//.test(f.input) ? f.input : null,
  }));
  return { imported: o.imported, duplicates: o.duplicates, failures, commonReason: o.commonReason };
}

type ImportOutcome = ReturnType<typeof importOutcome>;

const MAX_ITEMS = 5000;

/** The job's items (what each input was: its URL and listed metadata), for retries and prefilled paste forms. */
async function itemsOf(db: Db, job: Job): Promise<BulkItem[]> {
  const inPayload = (job.payload as { items?: BulkItem[] } | null)?.items;
  if (Array.isArray(inPayload)) return inPayload.slice(0, MAX_ITEMS);
  return (await getJobItems(db, job.id, 0, Math.min(job.total, MAX_ITEMS))) as BulkItem[];
}

/**
 * What an import job's log says, item by item: the worker writes "imported #…", "…: already in the library"
 * or "<input>: <reason>" per item (inputs are known from the job's items, so a name with ": " in it still
 * parses), so the page can report failure as failure and offer a retry per row.
 */
function importOutcome(log: string[], items: BulkItem[]) {
  let imported = 0;
  let duplicates = 0;
  const urlOf = new Map<string, string | null>();
  for (const it of items) urlOf.set(it.input, it.ok ? (it.record.url ?? null) : null);
  const inputs = [...urlOf.keys()].sort((a, b) => b.length - a.length);
  const failures: { input: string; reason: string; url: string | null }[] = [];
  for (const line of log) {
    if (line.startsWith("imported #")) imported++;
    else if (/: already in the library as #\d+$/.test(line)) duplicates++;
    else {
      const input = inputs.find((i) => line.startsWith(i + ": "));
      if (input !== undefined)
        failures.push({ input, reason: line.slice(input.length + 2), url: urlOf.get(input) ?? null });
      else {
        const m = /^(\S+): (.+)$/.exec(line);
        if (m) failures.push({ input: m[1]!, reason: m[2]!, url: /^https?:\/\//.test(m[1]!) ? m[1]! : null });
      }
    }
  }
  const reasons = new Map<string, number>();
  for (const f of failures) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
  const common = [...reasons.entries()].sort((a, b) => b[1] - a[1])[0] ?? null;
  return {
    imported,
    duplicates,
    failures: failures.slice(0, 500),
    commonReason: common ? { reason: common[0], count: common[1] } : null,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = parseId(params.id, "job");
  const db = getDb();
  const form = await readForm(request);
  if (form.get("intent") !== "retry") {
    await cancelJob(db, id);
    return { cancelled: true };
  }
  // Retry one failed item (or all of them) as a new job: coverage items keep their listed title, outlet and date.
  const job = await getJobRow(db, id);
  invariantResponse(job, `No job with id ${id}.`);
  const comparisonId = (job.payload as { comparisonId?: number | null })?.comparisonId ?? null;
  const items = await itemsOf(db, job);
  const failed = (await outcomeOf(db, job)).failures.map((f) => f.input);
  const wanted = form.get("input");
  const inputs = new Set(
    typeof wanted === "string" && wanted ? failed.filter((f) => f === wanted).slice(0, 1) : failed,
  );
  // The same items again (with their URL, listed title, outlet and date); an item that could not be read stays failed.
  const again = items.filter((it) => inputs.has(it.input) && it.ok);
  if (again.length === 0)
    return { error: "There is no failed item with an address to retry in this job; paste its text instead." };
  const next = await enqueueImport(db, again, comparisonId);
  return next ? redirect(`/jobs/${next.id}`) : { error: "Nothing was queued." };
}

const LABEL: Record<string, string> = {
  queued: "waiting to start",
  running: "running",
  done: "finished",
  failed: "stopped by an error",
  cancelled: "cancelled",
};

export default function JobPage() {
  const { job, comparisonId, log, logLength, outcome } = useLoaderData<typeof loader>();
  const { revalidate, state } = useRevalidator();
  const acted = useActionData<typeof action>();
  const active = job.status === "queued" || job.status === "running";
  // Polling keeps the bar moving and survives a reload: the job lives in the database, not in this page.
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => {
      if (state === "idle") revalidate();
    }, 1000);
    return () => clearInterval(t);
  }, [active, revalidate, state]);
  const pct = job.total ? Math.round((100 * job.done) / job.total) : 0;
  const failedPct = job.total ? Math.round((100 * job.failed) / job.total) : 0;
  const finished = !active;
  const title =
    job.kind !== "import"
      ? finished
        ? "Job finished"
        : "Job in progress"
      : active
        ? "Import in progress"
        : outcome && job.failed > 0 && outcome.imported + outcome.duplicates === 0
          ? "Import failed"
          : job.failed > 0
            ? "Import finished with failures"
            : "Import finished";
  return (
    <section className="stack" style={{ maxWidth: "52rem" }}>
      <h1>{title}</h1>
      <p className="meta" data-job-status={job.status}>
        Job #{job.id} · {LABEL[job.status] ?? job.status}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.done}
        aria-label="Items processed"
      >
        <div className="progress-bar" style={{ width: `${Math.max(0, pct - failedPct)}%` }} />
        {failedPct ? (
          <div className="progress-bar failed" style={{ width: `${failedPct}%` }} title={`${job.failed} failed`} />
        ) : null}
      </div>
      {outcome ? (
        <p data-job-summary className={finished && job.failed ? "form-error" : undefined}>
          {outcome.imported} of {job.total} imported
          {outcome.duplicates ? `, ${outcome.duplicates} already in the library` : ""}
          {job.failed ? `, ${job.failed} failed` : ""}
          {job.failed && outcome.commonReason
            ? `: ${outcome.commonReason.reason}${outcome.commonReason.count < job.failed ? ` (${outcome.commonReason.count} of them)` : ""}`
            : ""}
          {active ? " so far" : "."}
        </p>
      ) : null}
      <p data-job-counts className="meta">
        {job.done} of {job.total} processed · {job.failed} failed
        {job.current && active ? <span className="meta"> · now: {job.current}</span> : null}
      </p>
      {active ? (
        <Form method="post">
          <button className="danger">Cancel</button>
        </Form>
      ) : comparisonId ? (
        <p>
          <Link to={`/comparisons/${comparisonId}`}>Back to the comparison</Link>
        </p>
      ) : (
        <p>
          <Link to="/library">Open the library</Link>
        </p>
      )}
      {acted && "error" in acted ? (
        <div className="form-error" role="alert">
          {acted.error}
        </div>
      ) : null}
      {finished && outcome && outcome.failures.length ? (
        <section aria-labelledby="failed-h">
          <h2 id="failed-h">Failed items ({outcome.failures.length})</h2>
          <p className="meta">
            Retry when the cause is passing (a network error); otherwise paste the article&apos;s text yourself.
          </p>
          <Form method="post">
            <button name="intent" value="retry" className="secondary small">
              Retry all failed
            </button>
          </Form>
          <div className="matrix-scroll">
            <table className="failed-items">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Why it failed</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcome.failures.map((f, i) => (
                  <tr key={i} data-failed-input={f.input}>
                    <td className="url-cell">{f.input}</td>
                    <td>{f.reason}</td>
                    <td className="ui" style={{ whiteSpace: "nowrap" }}>
                      <Form method="post" className="inline">
                        <input type="hidden" name="input" value={f.input} />
                        <button name="intent" value="retry" className="secondary small">
                          Retry
                        </button>
                      </Form>{" "}
                      <Link
                        to={`/articles/new?${new URLSearchParams({ ...(comparisonId ? { comparison: String(comparisonId) } : {}), ...(f.url ? { url: f.url } : {}) }).toString()}`}
                      >
                        Paste the text instead
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <details open={!active}>
        <summary>Log ({logLength} lines)</summary>
        <ol className="job-log">
          {log.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
