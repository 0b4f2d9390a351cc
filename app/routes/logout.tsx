import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "#app/models/auth.server";
import { cookie, parseCookies, SESSION_COOKIE } from "#app/utils/access";
import { getDb } from "#app/utils/db.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await logout(getDb(), parseCookies(request.headers.get("cookie") ?? undefined)[SESSION_COOKIE]);
  return redirect("/login", { headers: { "Set-Cookie": cookie(SESSION_COOKIE, "", { maxAge: 0 }) } });
}
