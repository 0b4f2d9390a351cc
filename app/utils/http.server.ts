import { data } from "@remix-run/node";

/** Throws a 404 Response (rendered by the error boundary) unless the condition holds. */
export function invariantResponse(condition: unknown, message: string, status = 404): asserts condition {
  if (!condition) throw data(message, { status });
}

/** Parses a positive integer id from a route param, or 404s. */
export function parseId(raw: string | undefined, what: string): number {
  const id = raw && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  invariantResponse(Number.isSafeInteger(id) && id > 0, `No ${what} with id “${raw ?? ""}”.`);
  return id;
}
