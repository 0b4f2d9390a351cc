import { data } from "@remix-run/node";
import { STORAGE_MESSAGES, StorageError } from "#db/client";

/** Throws a 404 Response (rendered by the error boundary) unless the condition holds. */
export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw data(message, { status });
}

/**
 * Throws a 4xx with a plain-text message. A Response, not `data()`, so that resource routes answer with the message
 * too (Remix turns a `data()` thrown there into "Unexpected Server Error"); page routes show it in their error boundary.
 */
export function refuse(message: string, status: number): never {
  throw new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Parses a positive integer id from a route param, or 404s. */
export function parseId(raw: string | undefined, what: string): number {
  const id = raw && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  invariantResponse(Number.isSafeInteger(id) && id > 0, `No ${what} with id “${raw ?? ""}”.`);
  return id;
}

/**
 * Reads and discards a request body. A route that refuses a request before reading its body must do this: a
 * keep-alive connection with unread bytes gets reset, and the browser shows a network error instead of the refusal.
 */
export async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  for (;;) if ((await reader.read()).done) return;
}

/**
 * The posted form, or a clear 4xx: 415 when the body is not a web form (JSON, plain text), 413 when it is over
 * `maxBytes` (also when no Content-Length was declared: at most `maxBytes` is ever held), 400 when it is malformed.
 */
export async function readForm(request: Request, maxBytes = 2 * 1024 * 1024): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type)) {
    await discardBody(request);
    refuse("This address takes a web form (application/x-www-form-urlencoded or multipart/form-data).", 415);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size <= maxBytes) chunks.push(value);
    }
  }
  if (size > maxBytes)
    refuse(`The request is over ${Math.round(maxBytes / (1024 * 1024))} MB; nothing was stored.`, 413);
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": type } }).formData();
  } catch {
    refuse("The form could not be read (the request was cut short or malformed); nothing was stored.", 400);
  }
}

/**
 * The message of a write the storage refused (disk full, read-only, I/O error; see db/client.ts), or null for any
 * other error. A form's action catches these to answer 507 with the form and what was typed in it kept.
 */
export async function storageRefusal(e: unknown): Promise<string | null> {
  if (e instanceof StorageError || (e instanceof Error && e.name === "StorageError")) return e.message;
  if (e instanceof Response && e.status === 507) return (await e.clone().text()) || STORAGE_MESSAGES.full;
  return null;
}
