import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getTableColumns, sql } from "drizzle-orm";
import { analyses, articles, comparisons, coverageCandidates, outlets } from "#db/schema";
import { prepareDatabase } from "#db/prepare";
import { SEED_WRITER } from "#app/models/seed.server";
import { importArticle } from "#app/models/articles.server";
import { addArticleToComparison, createComparison } from "#app/models/comparisons.server";
import { BackupError, createBackup, parseBackup, restoreBackup, type Backup } from "#app/models/backup.server";
import type { Db } from "#app/utils/db.server";
import { freshDbUrl, runCli, TMP } from "#tests/utils/processes";

// Backup and restore through the CLI, each run in its own process on its own database file.
const source = freshDbUrl("backup-src");
const target = freshDbUrl("backup-dst");
const files: string[] = [];
const cleanupsLater: (() => void)[] = [];
function tmpFile(name: string): string {
  const f = `${TMP}/${name}-${process.pid}-${Date.now()}.json`;
  files.push(f, `${f}.partial`);
  return f;
}
const first = tmpFile("first");
const second = tmpFile("second");

async function counts(db: Db) {
  const one = async (
    t: typeof articles | typeof outlets | typeof comparisons | typeof coverageCandidates | typeof analyses,
  ) => Number((await db.select({ n: sql<number>`count(*)` }).from(t))[0]?.n);
  return {
    articles: await one(articles),
    outlets: await one(outlets),
    comparisons: await one(comparisons),
    coverage: await one(coverageCandidates),
    analyses: await one(analyses),
  };
}

beforeAll(async () => {
  const db = await prepareDatabase({ url: source.url, seed: SEED_WRITER });
  const ids: number[] = [];
  for (const [town, who] of [
    ["Orlen", "Mayor Tessa Quill"],
    ["Brannock", "Councillor Ivo Marr"],
    ["Sallowby", "Chief Nurse Ada Finch"],
  ] as const) {
    const r = await importArticle(db, {
      text: `The hospital in the fictional town of ${town} will close its night ward, ${who} said on Thursday. "We have no staff left," ${who.split(" ").pop()} said. Unions called it "a betrayal".`,
      title: `${town} night ward to close`,
      outlet: `${town} Courier`,
      url: `https://example.org/${town.toLowerCase()}/ward`,
      published: "2026-03-01",
      origin: "paste",
      fictional: true,
    });
    ids.push(r.article.id);
  }
  const c = await createComparison(db, {
    name: "Night wards (fictional)",
    description: "Three towns, one decision.",
    articleIds: [ids[0]!, ids[1]!],
  });
  await addArticleToComparison(db, c.id, ids[2]!);
  db.$client.close();
}, 30_000);

afterAll(() => {
  source.cleanup();
  target.cleanup();
  for (const f of files) fs.rmSync(f, { force: true });
  cleanupsLater.forEach((c) => c());
});

