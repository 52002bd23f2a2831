import { expect, test } from "./fixtures";
import { reference } from "./support/reference-story";

/** A demo story tagged cop29 under a staff byline (the author's own name). */
const staffStory = "Climate-themed art exhibition to open during COP29";

test.describe("reader journeys", () => {
  test("home → section → article → tag → author → search", async ({ page, homePage, articlePage, siteSearch }) => {
    await homePage.goto();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Foreign policy" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foreign policy");

    await page.getByRole("region", { name: "Latest in Foreign policy" }).getByRole("link", { name: reference.title }).click();
    await expect(page).toHaveURL(reference.path);
    await expect(articlePage.headline).toHaveText(reference.title);
    await expect(articlePage.dateLabelled("Published")).toHaveText(reference.dateline);
    // A wire byline names the agency, not a person: no author page to link.
    await expect(articlePage.byline()).toHaveText("By Report");
    await expect(articlePage.bylineLink()).toHaveCount(0);

    await articlePage.tags.getByRole("link", { name: "cop29" }).click();
    await expect(page).toHaveURL("/tags/cop29");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("cop29");
    await page.getByRole("main").getByRole("link", { name: staffStory }).click();

    const author = (await articlePage.bylineLink().textContent()) ?? "";
    await articlePage.bylineLink().click();
    await expect(page).toHaveURL(/\/authors\/[a-z-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(author);
    await expect(page.getByRole("main").getByRole("link", { name: staffStory })).toBeVisible();

    await siteSearch.search("Belgrade consultations");
    await expect(page).toHaveURL(/\/search\?q=Belgrade\+consultations/);
    const hit = siteSearch.result(reference.title);
    await expect(hit).toHaveCount(1);
    await expect(hit.locator("mark").first()).toBeVisible();
    await expect(hit.locator("mark", { hasText: /^Belgrade$/i }).first()).toBeVisible();
    await hit.getByRole("link", { name: reference.title }).click();
    await expect(page).toHaveURL(reference.path);
  });

  test("search explains an empty result and survives odd input", async ({ page }) => {
    for (const query of ['"', "<script>alert(1)</script>", "zzzxqv nothing matches"]) {
      const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: "No stories found" })).toBeVisible();
      await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
    }
    await page.goto("/search");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the news");
    expect((await page.goto("/search?q=serbia&page=99"))?.status()).toBe(404);
  });

  test("list pages past the end, or with a malformed page number, are 404s", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    for (const path of ["/news/foreign-policy?page=50", "/news/foreign-policy?page=abc", "/tags/cop29?page=2", "/authors/no-such-person", "/tags/no-such-tag"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("main").getByRole("searchbox", { name: "Search the news" })).toBeVisible();
    }
    expect(errors).toEqual([]);
  });

  test("pages are accessible: language, landmarks, skip link, labelled search", async ({ page }) => {
    for (const path of ["/", reference.path, "/news/economy", "/search?q=oil"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("banner")).toHaveCount(1);
      await expect(page.getByRole("main")).toHaveCount(1);
      await expect(page.getByRole("contentinfo")).toHaveCount(1);
      await expect(page.getByRole("navigation", { name: "Sections", exact: true })).toBeVisible();
      await expect(page.getByRole("search").first()).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    }
    await page.goto(reference.path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await skip.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test("the site is readable and searchable without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(reference.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reference.title);
    await expect(page.getByRole("article").getByText(reference.lead, { exact: true })).toBeVisible();
    const box = page.getByRole("banner").getByRole("searchbox", { name: "Search the news" });
    await box.fill("Serbia");
    await box.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “Serbia”");
    // Even a missing story's page is server-rendered, header and all.
    const missing = await page.goto("/news/world/no-such-story");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections", exact: true })).toBeVisible();
    await context.close();
  });
});
