import type { Locator, Page } from "@playwright/test";

/** The search box in every page's header, and the results page. */
export class SiteSearch {
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.results = page.getByRole("region", { name: /found/ });
  }

  async search(query: string) {
    const box = this.page.getByRole("banner").getByRole("searchbox", { name: "Search the news" });
    await box.fill(query);
    await box.press("Enter");
  }

  result(title: string | RegExp): Locator {
    return this.results.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name: title }) });
  }
}
