import { resolveShareLink } from "#app/models/auth.server";
import { parseCookies, SHARE_COOKIE } from "#app/utils/access";
import type { Db } from "#app/utils/db.server";

export interface ShareSession {
  blind: boolean;
}

/**
 * A reader who came in by a share link for this comparison and is not signed in. Whatever the access mode
 * (with accounts off nothing else stops them), a blind link keeps them blind: the page refuses to reveal,
 * shows no editing, and the exports stay blinded. Signed-in users read as themselves.
 */
export async function shareSession(
  db: Db,
  request: Request,
  user: unknown,
  comparisonId: number,
): Promise<ShareSession | null> {
  if (user) return null;
  const token = parseCookies(request.headers.get("cookie") ?? undefined)[SHARE_COOKIE];
  if (!token) return null;
  const link = await resolveShareLink(db, token);
  if (!link || link.comparisonId !== comparisonId) return null;
  return { blind: link.blind };
}
