import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const baseUrl = "http://localhost:3000";

describe("safeRedirect (next-auth's redirect callback)", () => {
  it("keeps paths and URLs on this site", () => {
    expect(safeRedirect({ url: "/admin/articles", baseUrl })).toBe("http://localhost:3000/admin/articles");
    expect(safeRedirect({ url: "http://localhost:3000/admin", baseUrl })).toBe("http://localhost:3000/admin");
  });

  it("sends everything else home, including values that are not URLs (issue 10: these answered 500)", () => {
    for (const url of ["https://evil.example/", "//evil.example", "\u0000", "http://[", "javascript:alert(1)", "/a\u0000b"]) {
      expect(safeRedirect({ url, baseUrl })).toBe(baseUrl);
    }
  });
});
