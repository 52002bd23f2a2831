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
});
