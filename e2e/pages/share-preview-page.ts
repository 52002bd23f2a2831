import type { Locator, Page } from "@playwright/test";

/** The share panel of one story, /admin/articles/<id>/share. */
export class SharePreviewPage {
  readonly lifetime: Locator;
  readonly create: Locator;
  readonly newLink: Locator;
  readonly activeLinks: Locator;

  constructor(readonly page: Page) {
    this.lifetime = page.getByLabel("Link works for");
    this.create = page.getByRole("button", { name: "Create share link" });
    this.newLink = page.getByRole("textbox", { name: /New share link/ });
    this.activeLinks = page.getByRole("table");
  }

  /** Creates a link and returns its URL, shown this once. */
  async createLink(lifetime: "1 hour" | "24 hours" | "7 days"): Promise<string> {
    await this.lifetime.selectOption({ label: lifetime });
    await this.create.click();
    return this.newLink.inputValue();
  }
}
