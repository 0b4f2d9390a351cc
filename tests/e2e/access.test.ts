import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";
import { runCliSync } from "#tests/utils/processes";
import { e2e } from "./browser";

// A shared instance: accounts exist, so it may bind beyond loopback, and every door checks who is asking.
describe.skipIf(!e2e.baseUrl)("a shared instance with accounts", () => {
  let server: RunningServer;
  const dbFile = path.join(ROOT, `tests/.tmp/access-${process.pid}.db`);
  const PASS = "a long enough password";

  beforeAll(async () => {
    removeDb(dbFile);
    for (const [name, role] of [
      ["olga", "owner"],
      ["eddie", "editor"],
      ["vera", "viewer"],
      ["lockme", "viewer"],
    ] as const) {
      const r = runCliSync(["user", "add", name, "--role", role], {
        DATABASE_URL: `file:${dbFile}`,
        PARALLAX_PASSWORD: PASS,
      });
      expect(r.code, r.stderr).toBe(0);
    }
    server = await startServer({ dbFile, env: { HOST: "0.0.0.0" } });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    removeDb(dbFile);
  });

  async function signIn(username: string, password = PASS): Promise<Response> {
    return fetch(server.baseUrl + "/login", {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
      body: new URLSearchParams({ username, password, next: "/" }),
    });
  }

  async function session(username: string): Promise<string> {
    const res = await signIn(username);
    expect(res.status).toBe(302);
    const set = res.headers.get("set-cookie")!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    return set.split(";")[0]!;
  }

  function post(url: string, cookieHeader: string, fields: Record<string, string>, origin = server.baseUrl) {
    return fetch(server.baseUrl + url, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader, origin },
      body: new URLSearchParams(fields),
    });
  }

  test("it started on 0.0.0.0 because accounts exist, and strangers are sent to sign in", async () => {
    const res = await fetch(server.baseUrl + "/", { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2F");
    expect((await fetch(server.baseUrl + "/login")).status).toBe(200);
  });

  test("viewers read but cannot change anything", async () => {
    const c = await session("vera");
    expect((await fetch(server.baseUrl + "/comparisons/1", { headers: { cookie: c } })).status).toBe(200);
    const res = await post("/articles/new", c, {
      text: "A fictional text about a quiet harbour town.",
      title: "Quiet",
    });
    expect(res.status).toBe(403);
  });

  test("editors import; only owners manage accounts", async () => {
    const c = await session("eddie");
    const res = await post("/?index", c, { name: "Editor comparison" });
    expect(res.status).toBe(302);
    expect((await fetch(server.baseUrl + "/accounts", { headers: { cookie: c }, redirect: "manual" })).status).toBe(
      403,
    );
    const o = await session("olga");
    expect((await fetch(server.baseUrl + "/accounts", { headers: { cookie: o } })).status).toBe(200);
  });

  test("a form posted from another site is refused", async () => {
    const o = await session("olga");
    const res = await post("/?index", o, { name: "Forged" }, "http://evil.test");
    expect(res.status).toBe(403);
  });

  test("login attempts are rate limited", async () => {
    for (let i = 0; i < 5; i++) await signIn("lockme", `wrong guess ${i}!`);
    const res = await signIn("lockme");
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("Too many failed attempts");
  });

  test("a blind share link opens one comparison read-only, without outlet names, until revoked", async () => {
    const o = await session("olga");
    const created = await post("/comparisons/1/share", o, { intent: "create", blind: "on" });
    const html = await created.text();
    const token = /\/s\/([A-Za-z0-9_-]{20,})/.exec(html)?.[1];
    expect(token).toBeTruthy();
    const open = await fetch(`${server.baseUrl}/s/${token}`, { redirect: "manual" });
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe("/comparisons/1?blind=1");
    const share = open.headers.get("set-cookie")!.split(";")[0]!;
    // Even asking for the page without blind mode, the server applies it.
    const page = await fetch(server.baseUrl + "/comparisons/1?blind=0", { headers: { cookie: share } });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).not.toContain("Australia/Israel &amp; Jewish Affairs Council");
    expect(body).not.toContain("Ari Wenig");
    expect((await fetch(server.baseUrl + "/", { headers: { cookie: share }, redirect: "manual" })).status).toBe(303);
    expect((await post("/comparisons/1", share, { intent: "remove", articleId: "1" })).status).toBe(403);
    // Revoke it: the link stops working.
    const list = await fetch(server.baseUrl + "/comparisons/1/share", { headers: { cookie: o } });
    expect(list.status).toBe(200);
    const linkId = /name="linkId" value="(\d+)"/.exec(await list.text())?.[1];
    expect((await post("/comparisons/1/share", o, { intent: "revoke", linkId: linkId! })).status).toBe(200);
    expect(
      (await fetch(server.baseUrl + "/comparisons/1", { headers: { cookie: share }, redirect: "manual" })).status,
    ).toBe(303);
  });
});
