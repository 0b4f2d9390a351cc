import "@remix-run/node";
import type { Role } from "#db/schema";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    user?: { id: number; username: string; role: Role } | null;
    authEnabled?: boolean;
    clientAddress?: string;
    secure?: boolean;
  }
}
