import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { allowedHosts, checkHost, isLoopbackHost, parseOrigins } from "#app/utils/host.server";
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
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: "0.0.0.0",
      DATABASE_URL: `file:${file}`,
      PARALLAX_SEED: "0",
    };
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

describe("the Host allow-list (DNS rebinding)", () => {
  const loopbackOnly = allowedHosts({ bindHost: "127.0.0.1", origins: [] });
  const published = allowedHosts({
    bindHost: "0.0.0.0",
    origins: parseOrigins("https://parallax.example.org, http://10.0.0.5:8080"),
  });

  test.each(["127.0.0.1:3000", "localhost:3000", "LOCALHOST", "[::1]:3000", "127.0.0.1"])("%s is served", (host) => {
    expect(checkHost(host, loopbackOnly)).toEqual({ ok: true });
  });

  test.each([
    "evil.example:3000",
    "rebind.evil.example",
    "localhost.evil.example",
    "127.0.0.1.evil.example",
    "parallax.example.org",
  ])("%s is refused with 421 when no public origin is configured", (host) => {
    const r = checkHost(host, loopbackOnly);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status).toBe(421);
      expect(r.message).toContain("PARALLAX_ORIGIN");
    }
  });

  test.each([undefined, "", "a b", "evil.example:3000/x", "user@evil.example"])(
    "a missing or malformed Host (%s) is a 400",
    (host) => {
      const r = checkHost(host, loopbackOnly);
      expect(r.ok ? 200 : r.status).toBe(400);
    },
  );

  test("PARALLAX_ORIGIN adds its hosts, and nothing else", () => {
    expect(checkHost("parallax.example.org", published).ok).toBe(true);
    expect(checkHost("Parallax.Example.Org:443", published).ok).toBe(true);
    expect(checkHost("10.0.0.5:8080", published).ok).toBe(true);
    expect(checkHost("localhost:3000", published).ok).toBe(true);
    expect(checkHost("evil.example", published).ok).toBe(false);
    expect(checkHost("0.0.0.0", published).ok).toBe(false);
  });

  test("a bad PARALLAX_ORIGIN fails at start with a message", () => {
    expect(() => parseOrigins("ftp://x.example")).toThrow(/PARALLAX_ORIGIN/);
    expect(() => parseOrigins("not a url")).toThrow(/PARALLAX_ORIGIN/);
  });
});
