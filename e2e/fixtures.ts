import { test as base, type Page } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { HomePage } from "./pages/home-page";
import { SiteSearch } from "./pages/site-search";
import { storageStatePath, type DemoRole } from "./support/demo-users";

interface Fixtures {
  homePage: HomePage;
  articlePage: ArticlePage;
  siteSearch: SiteSearch;
  /** A page signed in as the given demo role (a fresh context per call). */
  pageAs: (role: DemoRole) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  homePage: async ({ page }, use) => use(new HomePage(page)),
  articlePage: async ({ page }, use) => use(new ArticlePage(page)),
  siteSearch: async ({ page }, use) => use(new SiteSearch(page)),
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role) => {
      const context = await browser.newContext({ storageState: storageStatePath(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "@playwright/test";
