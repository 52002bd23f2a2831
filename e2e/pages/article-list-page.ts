import type { Locator, Page } from "@playwright/test";

/** The newsroom's article list, /admin/articles. */
export class ArticleListPage {
  readonly heading: Locator;
  readonly filters: Locator;
  readonly search: Locator;
  readonly statusTabs: Locator;
  readonly table: Locator;
  readonly pages: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.filters = page.getByRole("search", { name: "Find stories" });
    this.search = this.filters.getByRole("searchbox", { name: "Search" });
    this.statusTabs = page.getByRole("navigation", { name: "Status" });
    this.table = page.getByRole("table");
    this.pages = page.getByRole("navigation", { name: "Pages" });
    this.emptyState = page.locator(".list-empty");
  }

  async goto(query = "") {
    return this.page.goto(`/admin/articles${query ? `?${query}` : ""}`);
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.filters.getByRole("button", { name: "Apply" }).click();
  }

  async chooseFilter(label: "Section" | "Author" | "Language" | "Sort by" | "Per page", option: string) {
    await this.filters.getByLabel(label).selectOption({ label: option });
    await this.filters.getByRole("button", { name: "Apply" }).click();
  }

  statusTab(label: string): Locator {
    return this.statusTabs.getByRole("link", { name: new RegExp(`^${label} `) });
  }

  /** The number a status tab shows, e.g. "Draft 10" → "10". */
  async countOf(label: string): Promise<string> {
    return (await this.statusTab(label).locator(".status-tabs__count").innerText()).trim();
  }

  rows(): Locator {
    return this.table.locator("tbody").getByRole("row");
  }

  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  async titles(): Promise<string[]> {
    return this.rows().locator(".article-table__title").allInnerTexts();
  }
}
