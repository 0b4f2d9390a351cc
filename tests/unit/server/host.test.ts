import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { isLoopbackHost } from "#app/utils/host.server";
import { securityHeaders } from "#app/utils/security-headers.server";

describe("binding", () => {
  test.each([
    ["127.0.0.1", true],
    ["127.8.9.1", true],
    ["::1", true],
    ["[::1]", true],
    ["localhost", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.20", false],
    ["example.org", false],
  ])("%s is loopback: %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });

  test("npm start refuses a public bind without access control, at once and with a message", () => {
    const file = `tests/.tmp/no-accounts-${process.pid}-${Date.now()}.db`;
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: "0.0.0.0", DATABASE_URL: `file:${file}`, PARALLAX_SEED: "0" };
    for (const k of Object.keys(env)) if (k.startsWith("VITEST")) delete env[k];
    try {
      const r = spawnSync("node_modules/.bin/tsx", ["scripts/server.ts"], { env, encoding: "utf8", timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("Refusing to listen on 0.0.0.0");
      expect(r.stderr).toContain("user add");
    } finally {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    }
  }, 40_000);
});

describe("security headers", () => {
  test("scripts only from self and the nonce; no framing; no sniffing", () => {
    const h = securityHeaders("abc123");
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc123'");
    expect(h["Content-Security-Policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
  });
});
