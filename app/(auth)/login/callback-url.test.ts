import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("callback URLs after sign-in (finding 1: open redirect)", () => {
  it.each(["/admin", "/admin/articles?status=DRAFT", "/admin/account#sessions", "/news/economy/some-story"])("keeps the same-site path %s", (path) => {
    expect(safeCallbackUrl(path)).toBe(path);
  });

  it.each([
    "/\t/evil.example",
    "/%09/evil.example",
    "%2F%09%2Fevil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "\\\\evil.example",
    "//evil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "/%252F/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "http:/evil.example",
    "evil.example",
    "/%E0%A4%A",
    "",
    null,
    undefined,
  ])("refuses %j and falls back to the dashboard", (value) => {
    expect(safeCallbackUrl(value)).toBe("/admin");
  });
});
