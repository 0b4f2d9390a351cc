import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldError } from "#app/components/field-error";
import { LibraryList } from "#app/components/library-list";
import { InputError, listArticles } from "#app/models/articles.server";
import { createComparison, listComparisons } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { readForm, storageRefusal } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Parallax · compare coverage" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 200) ?? "";
  const [all, library] = await Promise.all([listComparisons(db), listArticles(db, { q, limit: 50 })]);
  // The tutorial first: the neutral warm-up before any contested case.
  const comparisons = [...all.filter((c) => c.slug === "tutorial"), ...all.filter((c) => c.slug !== "tutorial")];
  const sp = new URL(request.url).searchParams;
  const deleted = sp.get("notice") === "deleted" ? Number(sp.get("n")) || 0 : null;
  return { comparisons, library, q, deleted };
}

const newComparisonSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "A comparison needs a name.")
    .max(200, "The name is too long (at most 200 characters)."),
  description: z.string().trim().max(2000, "The description is too long.").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = newComparisonSchema.safeParse({
    name: form.get("name") ?? "",
    description: form.get("description") || undefined,
  });
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors };
  try {
    const c = await createComparison(getDb(), parsed.data);
    return redirect(`/comparisons/${c.id}`);
  } catch (e) {
    if (e instanceof InputError) return { errors: { name: [e.message] } };
    const refused = await storageRefusal(e);
    if (refused)
      return data({ errors: { name: [refused] } as { name?: string[]; description?: string[] } }, { status: 507 });
    throw e;
  }
}

export default function Home() {
  const { comparisons, library, q, deleted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="grid-2">
      <section>
        <h1>Comparisons</h1>
        <p className="lede">
          Parallax puts one article beside other coverage of the same events and shows how they differ in who they
          quote, how they name the actors, how sure they sound and which claims they carry. It measures and shows; it
          does not rate outlets.
        </p>
        {deleted !== null ? (
          <div className="notice" role="status">
            The comparison was deleted. Its {deleted} article{deleted === 1 ? "" : "s"} stay{deleted === 1 ? "s" : ""}{" "}
            in the library.
          </div>
        ) : null}
        <ul className="card-list panel">
          {comparisons.map((c) => (
            <li key={c.id}>
              <Link to={`/comparisons/${c.id}`}>
                <strong>{c.name}</strong>
              </Link>{" "}
              {c.slug === "tutorial" ? <span className="badge">start here: warm-up</span> : null}{" "}
              <span className="meta">
                {c.articleCount} article{c.articleCount === 1 ? "" : "s"}
              </span>
              {c.description ? <div className="meta">{c.description}</div> : null}
            </li>
          ))}
          {comparisons.length === 0 ? <li className="meta">No comparisons yet: start one on the right.</li> : null}
        </ul>
      </section>
      <aside className="stack">
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>New comparison</h2>
          <Form method="post">
            <div className="field">
              <label htmlFor="new-name">Name</label>
              <input
                id="new-name"
                name="name"
                type="text"
                required
                maxLength={200}
                aria-invalid={actionData?.errors?.name ? true : undefined}
              />
              <FieldError errors={actionData?.errors?.name} />
            </div>
            <div className="field">
              <label htmlFor="new-description">Description (optional)</label>
              <input id="new-description" name="description" type="text" maxLength={2000} />
              <FieldError errors={actionData?.errors?.description} />
            </div>
            <button type="submit">Create</button>
          </Form>
        </section>
        <section className="panel" id="library">
          <h2 style={{ marginTop: 0 }}>Article library</h2>
          <Form method="get" role="search" className="field">
            <label htmlFor="library-q">Search by title or outlet</label>
            <input id="library-q" name="q" type="search" defaultValue={q} />
          </Form>
          <LibraryList articles={library} />
          <p>
            <Link to="/articles/new">Add an article</Link> · <Link to="/library">Whole library</Link>
          </p>
        </section>
      </aside>
    </div>
  );
}
