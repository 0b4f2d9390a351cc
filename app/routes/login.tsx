import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DEVICE_MAX_AGE_S, login } from "#app/models/auth.server";
import { cookie, DEVICE_COOKIE, parseCookies, SESSION_COOKIE } from "#app/utils/access";
import { getDb } from "#app/utils/db.server";
import { readForm } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Parallax" }];

/**
 * Only a path on this site: resolved against a placeholder origin it must keep, with no control characters
 * (a tab or newline that browsers drop could turn "/\t/evil.example" into "//evil.example").
 */
export function safeNext(raw: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- a control character in `next` is refused
  if (!raw || !raw.startsWith("/") || raw.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  try {
    const base = "http://parallax.invalid";
    const u = new URL(raw, base);
    if (u.origin !== base || !u.pathname.startsWith("/") || u.pathname.startsWith("//")) return "/";
    return u.pathname + u.search + u.hash;
  } catch {
    return "/";
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  return {
    next: safeNext(new URL(request.url).searchParams.get("next")),
    signedIn: Boolean(context.user),
    authEnabled: Boolean(context.authEnabled),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const username = String(form.get("username") ?? "").slice(0, 100);
  const password = String(form.get("password") ?? "").slice(0, 300);
  // Checked before signing in, so a bad one never leaves a session behind an error page.
  const next = safeNext(String(form.get("next") ?? "/"));
  if (!username || !password) return data({ error: "Enter your username and password." }, { status: 400 });
  const device = parseCookies(request.headers.get("cookie") ?? undefined)[DEVICE_COOKIE];
  const result = await login(getDb(), { username, password, address: context.clientAddress, device });
  if (!result.ok) return data({ error: result.message }, { status: result.status });
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    cookie(SESSION_COOKIE, result.token, { expires: result.expires, secure: Boolean(context.secure) }),
  );
  if (result.device) {
    headers.append(
      "Set-Cookie",
      cookie(DEVICE_COOKIE, result.device, {
        maxAge: DEVICE_MAX_AGE_S,
        secure: Boolean(context.secure),
        path: "/login",
      }),
    );
  }
  return redirect(next, { headers });
}

export default function Login() {
  const { next, signedIn, authEnabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="panel" style={{ maxWidth: "26rem" }}>
      <h1>Sign in</h1>
      {!authEnabled ? (
        <p className="note">
          This Parallax has no accounts: everything is open to whoever can reach it on this machine.
        </p>
      ) : null}
      {signedIn ? <p className="notice">You are signed in.</p> : null}
      {result?.error ? (
        <div className="form-error" role="alert">
          {result.error}
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
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            style={{ width: "100%" }}
          />
        </div>
        <button type="submit">Sign in</button>
      </Form>
    </section>
  );
}
