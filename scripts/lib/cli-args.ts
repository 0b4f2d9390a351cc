// The argument parsing the CLI's commands share: flags with or without a value (`--name X` or `--name=X`),
// positionals in order, and the exit code 2 with a message for anything malformed. Each command keeps its
// own wording: a flag's check returns the whole message, and so does `unknown`.
import { prepareDatabase } from "#db/prepare";
import type { Db } from "#db/client";

export type FlagSpec = { value: false } | { value: true; check?: (v: string | undefined) => string | null };

export type ParsedArgs =
  { ok: true; flags: Map<string, string | true>; positionals: string[] } | { ok: false; message: string };

export function parseArgs(
  argv: string[],
  spec: Record<string, FlagSpec>,
  unknown: (arg: string) => string,
): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const s = spec[flag];
    if (!s) return { ok: false, message: unknown(a) };
    if (!s.value) {
      flags.set(flag, true);
      continue;
    }
    const v = inline ?? argv[++i];
    const problem = s.check?.(v) ?? (v === undefined ? `${flag} needs a value` : null);
    if (problem) return { ok: false, message: problem };
    flags.set(flag, v!);
  }
  return { ok: true, flags, positionals };
}

/** Opens the database named by DATABASE_URL for one command, and closes it whatever happens. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await prepareDatabase({ seed: false });
  try {
    return await fn(db);
  } finally {
    db.$client.close();
  }
}
