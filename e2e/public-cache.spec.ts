import { expect, test } from "./fixtures";
import { reference } from "./support/reference-story";

test.describe("public page cache", () => {
  test("a cached page comes back with its own nonce in the CSP and on every script", async ({ request }) => {
    await request.get(reference.path);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await request.get(reference.path);
      const headers = response.headers();
      expect(headers["x-newsdesk-cache"]).toBe("HIT");
      expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=10, stale-if-error=86400");
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1] ?? "";
      expect(nonce).not.toBe("");
      const html = await response.text();
      const scriptNonces = new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));
      expect(scriptNonces).toEqual(new Set([nonce]));
      seen.add(nonce);
    }
    expect(seen.size).toBe(3);
  });

  test("a page served from the cache runs its scripts under the CSP", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto("/news/economy");
    const response = await page.goto("/news/economy");
    expect(response?.headers()["x-newsdesk-cache"]).toBe("HIT");
    // Next.js sets window.next once its (nonce-carrying) bootstrap has run.
    await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
    expect(problems).toEqual([]);
  });

  test("feeds are cached with an ETag and answer conditional requests with 304", async ({ request }) => {
    await request.get("/feed.xml");
    const response = await request.get("/feed.xml");
    const etag = response.headers()["etag"];
    expect(etag).toBeTruthy();
    const conditional = await request.get("/feed.xml", { headers: { "if-none-match": etag ?? "" } });
    expect(conditional.status()).toBe(304);
  });
});
