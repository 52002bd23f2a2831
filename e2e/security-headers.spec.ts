import { expect, test } from "./fixtures";
import { reference } from "./support/reference-story";

test.describe("security headers", () => {
  test("public pages carry a nonce CSP and hydrate without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    const response = await page.goto(reference.path);
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Client-side navigation only works once React has hydrated under the CSP.
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Economy" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Economy");
    expect(violations).toEqual([]);
  });

  test("every response gets its own nonce", async ({ request }) => {
    const first = (await request.get("/")).headers()["content-security-policy"];
    const second = (await request.get("/")).headers()["content-security-policy"];
    expect(first).not.toEqual(second);
  });

  test("the admin and sign-in pages may not be framed, are never cached, and the session cookie is locked down", async ({ pageAs }) => {
    const page = await pageAs("admin");
    for (const path of ["/admin", "/admin/users", "/login"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      const scriptSrc = headers["content-security-policy"]?.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(scriptSrc, path).not.toContain("unsafe-inline");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["cache-control"], path).toContain("no-store");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    }
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ name: "__Secure-next-auth.session-token", secure: true, httpOnly: true, sameSite: "Lax" });
  });

  test("a visitor turned away from the admin gets the security headers too", async ({ request }) => {
    const response = await request.get("/admin/users", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/login?callbackUrl=%2Fadmin%2Fusers");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
