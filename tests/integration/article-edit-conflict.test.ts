import { describe, expect, test } from "vitest";
import { action, loader } from "#app/routes/articles.$id/route";
import { EditConflict, getArticle, updateArticleMeta } from "#app/models/articles.server";
import { getDb } from "#app/utils/db.server";
import { createArticle } from "#tests/factories";

// Issue 16: two people saving one article's details silently overwrote each other. The form carries the revision
// it was loaded with; a save from a revision that is no longer stored is refused (409), showing both values.

async function load(id: number) {
  const res = await loader({
    params: { id: String(id) },
    request: new Request(`http://localhost/articles/${id}`),
    context: {},
  } as never);
  return res as unknown as { revision: string; article: { title: string } };
}

async function save(id: number, fields: Record<string, string>) {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://localhost/articles/${id}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  try {
    return await action({ params: { id: String(id) }, request, context: {} } as never);
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const base = { outlet: "The Millbrook Gazette", author: "", published: "", url: "", language: "en" };

describe("editing an article's details", () => {
  test("two saves from the same loaded form: the first is saved, the second refused with 409 naming both values", async () => {
    const a = await createArticle();
    const { revision } = await load(a.id);
    const first = await save(a.id, { ...base, title: "Harbour vote delayed (first editor)", revision });
    expect(first).toBeInstanceOf(Response);
    expect((first as Response).status).toBe(302);
    const second = (await save(a.id, {
      ...base,
      title: "Harbour vote put off (second editor)",
      revision,
    })) as unknown as {
      init: { status: number };
      data: { error: Record<string, string[]>; revision: string };
    };
    expect(second.init.status).toBe(409);
    const message = second.data.error[""]!.join(" ");
    expect(message).toMatch(/^Not saved: someone else saved this article's details after you opened this form\./);
    expect(message).toContain(
      "Title: saved “Harbour vote delayed (first editor)”, yours “Harbour vote put off (second editor)”.",
    );
    // Fields both agree on are not listed.
    expect(message).not.toContain("Outlet:");
    expect((await getArticle(getDb(), a.id))!.title).toBe("Harbour vote delayed (first editor)");
    // The refusal hands back the stored revision: saving again from it replaces the first editor's title knowingly.
    expect(second.data.revision).toBe((await load(a.id)).revision);
    const third = await save(a.id, {
      ...base,
      title: "Harbour vote put off (second editor)",
      revision: second.data.revision,
    });
    expect((third as Response).status).toBe(302);
    expect((await getArticle(getDb(), a.id))!.title).toBe("Harbour vote put off (second editor)");
  });

  test("a save that changes nothing others changed goes through; one without a revision is not checked", async () => {
    const a = await createArticle();
    const { revision } = await load(a.id);
    expect(((await save(a.id, { ...base, title: a.title, author: "R. Kessler", revision })) as Response).status).toBe(
      302,
    );
    expect(((await save(a.id, { ...base, title: "Untracked save", revision: "" })) as Response).status).toBe(302);
    expect((await getArticle(getDb(), a.id))!.title).toBe("Untracked save");
  });

  test("at the model: two concurrent saves from one revision, exactly one wins", async () => {
    const a = await createArticle();
    const { revision } = await load(a.id);
    const meta = (title: string) => ({
      title,
      outlet: "The Millbrook Gazette",
      author: null,
      published: null,
      url: null,
      language: "en",
    });
    const results = await Promise.allSettled([
      updateArticleMeta(getDb(), a.id, meta("Concurrent one"), { expectedRevision: revision }),
      updateArticleMeta(getDb(), a.id, meta("Concurrent two"), { expectedRevision: revision }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(EditConflict);
    const winner = (await getArticle(getDb(), a.id))!.title;
    expect((refused.reason as EditConflict).current.title).toBe(winner);
  });
});
