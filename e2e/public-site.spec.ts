import { expect, test } from "./fixtures";
import { reference } from "./support/reference-story";

test.describe("public site", () => {
  test("home lists the reference story among the latest news", async ({ homePage, page }) => {
    await homePage.goto();
    const items = homePage.latestNews.getByRole("listitem");
    expect(await items.count()).toBeGreaterThanOrEqual(20);
    const item = items.filter({ hasText: reference.title });
    await expect(item).toHaveCount(1);
    await expect(item.locator("time")).toHaveText("17:40");
    await expect(item.getByRole("link", { name: reference.sectionName })).toBeVisible();
    await item.getByRole("link", { name: reference.title }).click();
    await expect(page).toHaveURL(reference.path);
  });

  test("the reference story shows every part as the agency published it", async ({ articlePage, page }) => {
    const response = await articlePage.goto(reference.path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(new RegExp(reference.title));
    await expect(articlePage.headline).toHaveText(reference.title);
    await expect(articlePage.sectionLink(reference.sectionName)).toHaveAttribute("href", "/news/foreign-policy");
    await expect(articlePage.publicationTime()).toHaveText(reference.dateline);
    await expect(articlePage.publicationTime()).toHaveAttribute("datetime", reference.isoDateTime);
    await expect(articlePage.paragraph(reference.lead)).toBeVisible();
    for (const paragraph of reference.paragraphs) await expect(articlePage.paragraph(paragraph)).toBeVisible();
    await expect(articlePage.article).toContainText("citing Azerbaijani Ministry of Foreign Affairs");
    await expect(articlePage.latestNews.getByRole("heading", { name: "Latest news" })).toBeVisible();
    expect(await articlePage.latestNews.getByRole("listitem").count()).toBeGreaterThanOrEqual(10);
    await expect(articlePage.article.getByText("Ctrl")).toBeVisible();
  });

  test("a section page lists only its stories", async ({ page }) => {
    await page.goto("/news/foreign-policy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Foreign policy");
    const list = page.getByRole("region", { name: "Latest in Foreign policy" });
    await expect(list.getByRole("link", { name: reference.title })).toBeVisible();
    await expect(list.getByRole("link", { name: /oil|Azeri Light/i })).toHaveCount(0);
  });

  test("an unknown story or section is a proper 404", async ({ page }) => {
    for (const path of ["/news/foreign-policy/no-such-story", "/news/no-such-section", "/no-such-page"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("a story filed under another section redirects to its own address", async ({ page }) => {
    const response = await page.request.get(`/news/world/${reference.slug}`, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers()["location"]).toBe(reference.path);
  });
});
