import { createHash } from "node:crypto";

/**
 * SHA-256 of the clean text for exact-duplicate checks. NFC and whitespace-normalised first, so the
 * same words pasted from two editors hash alike; the stored text itself is never changed.
 */
export function contentHash(text: string): string {
  const key = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(key, "utf8").digest("hex");
}
