import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { expandTargets, importItems } from "#app/models/import.server";
import { findNearDuplicatesOf } from "#app/models/near-duplicates.server";
import { loader as diffLoader } from "#app/routes/articles.$id_.diff.$other";
import { getDb } from "#app/utils/db.server";

describe("the same wire copy in two outlets", () => {
  test("is flagged on import, found from either side, and its edits are listed", async () => {
    const db = getDb();
    const s = await importItems(
      db,
      await expandTargets(["tests/fixtures/articles/wire-original.txt", "tests/fixtures/articles/port-strike.txt"]),
    );
    expect(s.imported).toHaveLength(2);
    const notes: (string | null | undefined)[] = [];
    const s2 = await importItems(db, await expandTargets(["tests/fixtures/articles/wire-edited.txt"]), {
      onItem: (o) => void notes.push(o.status === "imported" ? o.note : null),
    });
    const original = s.imported.find(
      (a) =>
        a.words > 0 &&
        fs.readFileSync("tests/fixtures/articles/wire-original.txt", "utf8").includes(a.title.replace(/…$/, "")),
    )!;
    const edited = s2.imported[0]!;
    expect(notes[0]).toMatch(new RegExp(`shares most of its wording with #${original.id}`));
    const near = await findNearDuplicatesOf(db, edited.id);
    expect(near.map((n) => n.id)).toEqual([original.id]);
    expect(near[0]!.containment).toBeGreaterThan(0.6);
    expect((await findNearDuplicatesOf(db, original.id)).map((n) => n.id)).toEqual([edited.id]);
    // An independent report on another subject is not a near-duplicate.
    const port = s.imported.find((a) => a.id !== original.id)!;
    expect((await findNearDuplicatesOf(db, port.id)).map((n) => n.id)).toEqual([]);

    const data = await diffLoader({
      params: { id: String(original.id), other: String(edited.id) },
      request: new Request("http://x/"),
      context: {},
    });
    const summary = data.body.summary.join("\n");
    expect(summary).toMatch(/"opposition movement" → "radical opposition movement"|radical/);
    expect(summary).toMatch(/Attribution verb changed: "said" → "claimed"/);
    expect(data.body.changes.some((c) => c.kind === "sentence_removed")).toBe(true);
    expect(data.body.changes.some((c) => c.kind === "sentence_added")).toBe(true);
  });
});
