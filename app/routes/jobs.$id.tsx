import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator, useRouteError } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorPanel } from "#app/components/error-panel";
import { cancelJob, getJob } from "#app/models/jobs.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Import progress · Parallax" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id, "job");
  const job = await getJob(getDb(), id);
  invariantResponse(job, `No job with id ${id}.`);
  const payload = job.payload as { comparisonId?: number | null };
  const log = Array.isArray(job.log) ? job.log : [];
  return {
    job: { id: job.id, kind: job.kind, status: job.status, total: job.total, done: job.done, failed: job.failed, current: job.current, createdAt: job.createdAt, updatedAt: job.updatedAt },
    comparisonId: payload?.comparisonId ?? null,
    log: log.slice(-500),
    logLength: log.length,
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const id = parseId(params.id, "job");
  await cancelJob(getDb(), id);
  return { cancelled: true };
}

const LABEL: Record<string, string> = { queued: "waiting to start", running: "running", done: "finished", failed: "stopped by an error", cancelled: "cancelled" };

export default function JobPage() {
  const { job, comparisonId, log, logLength } = useLoaderData<typeof loader>();
  const { revalidate, state } = useRevalidator();
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
  return (
    <section className="stack" style={{ maxWidth: "52rem" }}>
      <h1>Import {job.status === "done" ? "finished" : "in progress"}</h1>
      <p className="meta" data-job-status={job.status}>
        Job #{job.id} · {LABEL[job.status] ?? job.status}
      </p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={job.total} aria-valuenow={job.done} aria-label="Items done">
        <div className="progress-bar" style={{ width: `${pct}%` }} />
      </div>
      <p data-job-counts>
        {job.done} of {job.total} done · {job.failed} failed
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