describe("backup and restore", () => {
  test("backup, restore elsewhere, backup again: equal files apart from createdAt", async () => {
    const b1 = await runCli(["backup", first], { DATABASE_URL: source.url });
    expect(b1.code, b1.stderr).toBe(0);
    const r = await runCli(["restore", first], { DATABASE_URL: target.url });
    expect(r.code, r.stderr).toBe(0);
    const b2 = await runCli(["backup", second], { DATABASE_URL: target.url });
    expect(b2.code, b2.stderr).toBe(0);

    const one = fs.readFileSync(first, "utf8");
    const two = fs.readFileSync(second, "utf8");
    const parsed = JSON.parse(one) as Backup;
    expect(parsed).toMatchObject({ version: 1, format: "parallax-backup", withSecrets: false });
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining([
        "version",
        "createdAt",
        "analyserVersion",
        "outlets",
        "articles",
        "comparisons",
        "coverage",
        "analyses",
      ]),
    );
    expect(parsed.articles.length).toBeGreaterThanOrEqual(7); // demo + 3 tutorial + 3 here
    expect(parsed.coverage.length).toBeGreaterThan(0);
    expect(parsed.analyses.length).toBe(parsed.articles.length);
    const mine = parsed.comparisons.find((c) => c.name === "Night wards (fictional)");
    expect(mine?.members.map((m) => m.position)).toEqual([0, 1, 2]);
    const strip = (s: string) =>
      s.replace(/"createdAt":"[^"]*","analyserVersion"/, '"createdAt":"-","analyserVersion"');
    expect(strip(one)).not.toBe(one);
    expect(strip(two)).toBe(strip(one));
    expect(fs.existsSync(`${first}.partial`)).toBe(false);
  });

  test("every column of the library tables is in the backup (a new column must be added to the format)", async () => {
    const b = parseBackup(fs.readFileSync(first, "utf8"));
    expect(Object.keys(b.articles[0]!).sort()).toEqual(Object.keys(getTableColumns(articles)).sort());
    expect(Object.keys(b.outlets[0]!).sort()).toEqual(Object.keys(getTableColumns(outlets)).sort());
    expect(Object.keys(b.coverage[0]!).sort()).toEqual(Object.keys(getTableColumns(coverageCandidates)).sort());
    expect(Object.keys(b.analyses[0]!).sort()).toEqual(Object.keys(getTableColumns(analyses)).sort());
    const { members: _m, ...comparison } = b.comparisons[0]!;
    expect(Object.keys(comparison).sort()).toEqual(Object.keys(getTableColumns(comparisons)).sort());
  });

  test("restore into a database that holds articles refuses and changes nothing", async () => {
    const db = await prepareDatabase({ url: target.url, seed: false });
    const before = await counts(db);
    const r = await runCli(["restore", first], { DATABASE_URL: target.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs an empty database.*articles \(\d+ rows\)/s);
    expect(await counts(db)).toEqual(before);
    db.$client.close();
  });

  test("a truncated or foreign file refuses with a message and writes nothing", async () => {
    const empty = freshDbUrl("backup-empty");
    try {
      const cut = tmpFile("cut");
      fs.writeFileSync(cut, fs.readFileSync(first, "utf8").slice(0, 5000));
      const wrong = tmpFile("wrong-version");
      fs.writeFileSync(wrong, JSON.stringify({ ...JSON.parse(fs.readFileSync(first, "utf8")), version: 99 }));
      const [rc, rw] = await Promise.all([
        runCli(["restore", cut], { DATABASE_URL: empty.url }),
        runCli(["restore", wrong], { DATABASE_URL: empty.url }),
      ]);
      expect(rc.code).toBe(1);
      expect(rc.stderr).toMatch(/malformed or cut short.*Nothing was written/s);
      expect(rw.code).toBe(1);
      expect(rw.stderr).toContain("format version 99; this Parallax reads version 1");
      expect(fs.existsSync(empty.file)).toBe(false);
    } finally {
      empty.cleanup();
    }
  });

  test("damaged content is caught by validation before anything is written", () => {
    const b = JSON.parse(fs.readFileSync(first, "utf8")) as Backup;
    b.articles[1]!.text += " (edited)";
    b.comparisons[0]!.members.push({ articleId: 99999, position: 9 });
    expect(() => parseBackup(JSON.stringify(b))).toThrow(/does not match its content hash[\s\S]*article 99999/);
    expect(() => parseBackup('{"format":"parallax-backup","version":1}')).toThrow(BackupError);
  });

  test("a backup file is readable by its owner only", () => {
    expect(fs.statSync(first).mode & 0o777).toBe(0o600);
  });

  test("a restore refuses javascript: links, unknown roles and duplicate ids, with a short message", async () => {
    const good = fs.readFileSync(first, "utf8");
    const b = JSON.parse(good) as Backup;
    b.articles[0]!.url = "javascript:alert(1)";
    expect(() => parseBackup(JSON.stringify(b))).toThrow(/http\(s\) address/);
    const c = JSON.parse(good) as Backup;
    c.coverage[0] = { ...c.coverage[0]!, url: "data:text/html,hi" };
    expect(() => parseBackup(JSON.stringify(c))).toThrow(/http\(s\) address/);

    const dup = parseBackup(good);
    dup.articles.push({ ...dup.articles[0]! });
    const empty = freshDbUrl("backup-dup");
    const db = await prepareDatabase({ url: empty.url, seed: false });
    try {
      const err = await restoreBackup(db, dup).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err).toBeInstanceOf(BackupError);
      expect(err!.message).toMatch(/id \d+ twice/);
      expect(err!.message.length).toBeLessThan(300);
      const roles = parseBackup(good);
      roles.users = [{ id: 5, username: "mallory", role: "superuser", created_at: "2026-01-01T00:00:00.000Z" }];
      await expect(restoreBackup(db, roles)).rejects.toThrow(/unknown role/);
    } finally {
      db.$client.close();
      empty.cleanup();
    }
  });

  test("a failure late in the restore rolls back everything written before it", async () => {
    const b = parseBackup(fs.readFileSync(first, "utf8"));
    b.coverage.push({ ...b.coverage[0]! }); // duplicate primary key: fails after articles, analyses and comparisons
    const empty = freshDbUrl("backup-rollback");
    const db = await prepareDatabase({ url: empty.url, seed: false });
    try {
      await expect(restoreBackup(db, b)).rejects.toThrow();
      expect(await counts(db)).toEqual({ articles: 0, outlets: 0, comparisons: 0, coverage: 0, analyses: 0 });
    } finally {
      db.$client.close();
      empty.cleanup();
    }
  });

  test("users are backed up without password hashes unless asked; share links are kept", async () => {
    // Same columns as the accounts migration; "if not exists" so this test does not depend on which one ships.
    const ddl = [
      sql`create table if not exists users (id integer primary key autoincrement not null, username text not null unique, password_hash text not null, role text not null, created_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null)`,
      sql`create table if not exists share_links (id integer primary key autoincrement not null, token_hash text not null unique, comparison_id integer not null references comparisons(id) on delete cascade, blind integer default false not null, created_by integer references users(id) on delete set null, revoked_at text, created_at text default (strftime('%Y-%m-%dT%H:%M:%fZ','now')) not null)`,
    ];
    const hash = "$2b$10$fictionalfictionalfictionalfictionalfictionalfictional";
    const src = freshDbUrl("backup-users");
    const db = await prepareDatabase({ url: src.url, seed: false });
    const dbs: Db[] = [db];
    try {
      for (const q of ddl) await db.run(q);
      await db.run(
        sql`insert into users (id, username, password_hash, role, created_at) values (1, 'ines.owner', ${hash}, 'owner', '2026-01-01T00:00:00.000Z')`,
      );
      const c = await createComparison(db, { name: "Shared with a class" });
      await db.run(
        sql`insert into share_links (id, token_hash, comparison_id, blind, created_by, created_at) values (7, 'abc123', ${c.id}, 1, 1, '2026-01-02T00:00:00.000Z')`,
      );

      const plain = await createBackup(db);
      expect(plain.users).toEqual([
        { id: 1, username: "ines.owner", role: "owner", created_at: "2026-01-01T00:00:00.000Z" },
      ]);
      expect(JSON.stringify(plain)).not.toContain(hash);
      expect(plain.shareLinks).toEqual([
        {
          id: 7,
          token_hash: "abc123",
          comparison_id: c.id,
          blind: 1,
          created_by: 1,
          revoked_at: null,
          created_at: "2026-01-02T00:00:00.000Z",
        },
      ]);
      const secret = await createBackup(db, { withSecrets: true });
      expect(secret.users?.[0]).toMatchObject({ password_hash: hash });
      expect(secret.withSecrets).toBe(true);

      for (const [backup, expected, locked] of [
        [secret, hash, 0],
        [plain, "!", 1],
      ] as const) {
        const dst = freshDbUrl("backup-users-dst");
        cleanupsLater.push(dst.cleanup);
        const db2 = await prepareDatabase({ url: dst.url, seed: false });
        dbs.push(db2);
        for (const q of ddl) await db2.run(q);
        const n = await restoreBackup(db2, parseBackup(JSON.stringify(backup)));
        expect(n).toMatchObject({ users: 1, shareLinks: 1, lockedUsers: locked });
        const rows = (await db2.$client.execute("select username, password_hash from users")).rows.map((r) => ({
          ...r,
        }));
        expect(rows).toEqual([{ username: "ines.owner", password_hash: expected }]);
        expect(
          (await db2.$client.execute("select token_hash, comparison_id from share_links")).rows.map((r) => ({ ...r })),
        ).toEqual([{ token_hash: "abc123", comparison_id: c.id }]);
        // A second restore finds the library and refuses.
        await expect(
          restoreBackup(
            db2,
            parseBackup(
              JSON.stringify({
                ...backup,
                outlets: [],
                articles: [],
                analyses: [],
                comparisons: [],
                coverage: [],
                shareLinks: [],
              }),
            ),
          ),
        ).rejects.toThrow(/needs an empty database/);
      }
    } finally {
      for (const d of dbs) d.$client.close();
      src.cleanup();
    }
  });
});
