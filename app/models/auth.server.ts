import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { loginAttempts, sessions, shareLinks, users, type Role, type ShareLink, type User } from "#db/schema";
import type { Db } from "#app/utils/db.server";
import { InputError } from "./articles.server";

export const SESSION_DAYS = 14;
const BCRYPT_COST = 11;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_USER = 5;
const MAX_PER_ADDRESS = 20;
// A real bcrypt hash of a random string, compared when the account does not exist.
const DUMMY_HASH = "$2b$11$/CRLvX4XuywEwyXep72OBOfKzr8G9LhieFUUIzR3VNOrKgwIcdU/W";

export type PublicUser = Pick<User, "id" | "username" | "role" | "createdAt">;

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return Number(row?.n ?? 0);
}

export function validatePassword(password: string): void {
  if (password.length < 10) throw new InputError("Passwords need at least 10 characters.", "password");
  if (password.length > 200) throw new InputError("That password is too long (at most 200 characters).", "password");
}

export async function createUser(
  db: Db,
  input: { username: string; password: string; role: Role },
): Promise<PublicUser> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{2,40}$/.test(username))
    throw new InputError("Usernames are 2–40 letters, digits, dots, dashes or underscores.", "username");
  validatePassword(input.password);
  const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (clash) throw new InputError(`There is already an account “${username}”.`, "username");
  const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
  const [row] = await db.insert(users).values({ username, passwordHash, role: input.role }).returning();
  return { id: row!.id, username: row!.username, role: row!.role, createdAt: row!.createdAt };
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return db
    .select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(users.username);
}

export async function setUserRole(db: Db, id: number, role: Role): Promise<void> {
  if (role !== "owner") await ensureAnotherOwner(db, id);
  const rows = await db.update(users).set({ role }).where(eq(users.id, id)).returning({ id: users.id });
  if (!rows.length) throw new InputError(`No account #${id}.`);
}

export async function deleteUser(db: Db, id: number): Promise<void> {
  await ensureAnotherOwner(db, id);
  const rows = await db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
  if (!rows.length) throw new InputError(`No account #${id}.`);
}

/** An instance must keep at least one owner, or nobody could manage accounts again. */
async function ensureAnotherOwner(db: Db, id: number): Promise<void> {
  const owners = await db.select({ id: users.id }).from(users).where(eq(users.role, "owner"));
  if (owners.length === 1 && owners[0]!.id === id)
    throw new InputError("This is the only owner; make someone else owner first.");
}

export type LoginResult =
  | { ok: true; token: string; user: PublicUser; expires: Date; device: string | null }
  | { ok: false; message: string; status: 401 | 429 };

const DEVICE_DAYS = 180;
const deviceKey = (username: string, device: string) => `k:${username}:${sha256(device)}`;

