import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ArticleReader } from "#app/components/article-reader";
import { ErrorPanel } from "#app/components/error-panel";
import { FieldError } from "#app/components/field-error";
import { ArticleByline } from "#app/components/library-list";
import { attributionHighlights, KindLegend, NoCommentList, SourcesPanel } from "#app/components/sourcing-view";
import { getAnalysis } from "#app/models/analyses.server";
import {
  articleMeta,
  EditConflict,
  getArticle,
  InputError,
  metaRevision,
  updateArticleMeta,
  type ArticleMetaUpdate,
} from "#app/models/articles.server";
import {
  addArticleToComparison,
  comparisonsOfArticle,
  createComparison,
  listComparisons,
} from "#app/models/comparisons.server";
import { findNearDuplicatesOf } from "#app/models/near-duplicates.server";
import { getDb } from "#app/utils/db.server";
import { applyStoredCorrections } from "#app/models/corrections.server";
import { canCorrect, coderOf } from "../articles.$id_.corrections/corrections.server";
import { invariantResponse, parseId, readForm, storageRefusal } from "#app/utils/http.server";
import { editArticleSchema } from "../articles.new/article-form.schema";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} · Parallax` : "Article · Parallax" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = parseId(params.id, "article");
  const db = getDb();
  const article = await getArticle(db, id);
  invariantResponse(article, `No article with id ${id}.`);
  const [machine, near, holding, all] = await Promise.all([
    getAnalysis(db, id),
    findNearDuplicatesOf(db, id),
    comparisonsOfArticle(db, id),
    listComparisons(db),
  ]);
  // Corrections hook (issue 17): the reader's corrections on top of the machine's analysis.
  const corrected = machine
    ? await applyStoredCorrections(db, [article], new Map([[id, machine]]), { coder: coderOf(context).view })
    : null;
  const analysis = corrected?.analyses.get(id) ?? machine;
  const notice = new URL(request.url).searchParams.get("notice");
  const held = new Set(holding.map((c) => c.id));
  return {
    holding,
    others: all.filter((c) => !held.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
    article,
    // What the edit form was loaded with: a save from it is refused if the details changed since.
    revision: metaRevision(articleMeta(article)),
    attributions: analysis?.attributions ?? [],
    sources: analysis?.sources ?? [],
    // Analyses stored before non-responses were set apart have none.
    asides: analysis?.asides ?? [],
    near,
    canCorrect: canCorrect(context),
    corrections: { count: corrected?.rows.length ?? 0, needReview: corrected?.review.length ?? 0 },
    notice:
      notice === "added"
        ? "The article was added to the library. Next: add it to a comparison, or compare it with other coverage (see Comparisons)."
        : notice === "saved"
          ? "Saved."
          : null,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const id = parseId(params.id, "article");
  const db = getDb();
  const article = await getArticle(db, id);
  invariantResponse(article, `No article with id ${id}.`);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "add-to") {
    const cid = Number(formData.get("comparisonId"));
    if (!Number.isSafeInteger(cid) || cid <= 0 || !(await listComparisons(db)).some((c) => c.id === cid))
      throw new Response("Choose a comparison from the list.", { status: 400 });
    await addArticleToComparison(db, cid, id);
    return redirect(`/comparisons/${cid}?notice=added&article=${id}`);
  }
  if (intent === "compare") {
    const name =
      String(formData.get("name") ?? "")
        .trim()
        .slice(0, 200) || `Compared with “${article.title.slice(0, 150)}”`;
    const c = await createComparison(db, { name, articleIds: [id], focalArticleId: id });
    return redirect(`/comparisons/${c.id}`);
  }
  const submission = parseWithZod(formData, { schema: editArticleSchema });
  if (submission.status !== "success") return submission.reply();
  const v = submission.value;
  const yours = {
    title: v.title,
    outlet: v.outlet ?? null,
    author: v.author ?? null,
    published: v.published ?? null,
    url: v.url ?? null,
    language: v.language ?? null,
  };
  const revision = formData.get("revision");
  try {
    await updateArticleMeta(
      db,
      id,
      yours,
      typeof revision === "string" && revision ? { expectedRevision: revision } : {},
    );
  } catch (e) {
    if (e instanceof InputError) return submission.reply({ fieldErrors: { [e.field ?? ""]: [e.message] } });
    if (e instanceof EditConflict) {
      // The form keeps what was typed and now carries the stored revision: saving again replaces theirs knowingly.
      return data(
        { ...submission.reply({ formErrors: [conflictMessage(e.current, yours)] }), revision: metaRevision(e.current) },
        { status: 409 },
      );
    }
    const refused = await storageRefusal(e);
    if (refused) return data(submission.reply({ formErrors: [refused] }), { status: 507 });
    throw e;
  }
  return redirect(`/articles/${id}?notice=saved`);
}

const META_LABELS: Record<keyof ArticleMetaUpdate, string> = {
  title: "Title",
  outlet: "Outlet",
  author: "Author",
  published: "Published",
  url: "URL",
  language: "Language",
};

/** Names each field that differs, with the stored value and the one in the form. */
function conflictMessage(stored: ArticleMetaUpdate, yours: ArticleMetaUpdate): string {
  const show = (x: string | null) => (x ? `“${x}”` : "(empty)");
  const fields = (Object.keys(META_LABELS) as (keyof ArticleMetaUpdate)[]).filter(
    (k) => (stored[k] ?? null) !== (yours[k] ?? null),
  );
  const diffs = fields.map((k) => `${META_LABELS[k]}: saved ${show(stored[k])}, yours ${show(yours[k])}.`);
  return [
    "Not saved: someone else saved this article's details after you opened this form.",
    ...diffs,
    "Your values are still in the form: save again to replace theirs, or reload the page to start from theirs.",
  ].join(" ");
}

export default function ArticlePage() {
  const {
    article,
    attributions,
    sources,
    asides,
    near,
    notice,
    holding,
    others,
    canCorrect: mayCorrect,
    corrections,
    revision: loadedRevision,
  } = useLoaderData<typeof loader>();
  const back = `/articles/${article.id}`;
  const correctHref = mayCorrect
    ? (layer: string, s: { start: number; end: number }, field: string) =>
        `/articles/${article.id}/corrections?layer=${layer}&field=${field}&start=${s.start}&end=${s.end}&back=${encodeURIComponent(back)}`
    : undefined;
  const lastResult = useActionData<typeof action>();
  const revision =
    lastResult && "revision" in lastResult && typeof lastResult.revision === "string"
      ? lastResult.revision
      : loadedRevision;
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editArticleSchema }),
    defaultValue: {
      title: article.title,
      outlet: article.outletName ?? "",
      author: article.author ?? "",
      published: article.published ?? "",
      url: article.url ?? "",
      language: article.language ?? "",
    },
  });
  return (
    <div className="grid-2">
      <article className="stack">
        <header>
          <h1>{article.title}</h1>
          <ArticleByline a={article} />
          {article.url ? (
            <div className="meta">
              <a href={article.url} rel="noreferrer noopener nofollow">
                {article.url}
              </a>
            </div>
          ) : null}
          <div className="meta">
            {article.wordCount} words · <Link to={`/articles/${article.id}/related`}>Find related coverage</Link>
          </div>
        </header>
        {notice ? (
          <div className="notice" role="status">
            {notice} {notice.startsWith("The article was added") ? <a href="#compare">Go there</a> : null}
          </div>
        ) : null}
        <KindLegend />
        <ArticleReader
          text={article.text}
          idPrefix={`a${article.id}`}
          highlights={attributionHighlights(article.text, attributions, sources, correctHref)}
        />
      </article>
      <aside className="stack">
        <section className="panel" aria-labelledby="in-comparisons-h" id="compare">
          <h2 id="in-comparisons-h" style={{ marginTop: 0 }}>
            Comparisons
          </h2>
          {holding.length ? (
            <ul className="card-list" aria-label="Comparisons holding this article">
              {holding.map((c) => (
                <li key={c.id}>
                  <Link to={`/comparisons/${c.id}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="meta">This article is in no comparison yet.</p>
          )}
          {others.length ? (
            <Form method="post" className="field-row" style={{ marginTop: "0.6rem" }}>
              <label htmlFor="add-to" className="sr-only">
                Comparison
              </label>
              <select id="add-to" name="comparisonId">
                {others.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <button name="intent" value="add-to" className="secondary">
                Add to a comparison
              </button>
            </Form>
          ) : null}
          <Form method="post" style={{ marginTop: "0.6rem" }}>
            <input type="hidden" name="name" value="" />
            <button name="intent" value="compare">
              Compare with…
            </button>{" "}
            <span className="meta">starts a comparison with this article as its focus, then add other coverage.</span>
          </Form>
        </section>
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Sources</h2>
          <SourcesPanel
            sources={sources}
            attributionCount={attributions.length}
            correctHref={
              correctHref ? (s) => (s.mentions[0] ? correctHref("source", s.mentions[0], "kind") : null) : undefined
            }
          />
          <NoCommentList text={article.text} asides={asides} />
          <p className="meta">
            <Link to={`/articles/${article.id}/corrections`}>
              {corrections.count
                ? `${corrections.count} correction${corrections.count === 1 ? "" : "s"}`
                : "Corrections"}
              {corrections.needReview
                ? ` (${corrections.needReview} need${corrections.needReview === 1 ? "s" : ""} a look)`
                : ""}
            </Link>
            {mayCorrect ? (
              <>
                {" · "}
                <Link
                  to={`/articles/${article.id}/corrections?layer=attribution&field=add&back=${encodeURIComponent(back)}`}
                >
                  Add a missed attribution
                </Link>
              </>
            ) : null}
          </p>
        </section>
        {near.length ? (
          <section className="panel" aria-labelledby="near-h">
            <h2 id="near-h" style={{ marginTop: 0 }}>
              Shared copy
            </h2>
            <p className="meta">
              Other articles in the library with mostly the same wording (e.g. one agency story in several outlets; an
              article keeps the 20 closest found when it was imported):
            </p>
            <ul className="card-list">
              {near.map((n) => (
                <li key={n.id}>
                  <Link to={`/articles/${article.id}/diff/${n.id}`}>{n.title}</Link>
                  <div className="meta">
                    {[n.outlet, n.published].filter(Boolean).join(" · ")} · {Math.round(n.containment * 100)}% shared ·
                    see what changed
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="panel no-print">
          <h2 style={{ marginTop: 0 }}>Edit details</h2>
          <p className="meta">The text itself cannot be edited: every highlight and export points into it.</p>
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="revision" value={revision} />
            {form.errors ? (
              <div className="form-error" role="alert">
                {form.errors.join(" ")}
              </div>
            ) : null}
            {(
              [
                ["title", "Title"],
                ["outlet", "Outlet"],
                ["author", "Author"],
                ["published", "Published (YYYY, YYYY-MM or YYYY-MM-DD)"],
                ["url", "URL"],
                ["language", "Language (two-letter code)"],
              ] as const
            ).map(([name, label]) => (
              <div className="field" key={name}>
                <label htmlFor={fields[name].id}>{label}</label>
                <input {...getInputProps(fields[name], { type: "text" })} />
                <FieldError errors={fields[name].errors} id={fields[name].errorId} />
              </div>
            ))}
            <button type="submit">Save</button>
          </Form>
        </section>
      </aside>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
