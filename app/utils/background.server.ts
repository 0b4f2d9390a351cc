import os from "node:os";

/**
 * Background work (bulk imports, re-analysis) gives way to page rendering: this lowers the calling process's
 * CPU priority (its nice value) so that, when both want the processor, the server's pages come first. The
 * work still uses all the CPU nobody else wants. Returns the niceness now in force, or null where the
 * platform refuses (the work then runs at normal priority, which is only slower for readers, never wrong).
 */
export function yieldCpuToPages(niceness = 10): number | null {
  try {
    const now = os.getPriority(0);
    if (now < niceness) os.setPriority(0, niceness);
    return os.getPriority(0);
  } catch {
    return null;
  }
}
