import { describe, expect, test } from "vitest";
import { cookie, decideAccess, isCrossSite, parseCookies, routePath, type AccessInput } from "#app/utils/access";

const base: AccessInput = { method: "GET", path: "/", search: "", authEnabled: true, user: null, share: null };

describe("who may do what", () => {
  test("without accounts everything is open", () => {
    expect(decideAccess({ ...base, authEnabled: false, method: "POST", path: "/accounts" })).toEqual({ type: "next" });
  });

  test("strangers are sent to sign in, except for the login page, share links and assets", () => {
    expect(decideAccess(base)).toEqual({ type: "login" });
    expect(decideAccess({ ...base, method: "POST", path: "/articles/new" }).type).toBe("forbidden");
    for (const path of ["/login", "/s/abcDEF-_123", "/assets/app-123.js", "/favicon.svg"])
      expect(decideAccess({ ...base, path })).toEqual({ type: "next" });
  });

  test("viewers read, editors change, owners manage accounts", () => {
    const viewer = { role: "viewer" as const };
    const editor = { role: "editor" as const };
    const owner = { role: "owner" as const };
    expect(decideAccess({ ...base, user: viewer, path: "/comparisons/3" }).type).toBe("next");
    expect(decideAccess({ ...base, user: viewer, method: "POST", path: "/comparisons/3" }).type).toBe("forbidden");
    expect(decideAccess({ ...base, user: viewer, method: "POST", path: "/logout" }).type).toBe("next");
    expect(decideAccess({ ...base, user: editor, method: "POST", path: "/articles/new" }).type).toBe("next");
    expect(decideAccess({ ...base, user: editor, path: "/accounts" }).type).toBe("forbidden");
    expect(decideAccess({ ...base, user: editor, path: "/accounts.data" }).type).toBe("forbidden");
    expect(decideAccess({ ...base, user: owner, method: "POST", path: "/accounts" }).type).toBe("next");
  });

  test("a share link opens one comparison, read-only, and forces blind mode when it says so", () => {
    const share = { comparisonId: 7, blind: true };
    expect(decideAccess({ ...base, share, path: "/comparisons/7", search: "?blind=1" })).toEqual({ type: "next" });
    expect(decideAccess({ ...base, share, path: "/comparisons/7", search: "?cols=1,2&blind=0" })).toEqual({
      type: "rewrite",
      search: "?cols=1%2C2&blind=1",
    });
    expect(decideAccess({ ...base, share, path: "/comparisons/7.data", search: "" })).toEqual({
      type: "rewrite",
      search: "?blind=1",
    });
    expect(decideAccess({ ...base, share, path: "/comparisons/7/export/voices.csv", search: "?blind=1" }).type).toBe(
      "next",
    );
    expect(decideAccess({ ...base, share, path: "/comparisons/8" }).type).toBe("login");
    expect(decideAccess({ ...base, share, path: "/articles/1" }).type).toBe("login");
    expect(decideAccess({ ...base, share, method: "POST", path: "/comparisons/7", search: "?blind=1" }).type).toBe(
      "forbidden",
    );
  });

  test("data requests map to their routes", () => {
    expect(routePath("/_root.data")).toBe("/");
    expect(routePath("/comparisons/3.data")).toBe("/comparisons/3");
  });
});

describe("cross-site requests", () => {
  const own = ["http://127.0.0.1:3000"];
  test("a form posted from another site is refused; our own and non-browser clients pass", () => {
    expect(isCrossSite("POST", { origin: "http://evil.test" }, own)).toBe(true);
    expect(isCrossSite("POST", { secFetchSite: "cross-site" }, own)).toBe(true);
    expect(isCrossSite("POST", { origin: "null" }, own)).toBe(true);
    expect(isCrossSite("POST", { origin: "http://127.0.0.1:3000", secFetchSite: "same-origin" }, own)).toBe(false);
    expect(isCrossSite("POST", {}, own)).toBe(false);
    expect(isCrossSite("GET", { origin: "http://evil.test" }, own)).toBe(false);
  });
});

describe("cookies", () => {
  test("parsing tolerates junk", () => {
    expect(parseCookies("a=1; b=%E2%9C%93; bad; c=%E0%A4%A")).toEqual({ a: "1", b: "✓" });
  });
  test("session cookies are HttpOnly, SameSite=Lax, and Secure on https", () => {
    expect(cookie("s", "v", { secure: true })).toBe("s=v; Path=/; HttpOnly; SameSite=Lax; Secure");
  });
});

describe("access decisions ignore the case and spelling of a path", () => {
  const viewer = { role: "viewer" as const };
  test.each([
    "/ACCOUNTS",
    "/Accounts.data",
    "/accounts/",
    "/%61ccounts",
    "//accounts",
    "/AcCounts/3.data",
    "/accounts%2F",
  ])("%s is owner-only, as /accounts is", (path) => {
    expect(decideAccess({ ...base, user: viewer, path }).type).toBe("forbidden");
    expect(decideAccess({ ...base, user: { role: "owner" }, path }).type).toBe("next");
  });
  test("the normalised path", () => {
    expect(routePath("/Comparisons/3.DATA")).toBe("/comparisons/3");
    expect(routePath("/ACCOUNTS/")).toBe("/accounts");
  });
  test("Remix's route discovery is open, so the login and share pages load their routes without a console error", () => {
    expect(decideAccess({ ...base, path: "/__manifest", search: "?p=%2Flogin&version=abc" })).toEqual({ type: "next" });
  });
});

describe("duplicate cookies", () => {
  test("the first of two cookies with one name wins", () => {
    expect(parseCookies("parallax_session=real; parallax_session=planted").parallax_session).toBe("real");
  });
});
