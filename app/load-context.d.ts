import "@remix-run/node";
import type { Role } from "#db/schema";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    user?: { id: number; username: string; role: Role } | null;
    authEnabled?: boolean;
    clientAddress?: string;
    secure?: boolean;
    /**
     * Set by the page cache while it renders a comparison page: the page hands back which focus tokens are real
     * numbers of the comparison, so that made-up ones share one cache entry (see response-cache.server.ts).
     */
    registerFocusCheck?: (check: (token: string) => boolean) => void;
  }
}
