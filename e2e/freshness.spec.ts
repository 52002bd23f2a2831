import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { freshnessTarget } from "./support/e2e-env";
import { addSection, changeStorySlug, editStoryTitle, fileStory, unpublishStory } from "./support/newsroom-db";

const target = freshnessTarget();

/**
 * Readers must see an editor's change within a second, with nothing but
 * the change itself: these journeys change the database the way the admin
 * does and reload exactly once, one second later.
 */
test.describe("freshness", () => {
  test.skip(!target, "needs PostgreSQL (TEST_DATABASE_URL): the embedded database allows no second writer");
  test.use({ baseURL: target?.baseURL });

  /** One reload, `delayMs` after `since`. */
  async function reloadAfter(page: Page, since: number, delayMs = 1000) {
    const wait = since + delayMs - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    return page.reload();
  }

  function unique(prefix: string): string {
    return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  }

  test("an editor publishes and a reader's reload shows it within 1 second", async ({ page }) => {
    const slug = unique("breaking");
    const title = `Breaking ${slug}`;
    // The reader has the home, the section, the tag page and even the story's future address cached.
    for (const path of ["/", "/news/energy", `/news/energy/${slug}`]) {
      await page.goto(path);
      await page.goto(path);
    }
    await page.goto("/");
    await expect(page.getByRole("main").getByRole("link", { name: title })).toHaveCount(0);

    await fileStory({ slug, title, section: "energy", tags: ["pipelines"] });
    const committed = Date.now();
    await reloadAfter(page, committed);
    await expect(page.getByRole("main").getByRole("link", { name: title, exact: true })).toBeVisible();

    await page.goto("/news/energy");
    await expect(page.getByRole("region", { name: "Latest in Energy" }).getByRole("link", { name: title })).toBeVisible();
    const story = await page.goto(`/news/energy/${slug}`);
    expect(story?.status()).toBe(200);
    await page.goto("/tags/pipelines");
    await expect(page.getByRole("main").getByRole("link", { name: title })).toBeVisible();
    const feed = await (await page.request.get("/feed.xml")).text();
    expect(feed).toContain(title);
  });

  test("an edit, a slug change and an unpublish reach readers within 1 second", async ({ page }) => {
    const slug = unique("story");
    await fileStory({ slug, title: `Original ${slug}`, section: "politics" });
    await page.goto(`/news/politics/${slug}`);
    await page.goto(`/news/politics/${slug}`);

    await editStoryTitle(slug, `Corrected ${slug}`);
    await reloadAfter(page, Date.now());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Corrected ${slug}`);
    await expect(page.getByRole("article").locator(".article__meta span").filter({ hasText: /^Updated / })).toBeVisible();

    const newSlug = `${slug}-renamed`;
    await changeStorySlug(slug, newSlug);
    await reloadAfter(page, Date.now());
    await expect(page).toHaveURL(`/news/politics/${newSlug}`);

    await unpublishStory(newSlug);
    const response = await reloadAfter(page, Date.now());
    expect(response?.status()).toBe(404);
  });

  test("whichever worker process answers, a cached page carries its own nonce on the CSP and every script", async ({ request }) => {
    // A page nobody has asked for: its first render may be done by either worker for the other.
    const path = `/search?q=${unique("pipeline")}`;
    const statuses = new Set<string>();
    const nonces = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      statuses.add(response.headers()["x-newsdesk-cache"] ?? "");
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1] ?? "";
      const html = await response.text();
      expect(new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set([nonce]));
      nonces.add(nonce);
    }
    expect(statuses.has("HIT")).toBe(true);
    expect(nonces.size).toBe(8);
  });

  test("a scheduled story appears on the home page at its time, with no admin action", async ({ page }) => {
    const slug = unique("scheduled");
    const title = `Scheduled ${slug}`;
    // Far enough ahead that the "not yet" page is seen before the time even on
    // a busy machine; the check before it is only made while that still holds,
    // so a very slow page load cannot turn the timing into a failure.
    const goesLive = Date.now() + 12_000;
    await fileStory({ slug, title, section: "world", status: "SCHEDULED", publishedAt: new Date(goesLive) });
    await page.goto("/");
    await page.goto("/");
    const link = page.getByRole("main").getByRole("link", { name: title, exact: true });
    const isBeforeTime = Date.now() < goesLive;
    test.info().annotations.push({ type: "scheduled", description: isBeforeTime ? "seen before its time" : "page loads outlasted the wait" });
    if (isBeforeTime) expect(await link.count()).toBe(0);
    // Nobody touches anything; the reader reloads from a second after the
    // scheduled time until it shows (how soon is bench:public's figure, not a
    // test's: with both cores busy the first reload can still be early).
    await reloadAfter(page, goesLive);
    await expect(async () => {
      await page.reload();
      await expect(link).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  });

  test("section pages paginate with page numbers", async ({ page }) => {
    const section = unique("desk");
    await addSection(section, `Desk ${section}`);
    const now = Date.now();
    for (let i = 0; i < 23; i++) {
      await fileStory({ slug: `${section}-story-${i}`, title: `Desk story ${i} ${section}`, section, publishedAt: new Date(now - i * 60_000) });
    }
    await page.goto(`/news/${section}`);
    const list = page.getByRole("region", { name: `Latest in Desk ${section}` });
    await expect(list.getByRole("listitem")).toHaveCount(20);
    await page.getByRole("navigation", { name: `Desk ${section} pages` }).getByRole("link", { name: /Older stories/ }).click();
    await expect(page).toHaveURL(`/news/${section}?page=2`);
    await expect(page.getByRole("region", { name: `Latest in Desk ${section}, page 2` }).getByRole("listitem")).toHaveCount(3);
    expect((await page.goto(`/news/${section}?page=3`))?.status()).toBe(404);
  });
});
