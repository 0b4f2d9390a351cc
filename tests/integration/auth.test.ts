import { describe, expect, test } from "vitest";
import { createShareLink, createUser, deleteUser, getSessionUser, login, logout, resolveShareLink, revokeShareLink, setUserRole, listUsers } from "#app/models/auth.server";
import { createComparison } from "#app/models/comparisons.server";
import { getDb } from "#app/utils/db.server";

describe("accounts and sessions", () => {
  test("passwords are hashed, sessions work and end", async () => {
    const db = getDb();
    const u = await createUser(db, { username: "Ines.Ward", password: "correct horse battery", role: "editor" });
    expect(u.username).toBe("ines.ward");
    const raw = await db.query.users.findFirst({ where: (t, { eq }) => eq(t.id, u.id) });
    expect(raw!.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(raw!.passwordHash).not.toContain("correct horse");
    const bad = await login(db, { username: "ines.ward", password: "wrong password!", address: "127.0.0.1" });
    expect(bad).toEqual({ ok: false, message: "That username and password do not match an account." });
    const ok = await login(db, { username: "INES.WARD", password: "correct horse battery", address: "127.0.0.1" });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(await getSessionUser(db, ok.token)).toMatchObject({ username: "ines.ward", role: "editor" });
    expect(await getSessionUser(db, ok.token + "x")).toBeNull();
    await logout(db, ok.token);
    expect(await getSessionUser(db, ok.token)).toBeNull();
  });

  test("weak passwords and duplicate names are refused", async () => {
    const db = getDb();
    await expect(createUser(db, { username: "short", password: "123", role: "viewer" })).rejects.toThrow(/10 characters/);
    await createUser(db, { username: "dup", password: "long enough pass", role: "viewer" });
    await expect(createUser(db, { username: "DUP", password: "long enough pass", role: "viewer" })).rejects.toThrow(/already/);
  });

  test("repeated failures lock the account out for a while, even with the right password", async () => {
    const db = getDb();
    await createUser(db, { username: "target", password: "the real password", role: "viewer" });
    for (let i = 0; i < 5; i++) await login(db, { username: "target", password: `guess ${i} guess`, address: `10.9.9.${i}` });
    const r = await login(db, { username: "target", password: "the real password", address: "10.9.9.99" });
    expect(r).toEqual({ ok: false, message: "Too many failed attempts. Wait 15 minutes and try again." });
  });

  test("the last owner cannot be demoted or deleted", async () => {
    const db = getDb();
    const owner = await createUser(db, { username: "solo", password: "owner password 1", role: "owner" });
    await expect(setUserRole(db, owner.id, "viewer")).rejects.toThrow(/only owner/);
    await expect(deleteUser(db, owner.id)).rejects.toThrow(/only owner/);
    const second = await createUser(db, { username: "second", password: "owner password 2", role: "owner" });
    await setUserRole(db, owner.id, "viewer");
    expect((await listUsers(db)).find((u) => u.id === owner.id)?.role).toBe("viewer");
    await expect(deleteUser(db, second.id)).rejects.toThrow(/only owner/);
  });

  test("share links resolve until revoked; only a hash is stored", async () => {
    const db = getDb();
    const c = await createComparison(db, { name: "Shared" });
    const { token, link } = await createShareLink(db, { comparisonId: c.id, blind: true, createdBy: null });
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(link.tokenHash).not.toBe(token);
    expect(await resolveShareLink(db, token)).toMatchObject({ comparisonId: c.id, blind: true });
    await revokeShareLink(db, link.id);
    expect(await resolveShareLink(db, token)).toBeNull();
  });
});
