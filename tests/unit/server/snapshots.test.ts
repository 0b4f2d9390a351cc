import { describe, expect, test } from "vitest";
import { citationText, isSnapshotId, newSnapshotId } from "#app/models/snapshots.server";

describe("snapshot ids and citations", () => {
  test("ids are 12 URL-safe characters, different each time; anything else is not an id", () => {
    const ids = new Set(Array.from({ length: 50 }, () => newSnapshotId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(isSnapshotId(id)).toBe(true);
    for (const bad of [undefined, "", "short", "has/slash/xx", "../../etc/pw", "abcdefghijklm"])
      expect(isSnapshotId(bad)).toBe(false);
  });

  test("the suggested citation names the comparison, the day, the analyser and the link", () => {
    const text = citationText(
      { name: "Ferry fares", createdAt: "2026-03-04T10:11:12.000Z", analyserVersion: "9.9.9", blind: false },
      "https://parallax.example/snapshots/AbCdEfGhIjKl",
    );
    expect(text).toBe(
      "“Ferry fares”. Parallax comparison snapshot, taken 2026-03-04, analyser 9.9.9. https://parallax.example/snapshots/AbCdEfGhIjKl",
    );
    expect(
      citationText(
        { name: "Ferry fares", createdAt: "2026-03-04T10:11:12.000Z", analyserVersion: "9.9.9", blind: true },
        "x",
      ),
    ).toContain("(blind view)");
  });
});
