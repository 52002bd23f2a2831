import { expect, type Locator, type Page } from "@playwright/test";

/** The story editor at /admin/articles/new and /admin/articles/<id>. */
export class EditorPage {
  readonly title: Locator;
  readonly body: Locator;
  readonly lead: Locator;
  readonly summary: Locator;
  readonly slug: Locator;
  readonly section: Locator;
  readonly tags: Locator;
  readonly saveButton: Locator;
  readonly saveStatus: Locator;
  readonly notice: Locator;
  readonly status: Locator;
  readonly conflict: Locator;
  readonly leaseBanner: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByLabel("Headline", { exact: true });
    this.body = page.getByRole("textbox", { name: "Body" });
    this.lead = page.getByLabel("Lead", { exact: true });
    this.summary = page.getByLabel("Summary", { exact: true });
    this.slug = page.getByLabel("Slug", { exact: true });
    this.section = page.getByLabel("Section", { exact: true });
    this.tags = page.getByLabel("Tags", { exact: true });
    this.saveButton = page.getByRole("button", { name: /^(Save|Save draft|Save merged version)$/ });
    this.saveStatus = page.getByTestId("save-status");
    this.notice = page.getByTestId("editor-notice");
    this.status = page.getByTestId("article-status");
    this.conflict = page.getByTestId("conflict-view");
    this.leaseBanner = page.getByTestId("lease-banner");
  }

  async gotoNew() {
    await this.page.goto("/admin/articles/new");
    await expect(this.title).toBeEnabled();
  }

  async goto(id: string) {
    await this.page.goto(`/admin/articles/${id}`);
  }

  /** Waits until the editor may be typed into (lease held, nothing to recover). */
  async waitUntilEditable() {
    await expect(this.title).toBeEnabled();
    await expect(this.body).toHaveAttribute("contenteditable", "true");
  }

  /** Writes a complete story and saves it; returns its id. */
  async writeStory(story: { title: string; lead?: string; body?: string; section?: string }) {
    await this.title.fill(story.title);
    await this.section.selectOption({ label: story.section ?? "World" });
    await this.lead.fill(story.lead ?? `${story.title}, Report informs.`);
    await this.body.fill(story.body ?? `The body of ${story.title}.`);
    await this.saveButton.click();
    await expect(this.page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
    await expect(this.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
    await this.waitUntilEditable();
    return this.articleId();
  }

  /** The version the editor's next save is based on. */
  async version(): Promise<number> {
    return Number((await this.page.getByTestId("article-version").textContent())?.replace(/\D/g, ""));
  }

  articleId(): string {
    const id = /\/admin\/articles\/([0-9a-f-]{36})/.exec(this.page.url())?.[1];
    if (!id) throw new Error(`Not on an article page: ${this.page.url()}`);
    return id;
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }
}

let counter = 0;

/** A headline no other test (or earlier run) uses. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${(++counter).toString(36)}`;
}
