import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "#app/components/error-panel";
import { CorrectionForm } from "#app/components/correction-form";
import { PostButton } from "#app/components/post-button";
import { correctionAction, loadCorrectionForm } from "./corrections.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Correct: ${data.article.title} · Parallax` : "Correct · Parallax" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  return loadCorrectionForm(params, request, context);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  return correctionAction(params, request, context);
}

export default function CorrectionsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && typeof result === "object" && "error" in result ? String(result.error) : null;
  return (
    <div className="stack" style={{ maxWidth: "52rem" }}>
      <p className="meta">
        <Link to={d.back}>← back</Link> · <Link to={`/articles/${d.article.id}`}>{d.article.title}</Link>
      </p>
      <h1>Correct the machine</h1>
      <p className="meta">
        A correction is stored beside the machine&apos;s analysis, never over it: charts, tables and exports show your
        value with the machine&apos;s value kept beside it. Coding as <b>{d.coder}</b>.
      </p>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {d.canCorrect ? (
        <CorrectionForm {...d} />
      ) : (
        <p className="notice">Viewers can read corrections but not make them; ask an editor or owner.</p>
      )}
      <section className="panel" aria-labelledby="corr-list-h">
        <h2 id="corr-list-h" style={{ marginTop: 0 }}>
          Corrections of this article
        </h2>
        {d.corrections.length === 0 ? (
          <p className="meta">None yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>Coder</th>
                <th>What</th>
                <th>Words</th>
                <th>Machine</th>
                <th>Person</th>
                <th>Note</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.corrections.map((c) => (
                <tr key={c.id}>
                  <td>{c.id}</td>
                  <td>{c.coder}</td>
                  <td>
                    {c.layer} {c.field}
                    {c.review ? (
                      <div className="badge" title={c.review}>
                        needs a look: {c.review}
                      </div>
                    ) : null}
                  </td>
                  <td>“{c.words.length > 80 ? c.words.slice(0, 79) + "…" : c.words}”</td>
                  <td>{c.machineValue ?? "—"}</td>
                  <td>{c.value}</td>
                  <td>{c.note}</td>
                  <td>
                    {c.mine && d.canCorrect ? (
                      <PostButton
                        fields={{
                          intent: "withdraw",
                          correctionId: c.id,
                          back: `/articles/${d.article.id}/corrections`,
                        }}
                      >
                        Withdraw
                      </PostButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
