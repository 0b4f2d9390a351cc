import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prepareDatabase } from "#db/prepare";
import { importArticle } from "#app/models/articles.server";
import { removeDb, ROOT, startServer, type RunningServer } from "#tests/setup/server";

// Issue 16: the home page cost ~171 ms of CPU per request under load. It is now rendered once per reader until
// the library changes; what it shows must still be current: a post through this server at once, a change made
// by another process (an import worker) within a second.

const dbFile = path.join(ROOT, `tests/.tmp/e2e-home-cache-${process.pid}.db`);
let server: RunningServer;

beforeAll(async () => {
  removeDb(dbFile);
  server = await startServer({ dbFile, env: { PARALLAX_JOBS: "off" } });
});
afterAll(async () => {
  await server?.stop();
  removeDb(dbFile);
});

const home = async () => {
  const res = await fetch(server.baseUrl + "/");
  return { status: res.status, cache: res.headers.get("x-parallax-cache"), html: await res.text() };
};

describe("the home page cache", () => {
  test("a second request is served from the cache; a search is rendered each time", async () => {
    await home();
    const again = await home();
    expect(again.status).toBe(200);
    expect(again.cache).toBe("hit");
    const search = await fetch(server.baseUrl + "/?q=harbour");
    await search.text();
    expect(search.headers.get("x-parallax-cache")).toBeNull();
  });

  test("a comparison created through the server shows at once", async () => {
    await home();
    const res = await fetch(server.baseUrl + "/?index", {
      method: "POST",
      body: new URLSearchParams({ name: "Ferry timetable (fictional, cache test)" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    const after = await home();
    expect(after.cache).not.toBe("hit");
    expect(after.html).toContain("Ferry timetable (fictional, cache test)");
  });

  test("an article imported by another process shows within a second", async () => {
    await home();
    const db = await prepareDatabase({ url: `file:${dbFile}`, seed: false });
    const title = "Ostreng ferry board votes on winter timetable (fictional, cache test)";
    await importArticle(db, {
      title,
      outlet: "Ostreng Observer",
      text: "The fictional ferry board of Ostreng voted on Monday to keep the winter timetable, its clerk Pia Lund said.",
      origin: "paste",
      fictional: true,
    });
    db.$client.close();
    await new Promise((r) => setTimeout(r, 1300));
    expect((await home()).html).toContain(title);
  });
});
