import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { FieldError } from "#app/components/field-error";
import { newArticleSchema } from "./article-form.schema";
import { createArticleFromForm, loadNewArticlePage } from "./new-article.server";

export const meta: MetaFunction = () => [{ title: "Add an article · Parallax" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadNewArticlePage(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return createArticleFromForm(request);
}

export default function NewArticle() {
  const { comparison, prefill } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof newArticleSchema>>({
    lastResult,
    constraint: getZodConstraint(newArticleSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newArticleSchema }),
    defaultValue: prefill,
  });
  return (
    <section className="stack" style={{ maxWidth: "60rem" }}>
      <h1>Add an article</h1>
      <p className="lede">
        Paste the article text, or upload a <code>.txt</code>, <code>.md</code> or <code>.html</code> file (a saved web
        page is reduced to its article text). Parallax stores and shows text only, never the page&apos;s HTML.
        {comparison ? (
          <>
            {" "}
            It will be added to <Link to={`/comparisons/${comparison.id}`}>{comparison.name}</Link>.
          </>
        ) : null}
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="panel">
        {form.errors || fields.comparison.errors ? (
          <div className="form-error" role="alert" id={form.errorId}>
            {[...(form.errors ?? []), ...(fields.comparison.errors ?? [])].join(" ")}
          </div>
        ) : null}
        {comparison ? <input type="hidden" name="comparison" value={comparison.id} /> : null}
        <div className="field">
          <label htmlFor={fields.text.id}>Article text</label>
          <textarea {...getTextareaProps(fields.text)} placeholder="Paste the article here…" />
          <FieldError errors={fields.text.errors} id={fields.text.errorId} />
        </div>
        <div className="field">
          <label htmlFor={fields.file.id}>…or upload a file</label>
          <input
            {...getInputProps(fields.file, { type: "file" })}
            accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
          />
          <FieldError errors={fields.file.errors} id={fields.file.errorId} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={fields.title.id}>Title</label>
            <input {...getInputProps(fields.title, { type: "text" })} placeholder="(taken from the text if empty)" />
            <FieldError errors={fields.title.errors} id={fields.title.errorId} />
          </div>
          <div className="field">
            <label htmlFor={fields.outlet.id}>Outlet</label>
            <input {...getInputProps(fields.outlet, { type: "text" })} />
            <FieldError errors={fields.outlet.errors} id={fields.outlet.errorId} />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={fields.author.id}>Author</label>
            <input {...getInputProps(fields.author, { type: "text" })} />
            <FieldError errors={fields.author.errors} id={fields.author.errorId} />
          </div>
          <div className="field">
            <label htmlFor={fields.published.id}>Published (YYYY-MM-DD)</label>
            <input {...getInputProps(fields.published, { type: "text" })} placeholder="2016-03-10" />
            <FieldError errors={fields.published.errors} id={fields.published.errorId} />
          </div>
          <div className="field">
            <label htmlFor={fields.language.id}>Language</label>
            <input {...getInputProps(fields.language, { type: "text" })} placeholder="en" />
            <FieldError errors={fields.language.errors} id={fields.language.errorId} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={fields.url.id}>URL</label>
          <input {...getInputProps(fields.url, { type: "text" })} placeholder="https://…" />
          <FieldError errors={fields.url.errors} id={fields.url.errorId} />
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Adding…" : "Add article"}
        </button>
      </Form>
    </section>
  );
}
