import { expect, type Locator, type Page } from "@playwright/test";

/** The reader's typo reporter on an article page. */
export class TypoReporter {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly passage: Locator;
  readonly phrase: Locator;
  readonly correction: Locator;
  readonly comment: Locator;
  readonly send: Locator;
  readonly cancel: Locator;
  readonly error: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    const article = page.getByRole("article");
    this.button = article.getByRole("button", { name: "Report a typo" });
    this.dialog = page.getByRole("dialog", { name: "Report a typo" });
    this.passage = this.dialog.getByTestId("typo-passage");
    this.phrase = this.dialog.getByLabel("Wrong word or phrase");
    this.correction = this.dialog.getByLabel(/^Correction/);
    this.comment = this.dialog.getByLabel(/^Comment for the editors/);
    this.send = this.dialog.getByRole("button", { name: "Send report" });
    this.cancel = this.dialog.getByRole("button", { name: "Cancel" });
    this.error = this.dialog.getByRole("alert");
    this.status = article.locator(".typo-report").getByRole("status");
  }

  /** The page's script is running (the button is hidden until then, and so is Ctrl+Enter). */
  async waitUntilReady() {
    await expect(this.button).toBeVisible();
  }

  /** Selects `phrase` inside `within` as a reader's mouse would. */
  async select(within: Locator, phrase: string) {
    await within.evaluate((element, text) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`"${text}" is not in the element`);
    }, phrase);
  }

  async reportSelection(within: Locator, phrase: string, correction?: string) {
    await this.select(within, phrase);
    await this.page.keyboard.press("Control+Enter");
    await expect(this.dialog).toBeVisible();
    await expect(this.passage.locator("mark")).toHaveText(phrase);
    if (correction) await this.correction.fill(correction);
    await this.send.click();
  }
}

/** The editors' queue, /admin/reports. */
export class ReportsQueuePage {
  readonly tabs: Locator;
  readonly list: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole("navigation", { name: "Report status" });
    this.list = page.locator(".report-list");
    this.notice = page.locator(".form__success");
  }

  async goto(query = "") {
    await this.page.goto(`/admin/reports${query ? `?${query}` : ""}`);
  }

  tab(label: "New" | "Accepted" | "Rejected" | "Duplicate"): Locator {
    return this.tabs.getByRole("link", { name: new RegExp(`^${label} \\d+$`) });
  }

  /** The report card showing `selectedText` marked in its passage. */
  card(selectedText: string): Locator {
    return this.list.getByRole("article").filter({ has: this.page.locator("mark", { hasText: selectedText }) });
  }
}
