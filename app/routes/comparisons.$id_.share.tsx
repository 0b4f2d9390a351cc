import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPanel } from "#app/components/error-panel";
import { createShareLink, listShareLinks, revokeShareLink } from "#app/models/auth.server";
import { getComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId, readForm } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Share · Parallax" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const detail = await getComparison(db, id);
  invariantResponse(detail, `No comparison with id ${id}.`);
  const links = await listShareLinks(db, id);
  return { comparison: { id, name: detail.comparison.name }, links: links.map(({ tokenHash: _t, ...l }) => l) };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), blind: z.literal("on").optional() }),
  z.object({ intent: z.literal("revoke"), linkId: z.coerce.number().int().positive() }),
]);

export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  invariantResponse(await getComparison(db, id), `No comparison with id ${id}.`);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return { error: "That request was not understood." };
  if (parsed.data.intent === "revoke") {
    const mine = (await listShareLinks(db, id)).some((l) => l.id === (parsed.data as { linkId: number }).linkId);
    if (!mine) return { error: "No such link for this comparison." };
    await revokeShareLink(db, parsed.data.linkId);
    return { revoked: true };
  }
  const { token } = await createShareLink(db, {
    comparisonId: id,
    blind: parsed.data.blind === "on",
    createdBy: context.user?.id ?? null,
  });
  const origin = new URL(request.url).origin;
  return { url: `${origin}/s/${token}` };
}

export default function Share() {
  const { comparison, links } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="stack" style={{ maxWidth: "50rem" }}>
      <p className="meta">
        <Link to={`/comparisons/${comparison.id}`}>← {comparison.name}</Link>
      </p>
      <h1>Share read-only</h1>
      <p className="lede">
        A share link opens this one comparison for reading, without an account. Anyone with the link can read it until
        you revoke it. With blind mode forced, outlet names, authors and addresses never reach the reader&apos;s
        browser.
      </p>
      {data && "url" in data ? (
        <div className="notice" role="status">
          New link (shown once; copy it now): <code data-share-url>{data.url}</code>
        </div>
      ) : null}
      {data && "error" in data ? (
        <div className="form-error" role="alert">
          {data.error}
        </div>
      ) : null}
      <Form method="post" className="panel">
        <input type="hidden" name="intent" value="create" />
        <label style={{ display: "inline", fontWeight: "normal" }}>
          <input type="checkbox" name="blind" /> Force blind mode
        </label>{" "}
        <button type="submit">Create a share link</button>
      </Form>
      <table className="panel">
        <thead>
          <tr>
            <th>Created</th>
            <th>Blind</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.id}>
              <td>{l.createdAt.slice(0, 16).replace("T", " ")}</td>
              <td>{l.blind ? "yes" : "no"}</td>
              <td>{l.revokedAt ? `revoked ${l.revokedAt.slice(0, 10)}` : "active"}</td>
              <td>
                {!l.revokedAt ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="linkId" value={l.id} />
                    <button className="danger">Revoke</button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
          {links.length === 0 ? (
            <tr>
              <td colSpan={4} className="meta">
                No share links yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
