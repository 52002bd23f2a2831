import { describe, expect, it } from "vitest";
import { baseSecurityHeaders } from "./headers";

describe("security headers (finding 7: no HSTS over https)", () => {
  it("sends HSTS for two years, subdomains included, when the site is served over https", () => {
    expect(baseSecurityHeaders(false, "https://news.example")["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(baseSecurityHeaders(true, "https://news.example")["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("leaves it out over plain http (a local install)", () => {
    expect(baseSecurityHeaders(false, "http://localhost:3000")).not.toHaveProperty("Strict-Transport-Security");
  });
});
