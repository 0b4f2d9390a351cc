import { createContext, useContext } from "react";

// The per-request CSP nonce, so Remix's own inline scripts may run and nothing else inline can.
export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string {
  return useContext(NonceContext);
}
