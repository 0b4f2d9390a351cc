import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { comparisons } from "#db/schema";
import { isHttpUrl } from "#app/ingest/normalize-url";
import { importItem } from "#app/models/import.server";
import { parseBulkFiles } from "#app/ingest/bulk.server";
import { enqueueImport, enqueueUploadImport } from "#app/models/import-job.server";
import { getDb } from "#app/utils/db.server";
import { discardBody, readForm } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Import coverage · Parallax" }];

const MAX_BULK_BYTES = 50 * 1024 * 1024;
// Up to this much plain text (no archive) is parsed in the request: linear-time parsers, well under a second.
const INLINE_PARSE_BYTES = 256 * 1024;

// Only what starts like a zip can inflate anything; a ".zip" that does not is refused at once as unreadable.
function isZipUpload(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const cid = Number(new URL(request.url).searchParams.get("comparison"));
  const db = getDb();
  const all = await db.select({ id: comparisons.id, name: comparisons.name }).from(comparisons).orderBy(comparisons.id);
  return { comparisons: all, comparisonId: all.some((c) => c.id === cid) ? cid : null };
}

const urlSchema = z.object({
  url: z.string().trim().max(2000),
  comparison: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export async function action({ request }: ActionFunctionArgs) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BULK_BYTES) {
    await discardBody(request);
    return data({ error: "That upload is over 50 MB; split it into smaller files." }, { status: 413 });
  }
  const form = await readForm(request, MAX_BULK_BYTES);
  const db = getDb();
  const cidRaw = form.get("comparison");
  const comparisonId = cidRaw ? Number(cidRaw) : null;
  if (comparisonId !== null && !(Number.isSafeInteger(comparisonId) && comparisonId > 0))
    return data({ error: "Choose a comparison from the list." }, { status: 400 });
  if (
    comparisonId !== null &&
    !(await db.select({ id: comparisons.id }).from(comparisons).where(eq(comparisons.id, comparisonId))).length
  ) {
    return data({ error: "That comparison no longer exists; choose one from the list." }, { status: 400 });
  }
  if (form.get("intent") === "bulk") {
    const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0)
      return data(
        {
          error:
            "Choose one or more files (TSV/CSV with a url column, JSON or JSONL records, or .txt/.md/.html articles).",
        },
        { status: 400 },
      );
    const read = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    // A few small plain files are read here, in bounded time, so a bad one gets its message at once; archives
    // and anything larger are read by the job worker, so no upload however made holds up other requests.
    const small =
      read.reduce((n, f) => n + f.bytes.length, 0) <= INLINE_PARSE_BYTES && read.every((f) => !isZipUpload(f.bytes));
    if (small) {
      const parsed = parseBulkFiles(read);
      // Nothing importable (every record malformed): say why here, rather than start a job that can only fail.
      if (!parsed.items.some((i) => i.ok)) {
        const reasons = [...parsed.errors, ...parsed.items.slice(0, 5).map((i) => (i.ok ? "" : i.reason))].filter(
          Boolean,
        );
        return data({ error: reasons.join(" ") || "Nothing to import in those files." }, { status: 422 });
      }
      const job = await enqueueImport(db, parsed.items, comparisonId);
      return redirect(`/jobs/${job.id}`);
    }
    const job = await enqueueUploadImport(db, read, comparisonId);
    return redirect(`/jobs/${job.id}`);
  }
  const parsed = urlSchema.safeParse({ url: form.get("url") ?? "", comparison: cidRaw ?? undefined });
  if (!parsed.success || !isHttpUrl(parsed.data.url))
    return data(
      { error: "Enter a full web address starting with http:// or https://.", url: String(form.get("url") ?? "") },
      { status: 400 },
    );
  const outcome = await importItem(
    db,
    { ok: true, input: parsed.data.url, record: { url: parsed.data.url }, warnings: [] },
    { comparisonId },
  );
  if (outcome.status === "failed") {
    return data(
      {
        error: outcome.reason,
        url: parsed.data.url,
        pasteInstead: `/articles/new?url=${encodeURIComponent(parsed.data.url)}${comparisonId ? `&comparison=${comparisonId}` : ""}`,
      },
      { status: 422 },
    );
  }
  const id = outcome.status === "imported" ? outcome.article.id : outcome.id;
  const notice = outcome.status === "imported" ? "added" : "duplicate";
  return redirect(
    comparisonId ? `/comparisons/${comparisonId}?notice=${notice}&article=${id}` : `/articles/${id}?notice=${notice}`,
  );
}

export default function Import() {
  const { comparisons: all, comparisonId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  const busy = nav.state === "submitting";
  const comparisonSelect = (
    <div className="field">
      <label htmlFor="imp-comparison">Add to comparison (optional)</label>
      <select id="imp-comparison" name="comparison" defaultValue={comparisonId ?? ""}>
        <option value="">— library only —</option>
        {all.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="stack" style={{ maxWidth: "52rem" }}>
      <h1>Import coverage</h1>
      <p className="lede">
        Parallax fetches the page on your behalf, keeps only the article text and its metadata, and never stores the
        same URL or text twice. It only reaches public web addresses.
      </p>
      {result?.error ? (
        <div className="form-error" role="alert">
          {result.error}
          {"pasteInstead" in result && result.pasteInstead ? (
            <>
              {" "}
              <Link to={result.pasteInstead}>Paste the text instead</Link>.
            </>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="panel">
        <h2 style={{ marginTop: 0 }}>From a URL</h2>
        <div className="field">
          <label htmlFor="imp-url">Article URL</label>
          <input
            id="imp-url"
            name="url"
            type="url"
            required
            placeholder="https://…"
            defaultValue={result && "url" in result && typeof result.url === "string" ? result.url : ""}
          />
        </div>
        {comparisonSelect}
        <button type="submit" name="intent" value="url" disabled={busy}>
          {busy ? "Fetching…" : "Import"}
        </button>
      </Form>
      <Form method="post" encType="multipart/form-data" className="panel">
        <h2 style={{ marginTop: 0 }}>Many at once</h2>
        <p className="meta">
          A TSV or CSV with a <code>url</code> column (a coverage list or a Media Cloud export), JSON or JSONL records
          of <code>{"{title, url, outlet, published, text}"}</code>, or several .txt, .md or .html files. The import
          runs in the background with a progress page.
        </p>
        <div className="field">
          <label htmlFor="imp-files">Files</label>
          <input
            id="imp-files"
            name="files"
            type="file"
            multiple
            accept=".tsv,.csv,.json,.jsonl,.txt,.md,.html,.htm,.zip"
          />
        </div>
        {comparisonSelect}
        <button type="submit" name="intent" value="bulk" disabled={busy}>
          Start import
        </button>
      </Form>
    </section>
  );
}
