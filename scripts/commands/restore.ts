// `cli restore FILE`: brings a backup into an empty database (DATABASE_URL), keeping ids, in one transaction.
// The file is read and validated in full before the database is touched.
import fs from "node:fs";
import { prepareDatabase } from "#db/prepare";
import { BackupError, parseBackup, restoreBackup } from "#app/models/backup.server";

const USAGE = "usage: restore FILE";

export async function run(argv: string[]): Promise<number> {
  const files = argv.filter((a) => !a.startsWith("-"));
  const options = argv.filter((a) => a.startsWith("-"));
  if (options.length || files.length !== 1) {
    console.error(`restore: ${options.length ? `unknown option "${options[0]}"` : "one file, please"}\n${USAGE}`);
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    console.error(`restore: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  let backup;
  try {
    backup = parseBackup(text);
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(`restore: ${file}: ${e.message}\nNothing was written.`);
      return 1;
    }
    throw e;
  }
  const db = await prepareDatabase({ seed: false });
  try {
    const n = await restoreBackup(db, backup);
    console.error(
      `restore: ${n.articles} articles, ${n.outlets} outlets, ${n.comparisons} comparisons, ${n.coverage} coverage rows, ${n.analyses} analyses` +
        (backup.users ? `, ${n.users} users` : "") +
        (backup.shareLinks ? `, ${n.shareLinks} share links` : "") +
        ` (backup of ${backup.createdAt}, analyser ${backup.analyserVersion})`,
    );
    if (n.lockedUsers)
      console.error(
        `restore: ${n.lockedUsers} account(s) came without password hashes and are locked until an owner sets new passwords.`,
      );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(`restore: ${e.message}\nNothing was written.`);
      return 1;
    }
    throw e;
  } finally {
    db.$client.close();
  }
}
