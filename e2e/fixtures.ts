import { test as base } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { HomePage } from "./pages/home-page";
import { SiteSearch } from "./pages/site-search";

export const test = base.extend<{ homePage: HomePage; articlePage: ArticlePage; siteSearch: SiteSearch }>({
  homePage: async ({ page }, use) => use(new HomePage(page)),
  articlePage: async ({ page }, use) => use(new ArticlePage(page)),
  siteSearch: async ({ page }, use) => use(new SiteSearch(page)),
});

export { expect } from "@playwright/test";
