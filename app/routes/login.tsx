import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { login } from "#app/models/auth.server";
import { cookie, SESSION_COOKIE } from "#app/utils/access";
import { getDb } from "#app/utils/db.server";
import { readForm } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Parallax" }];

/** Only same-site paths: never send someone to another site after signing in. */
function safeNext(raw: string | null): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/";
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { next: safeNext(new URL(request.url).searchParams.get("next")), signedIn: Boolean(context.user), authEnabled: Boolean(context.authEnabled) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const username = String(form.get("username") ?? "").slice(0, 100);
  const password = String(form.get("password") ?? "").slice(0, 300);
  if (!username || !password) return { error: "Enter your username and password." };
  const result = await login(getDb(), { username, password, address: context.clientAddress ?? "unknown" });
  if (!result.ok) return { error: result.message };
  return redirect(safeNext(String(form.get("next") ?? "/")), {
    headers: { "Set-Cookie": cookie(SESSION_COOKIE, result.token, { expires: result.expires, secure: Boolean(context.secure) }) },
  });
}

export default function Login() {
  const { next, signedIn, authEnabled } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="panel" style={{ maxWidth: "26rem" }}>
      <h1>Sign in</h1>
      {!authEnabled ? <p className="note">This Parallax has no accounts: everything is open to whoever can reach it on this machine.</p> : null}
      {signedIn ? <p className="notice">You are signed in.</p> : null}
      {data?.error ? (
        <div className="form-error" role="alert">
          {data.error}
        </div>
      ) : null}
      <Form method="post">
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="username">Username</label>
          <input id="username" name="username" type="text" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required style={{ width: "100%" }} />
        </div>
        <button type="submit">Sign in</button>
      </Form>
    </section>
  );
}
