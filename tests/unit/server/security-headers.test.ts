import { describe, expect, it } from "vitest";
import { makeNonce, securityHeaders } from "#app/utils/security-headers.server";

describe("CSP nonces", () => {
  it("are 16 random bytes in base64, and never repeat across many pools", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const n = makeNonce();
      expect(Buffer.from(n, "base64")).toHaveLength(16);
      seen.add(n);
    }
    expect(seen.size).toBe(5000);
  });

  it("name the nonce in script-src and nothing inline beyond it", () => {
    const h = securityHeaders("abc123");
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    const scriptSrc = h["Content-Security-Policy"]!.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });
});