/**
 * Checks a password with rate limiting (counted in the database, so it holds across restarts and processes).
 * Failures lock an account for 15 minutes only for browsers it has never signed in from: a browser that has
 * (it holds a device cookie) has its own count, so nobody can lock the owner out by guessing. The address
 * limit applies only where the real client address is known. Every answer costs one bcrypt comparison,
 * locked or not, known account or not, so timing reveals neither; the message never says whether the account exists.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; address?: string | null; device?: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const now = Date.now();
  const device = input.device && input.device.length <= 100 ? input.device : null;
  await db.delete(loginAttempts).where(lt(loginAttempts.at, now - WINDOW_MS));
  const known = device
    ? (
        await db
          .select({ id: loginAttempts.id })
          .from(loginAttempts)
          .where(and(eq(loginAttempts.key, deviceKey(username, device)), gt(loginAttempts.at, now)))
      ).length > 0
    : false;
  const failKey = known ? `d:${sha256(device!)}` : `u:${username}`;
  const addrKey = input.address ? `a:${input.address}` : null;
  const keys = addrKey ? [failKey, addrKey] : [failKey];
  const counts = await db
    .select({ key: loginAttempts.key, n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.at, now - WINDOW_MS), inArray(loginAttempts.key, keys)))
    .groupBy(loginAttempts.key);
  const n = (k: string | null) => Number(counts.find((c) => c.key === k)?.n ?? 0);
  const locked = n(failKey) >= MAX_PER_USER || (addrKey !== null && n(addrKey) >= MAX_PER_ADDRESS);
  const [user] = await db.select().from(users).where(eq(users.username, username));
  // Always one comparison (against a dummy hash when there is no such user, or the account is locked).
  const ok = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (locked) return { ok: false, status: 429, message: "Too many failed attempts. Wait 15 minutes and try again." };
  if (!user || !ok) {
    await db.insert(loginAttempts).values(keys.map((key) => ({ key, at: now })));
    return { ok: false, status: 401, message: "That username and password do not match an account." };
  }
  await db.delete(loginAttempts).where(eq(loginAttempts.key, failKey));
  let newDevice: string | null = null;
  if (!known) {
    newDevice = newToken();
    await db.insert(loginAttempts).values({ key: deviceKey(username, newDevice), at: now + DEVICE_DAYS * 86_400_000 });
  }
  const token = newToken();
  const expires = new Date(now + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt: expires.toISOString() });
  return {
    ok: true,
    token,
    expires,
    device: newDevice,
    user: { id: user.id, username: user.username, role: user.role, createdAt: user.createdAt },
  };
}

export const DEVICE_MAX_AGE_S = DEVICE_DAYS * 86_400;

/** Sets a new password (an owner on the accounts page, or `cli user passwd`); signs the account out everywhere and lifts its lock. */
export async function setPassword(db: Db, id: number, password: string): Promise<PublicUser> {
  validatePassword(password);
  const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
  const [row] = await db.update(users).set({ passwordHash }).where(eq(users.id, id)).returning();
  if (!row) throw new InputError(`No account #${id}.`);
  await db.delete(sessions).where(eq(sessions.userId, id));
  await db.delete(loginAttempts).where(eq(loginAttempts.key, `u:${row.username}`));
  return { id: row.id, username: row.username, role: row.role, createdAt: row.createdAt };
}

export async function findUserByName(db: Db, username: string): Promise<PublicUser | null> {
  const [row] = await db
    .select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()));
  return row ?? null;
}

export async function getSessionUser(db: Db, token: string | undefined | null): Promise<PublicUser | null> {
  if (!token) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      createdAt: users.createdAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(eq(sessions.tokenHash, sha256(token)));
  if (!row || row.expiresAt < new Date().toISOString()) return null;
  const { expiresAt: _e, ...user } = row;
  return user;
}

export async function logout(db: Db, token: string | undefined | null): Promise<void> {
  if (token) await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function createShareLink(
  db: Db,
  input: { comparisonId: number; blind: boolean; createdBy: number | null },
): Promise<{ token: string; link: ShareLink }> {
  const token = newToken();
  const [link] = await db
    .insert(shareLinks)
    .values({
      tokenHash: sha256(token),
      comparisonId: input.comparisonId,
      blind: input.blind,
      createdBy: input.createdBy,
    })
    .returning();
  return { token, link: link! };
}

export async function resolveShareLink(db: Db, token: string | undefined | null): Promise<ShareLink | null> {
  if (!token || token.length > 100) return null;
  const [link] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.tokenHash, sha256(token)), isNull(shareLinks.revokedAt)));
  return link ?? null;
}

export async function listShareLinks(db: Db, comparisonId: number): Promise<ShareLink[]> {
  return db.select().from(shareLinks).where(eq(shareLinks.comparisonId, comparisonId)).orderBy(shareLinks.id);
}

export async function revokeShareLink(db: Db, id: number): Promise<void> {
  await db.update(shareLinks).set({ revokedAt: new Date().toISOString() }).where(eq(shareLinks.id, id));
}
