import { describe, expect, test } from "vitest";
import {
  createShareLink,
  createUser,
  deleteUser,
  getSessionUser,
  login,
  logout,
  resolveShareLink,
  revokeShareLink,
  setPassword,
  setUserRole,
  listUsers,
} from "#app/models/auth.server";
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
    expect(bad).toEqual({ ok: false, status: 401, message: "That username and password do not match an account." });
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
    await expect(createUser(db, { username: "short", password: "123", role: "viewer" })).rejects.toThrow(
      /10 characters/,
    );
    await createUser(db, { username: "dup", password: "long enough pass", role: "viewer" });
    await expect(createUser(db, { username: "DUP", password: "long enough pass", role: "viewer" })).rejects.toThrow(
      /already/,
    );
  });

  test("repeated failures lock the account out for a while, even with the right password", async () => {
    const db = getDb();
    await createUser(db, { username: "target", password: "the real password", role: "viewer" });
    for (let i = 0; i < 5; i++)
      await login(db, { username: "target", password: `guess ${i} guess`, address: `10.9.9.${i}` });
    const r = await login(db, { username: "target", password: "the real password", address: "10.9.9.99" });
    expect(r).toEqual({ ok: false, status: 429, message: "Too many failed attempts. Wait 15 minutes and try again." });
  });

  test("guesses from elsewhere cannot lock out a browser that has signed in before", async () => {
    const db = getDb();
    await createUser(db, { username: "boss", password: "the owner password", role: "editor" });
    const first = await login(db, { username: "boss", password: "the owner password", address: "10.1.1.1" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.device).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    for (let i = 0; i < 8; i++)
      await login(db, { username: "boss", password: `attacker guess ${i}`, address: `10.6.6.${i}` });
    // A new browser is locked out, the owner's own browser is not.
    expect(await login(db, { username: "boss", password: "the owner password", address: "10.6.6.50" })).toMatchObject({
      ok: false,
      status: 429,
    });
    const again = await login(db, {
      username: "boss",
      password: "the owner password",
      address: "10.1.1.1",
      device: first.device,
    });
    expect(again).toMatchObject({ ok: true, device: null });
    // A device token is bound to its account: it does not lift another account's lock.
    await createUser(db, { username: "other", password: "other password!", role: "viewer" });
    for (let i = 0; i < 5; i++)
      await login(db, { username: "other", password: `guess ${i} guess`, address: `10.6.7.${i}` });
    expect(await login(db, { username: "other", password: "other password!", device: first.device })).toMatchObject({
      ok: false,
      status: 429,
    });
  });

  test("without a client address (a proxy that does not name it) there is no shared per-address key to fill", async () => {
    const db = getDb();
    for (let i = 0; i < 25; i++)
      await login(db, { username: `nobody${i}`, password: "some guess here", address: undefined });
    await createUser(db, { username: "behindproxy", password: "a good password", role: "viewer" });
    expect((await login(db, { username: "behindproxy", password: "a good password", address: undefined })).ok).toBe(
      true,
    );
  });

  test("a locked, an unknown and a known account take the same time to refuse", async () => {
    const db = getDb();
    await createUser(db, { username: "timed", password: "timed password 1", role: "viewer" });
    await createUser(db, { username: "lockedtimed", password: "timed password 2", role: "viewer" });
    for (let i = 0; i < 5; i++) await login(db, { username: "lockedtimed", password: `guess ${i} guess` });
    async function time(username: string): Promise<number> {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) await login(db, { username, password: "not the password", address: `10.8.${i}.1` });
      return (performance.now() - t0) / 3;
    }
    const known = await time("timed");
    const unknown = await time("no-such-account");
    const locked = await time("lockedtimed");
    // One bcrypt comparison each (~tens of ms at cost 11): a locked account used to answer at once.
    expect(locked).toBeGreaterThan(known * 0.5);
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  test("an owner (or the CLI) sets a new password: it works, old sessions end, the lock lifts", async () => {
    const db = getDb();
    const u = await createUser(db, { username: "restored", password: "an old password", role: "editor" });
    const s = await login(db, { username: "restored", password: "an old password" });
    for (let i = 0; i < 5; i++) await login(db, { username: "restored", password: `guess ${i} guess` });
    await expect(setPassword(db, u.id, "short")).rejects.toThrow(/10 characters/);
    await setPassword(db, u.id, "a brand new password");
    // The old session must exist to show that it ends (an unchecked `if (s.ok)` passed silently when the login failed).
    expect(s.ok).toBe(true);
    if (s.ok) expect(await getSessionUser(db, s.token)).toBeNull();
    expect((await login(db, { username: "restored", password: "a brand new password" })).ok).toBe(true);
    expect((await login(db, { username: "restored", password: "an old password" })).ok).toBe(false);
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
