import { vi } from "vitest";

/** Runs a CLI command's `run(argv)` in this process, capturing what it writes to stdout and console.error. */
export async function captureCli(
  run: (argv: string[]) => Promise<number>,
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi
    .spyOn(process.stdout, "write")
    .mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const e = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await run(argv);
    return { code, out: out.join(""), err: err.join("\n") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
