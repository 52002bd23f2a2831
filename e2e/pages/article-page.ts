import type { Locator, Page } from "@playwright/test";

/** The public article page. */
export class ArticlePage {
  readonly article: Locator;
  readonly headline: Locator;
  readonly latestNews: Locator;
  readonly tags: Locator;

  constructor(readonly page: Page) {
    this.article = page.getByRole("article");
    this.headline = page.getByRole("heading", { level: 1 });
    this.latestNews = page.getByRole("region", { name: "Latest news" });
    this.tags = this.article.getByRole("navigation", { name: "Tags" });
  }

  async goto(path: string) {
    return this.page.goto(path);
  }

  sectionLink(name: string): Locator {
    return this.article.getByRole("link", { name, exact: true });
  }

  paragraph(text: string): Locator {
    return this.article.getByText(text, { exact: true });
  }

  publicationTime(): Locator {
    return this.article.locator("time").first();
  }

  /** The labelled date line: "Published …" / "Updated …". */
  dateLabelled(label: "Published" | "Updated"): Locator {
    return this.article.locator(".article__meta span").filter({ hasText: new RegExp(`^${label} `) }).locator("time");
  }

  byline(): Locator {
    return this.article.locator(".article__byline");
  }

  bylineLink(): Locator {
    return this.article.locator(".article__byline").getByRole("link");
  }
}
