import type { Locator, Page } from "@playwright/test";

/** The public home page: lead story and the latest-news list. */
export class HomePage {
  readonly latestNews: Locator;

  constructor(readonly page: Page) {
    this.latestNews = page.getByRole("region", { name: "Latest news" });
  }

  async goto() {
    return this.page.goto("/");
  }

  /** A story's headline link, whether it leads the page or sits in the list. */
  storyLink(title: string): Locator {
    return this.page.getByRole("main").getByRole("link", { name: title, exact: true });
  }
}
