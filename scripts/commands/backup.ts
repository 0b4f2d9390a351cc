// `cli backup FILE [--with-secrets]`: the whole library as one versioned JSON file (see app/models/backup.server.ts).
// Written to FILE.partial and renamed, so a crash never leaves a half-written backup under FILE.
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "#db/prepare";
import { createBackup } from "#app/models/backup.server";

const USAGE = "usage: backup FILE [--with-secrets]";

export async function run(argv: string[]): Promise<number> {
  let file: string | undefined;
  let withSecrets = false;
  for (const a of argv) {
    if (a === "--with-secrets") withSecrets = true;
    else if (a.startsWith("-")) {
      console.error(`backup: unknown option "${a}"\n${USAGE}`);
      return 2;
    } else if (file) {
      console.error(`backup: one file only\n${USAGE}`);
      return 2;
    } else file = a;
  }
  if (!file) {
    console.error(`backup: which file?\n${USAGE}`);
    return 2;
  }
  const db = await prepareDatabase({ seed: false });
  try {
    const backup = await createBackup(db, { withSecrets });
    const target = path.resolve(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    // Owner-only: a backup may hold password hashes and unpublished texts.
    fs.writeFileSync(partial, JSON.stringify(backup) + "\n", { mode: 0o600 });
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    const users =
      (backup.users
        ? `, ${backup.users.length} users${withSecrets ? " (with password hashes)" : " (without password hashes)"}`
        : "") + (backup.shareLinks ? `, ${backup.shareLinks.length} share links` : "");
    console.error(
      `backup: wrote ${file}: ${backup.articles.length} articles, ${backup.outlets.length} outlets, ${backup.comparisons.length} comparisons, ` +
        `${backup.coverage.length} coverage rows, ${backup.analyses.length} analyses${users}`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}
