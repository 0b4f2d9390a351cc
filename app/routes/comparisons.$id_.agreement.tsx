import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { ErrorPanel } from "#app/components/error-panel";
import { PostButton } from "#app/components/post-button";
import { getComparison } from "#app/models/comparisons.server";
import { adoptValue, comparisonAgreement } from "#app/models/corrections.server";
import { getDb } from "#app/utils/db.server";
import { invariantResponse, parseId, readForm } from "#app/utils/http.server";
import { canCorrect, coderOf } from "./articles.$id_.corrections/corrections.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Agreement: ${data.comparison.name} · Parallax` : "Agreement · Parallax" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id, "comparison");
  const db = getDb();
  const detail = await getComparison(db, id);
  invariantResponse(detail, `No comparison with id ${id}.`);
  const ag = await comparisonAgreement(db, id);
  return {
    comparison: { id, name: detail.comparison.name },
    coders: ag.coders,
    me: coderOf(context).coder,
    canCorrect: canCorrect(context),
    groups: ag.groups.map((g) => ({
      ...g,
      differences: g.differences.slice(0, 200),
      more: Math.max(0, g.differences.length - 200),
    })),
  };
}

const adoptForm = z.object({
  intent: z.literal("adopt"),
  from: z.string().min(1).max(100),
  fromCorrectionId: z.coerce.number().int().positive().optional(),
  articleId: z.coerce.number().int().positive(),
  group: z.string().max(40),
  start: z.coerce.number().int().nonnegative(),
  end: z.coerce.number().int().positive(),
  tf: z.enum(["body", "title"]).default("body"),
});

export async function action({ params, request, context }: ActionFunctionArgs) {
  const id = parseId(params.id, "comparison");
  if (!canCorrect(context)) throw data("Viewers can read but not correct; ask an editor or owner.", { status: 403 });
  const parsed = adoptForm.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "That request was not understood." }, { status: 400 });
  const v = parsed.data;
  const me = coderOf(context).coder;
  if (v.from === me) return data({ error: "That value is already yours." }, { status: 400 });
  const res = await adoptValue(getDb(), {
    comparisonId: id,
    to: me,
    userId: context.user?.id ?? null,
    from: v.from,
    fromCorrectionId: v.fromCorrectionId ?? null,
    articleId: v.articleId,
    group: v.group,
    target: { start: v.start, end: v.end, field: v.tf },
  });
  if ("error" in res) return data({ error: res.error }, { status: 400 });
  return redirect(`/comparisons/${id}/agreement`);
}

function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? "not defined" : x.toFixed(digits);
}

export default function Agreement() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack">
      <p className="meta">
        <Link to={`/comparisons/${d.comparison.id}`}>← {d.comparison.name}</Link>
      </p>
      <h1>Agreement</h1>
      <p className="lede">
        Each coder&apos;s value for an item is their own correction, or the machine&apos;s value where they left it
        alone. Percent agreement counts agreeing pairs of values; Krippendorff&apos;s alpha (nominal) discounts the
        agreement expected by chance (1 is perfect, 0 chance level; not defined when every value is the same).
      </p>
      {result && typeof result === "object" && "error" in result ? (
        <div className="form-error" role="alert">
          {String(result.error)}
        </div>
      ) : null}
      {d.coders.length === 0 ? <p>Nobody has corrected this comparison yet.</p> : <p>Coders: {d.coders.join(", ")}.</p>}
      {d.groups.length ? (
        <table>
          <caption>Per layer</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Items</th>
              {d.coders.length > 1 ? (
                <>
                  <th scope="col">Between coders: agreement</th>
                  <th scope="col">alpha</th>
                </>
              ) : null}
              {d.coders.map((c) => (
                <th scope="col" key={c}>
                  {c} vs machine: agreement · alpha · changed
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{g.label}</th>
                <td>{g.units}</td>
                {d.coders.length > 1 ? (
                  <>
                    <td>{g.coders ? `${num(g.coders.percent === null ? null : g.coders.percent * 100, 1)}%` : "—"}</td>
                    <td>{num(g.coders?.alpha)}</td>
                  </>
                ) : null}
                {d.coders.map((c) => {
                  const m = g.vsMachine[c];
                  return (
                    <td key={c}>
                      {m
                        ? `${num(m.percent === null ? null : m.percent * 100, 1)}% · ${num(m.alpha)} · ${m.changed}`
                        : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {d.groups
        .filter((g) => g.differences.length)
        .map((g) => (
          <section key={g.group} className="panel" aria-labelledby={`diff-${g.group}`}>
            <h2 id={`diff-${g.group}`} style={{ marginTop: 0 }}>
              {g.label}: {d.coders.length > 1 ? "coded differently" : "changed"} ({g.differences.length + g.more})
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Words</th>
                  <th scope="col">Machine</th>
                  {d.coders.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.differences.map((x) => (
                  <tr key={`${x.unit.articleId}-${x.unit.itemKey}`}>
                    <td>
                      <Link to={`/articles/${x.unit.articleId}`}>#{x.unit.articleId}</Link>
                    </td>
                    <td>“{x.unit.words.length > 100 ? x.unit.words.slice(0, 99) + "…" : x.unit.words}”</td>
                    <td>{x.unit.machineValue}</td>
                    {d.coders.map((c) => (
                      <td key={c}>
                        {x.values[c]}
                        {d.canCorrect && c !== d.me && x.values[c] !== x.values[d.me] ? (
                          <PostButton
                            style={{ display: "inline" }}
                            fields={{
                              intent: "adopt",
                              from: c,
                              fromCorrectionId: x.corrections[c] || null,
                              articleId: x.unit.articleId,
                              group: x.unit.group,
                              start: x.unit.target.start,
                              end: x.unit.target.end,
                              tf: x.unit.target.field ?? "body",
                            }}
                          >
                            Adopt {c}&apos;s value
                          </PostButton>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {g.more ? <p className="meta">…and {g.more} more (the CLI's corrections export lists them all).</p> : null}
          </section>
        ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
