const ESCAPES: Record<string, string> = { '"': "&quot;", "'": "&#x27;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Text or an attribute value escaped as React's server render escapes it, for markup written without React that
 * must equal React's (the reader's columns, the focus note, a number's first view from its template).
 */
export function escapeHtml(s: string): string {
  return /["'&<>]/.test(s) ? s.replace(/["'&<>]/g, (c) => ESCAPES[c]!) : s;
}
