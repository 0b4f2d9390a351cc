import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ROLES } from "#db/schema";
import { createUser, deleteUser, listUsers, setPassword, setUserRole } from "#app/models/auth.server";
import { InputError } from "#app/models/articles.server";
import { getDb } from "#app/utils/db.server";
import { readForm, storageRefusal } from "#app/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Accounts · Parallax" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { users: await listUsers(getDb()), me: context.user?.id ?? null, authEnabled: Boolean(context.authEnabled) };
}

const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    username: z.string().max(100),
    password: z.string().max(300),
    role: z.enum(ROLES),
  }),
  z.object({ intent: z.literal("role"), id: z.coerce.number().int().positive(), role: z.enum(ROLES) }),
  z.object({ intent: z.literal("delete"), id: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("password"), id: z.coerce.number().int().positive(), password: z.string().max(300) }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  // The access middleware already limits this route to owners; a loopback install without accounts may create the first.
  if (context.authEnabled && context.user?.role !== "owner")
    return data({ error: "Only an owner can manage accounts." }, { status: 403 });
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "That request was not understood." }, { status: 400 });
  const db = getDb();
  try {
    const v = parsed.data;
    if (v.intent === "create") {
      const u = await createUser(db, v);
      return { ok: `Account “${u.username}” created as ${u.role}.` };
    }
    if (v.intent === "password") {
      const u = await setPassword(db, v.id, v.password);
      return { ok: `New password set for “${u.username}”; their other sessions were signed out.` };
    }
    if (v.intent === "role") await setUserRole(db, v.id, v.role);
    else await deleteUser(db, v.id);
    return { ok: "Saved." };
  } catch (e) {
    if (e instanceof InputError) return data({ error: e.message }, { status: 400 });
    const refused = await storageRefusal(e);
    if (refused) return data({ error: refused }, { status: 507 });
    throw e;
  }
}

export default function Accounts() {
  const { users, me, authEnabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack" style={{ maxWidth: "50rem" }}>
      <h1>Accounts</h1>
      <p className="lede">
        Viewers read; editors also import and edit; owners also manage accounts. With no accounts, Parallax is open to
        whoever can reach it and only listens on this machine.
      </p>
      {!authEnabled ? (
        <p className="note">No accounts yet: the first one you create should be an owner, then sign in with it.</p>
      ) : null}
      {result && "error" in result ? (
        <div className="form-error" role="alert">
          {result.error}
        </div>
      ) : null}
      {result && "ok" in result ? (
        <div className="notice" role="status">
          {result.ok}
        </div>
      ) : null}
      <table className="panel">
        <thead>
          <tr>
            <th>Username</th>
            <th>Role</th>
            <th>Since</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.username}
                {u.id === me ? <span className="badge">you</span> : null}
              </td>
              <td>
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="id" value={u.id} />
                  <select name="role" defaultValue={u.role} aria-label={`Role of ${u.username}`}>
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>{" "}
                  <button className="secondary">Change</button>
                </Form>
              </td>
              <td className="meta">{u.createdAt.slice(0, 10)}</td>
              <td>
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={u.id} />
                  <button className="danger">Delete</button>
                </Form>
                <details>
                  <summary>Set password</summary>
                  <Form method="post">
                    <input type="hidden" name="intent" value="password" />
                    <input type="hidden" name="id" value={u.id} />
                    <label htmlFor={`acc-pw-${u.id}`}>New password for {u.username} (10+ characters)</label>
                    <input
                      id={`acc-pw-${u.id}`}
                      name="password"
                      type="password"
                      autoComplete="new-password"
                      required
                      minLength={10}
                    />{" "}
                    <button className="secondary">Set password</button>
                  </Form>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" className="panel">
        <h2 style={{ marginTop: 0 }}>New account</h2>
        <input type="hidden" name="intent" value="create" />
        <div className="field-row">
          <div className="field">
            <label htmlFor="acc-username">Username</label>
            <input id="acc-username" name="username" type="text" required />
          </div>
          <div className="field">
            <label htmlFor="acc-password">Password (10+ characters)</label>
            <input
              id="acc-password"
              name="password"
              type="password"
              required
              minLength={10}
              style={{ width: "100%" }}
            />
          </div>
          <div className="field">
            <label htmlFor="acc-role">Role</label>
            <select id="acc-role" name="role" defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit">Create account</button>
      </Form>
    </section>
  );
}
