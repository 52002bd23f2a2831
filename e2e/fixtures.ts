import { test as base } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { HomePage } from "./pages/home-page";

export const test = base.extend<{ homePage: HomePage; articlePage: ArticlePage }>({
  homePage: async ({ page }, use) => use(new HomePage(page)),
  articlePage: async ({ page }, use) => use(new ArticlePage(page)),
});

export { expect } from "@playwright/test";
