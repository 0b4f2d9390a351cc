import { inject } from "vitest";
import { chromium, type Browser } from "playwright-core";

export const e2e = inject("e2e");

/** Debian's chromium, never a downloaded browser; flags keep it off the (closed) network. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: e2e.chromium,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

if (e2e.skipReason) console.warn(`[e2e] browser tests skipped: ${e2e.skipReason}`);
