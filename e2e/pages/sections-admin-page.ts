import { expect, type Locator, type Page } from "@playwright/test";

export interface SectionFields {
  name?: string;
  slug?: string;
  description?: string;
  /** The parent's name as the select shows it. */
  parent?: string;
}

/** The admin's Sections screens: list, create/edit form, delete confirmation. */
export class SectionsAdminPage {
  readonly table: Locator;
  /** The confirmation shown after a create, edit or delete. */
  readonly notice: Locator;
  /** A form's error summary (scoped: Next's route announcer is role=alert too). */
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Sections in navigation order" });
    this.notice = page.locator(".admin-page > p[role=status]");
    this.formError = page.locator("form").getByRole("alert");
  }

  async goto() {
    return this.page.goto("/admin/sections");
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.locator(".section-table__name").getByText(name, { exact: true }) });
  }

  /** Top-level section names in table (= navigation) order. */
  async topLevelNames(): Promise<string[]> {
    return this.table.locator("tbody tr:not(.section-table__child) .section-table__name").allTextContents();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The error shown beside a field. */
  fieldError(label: string): Locator {
    return this.page.locator(".field").filter({ has: this.field(label) }).locator(".field__error");
  }

  async fill(fields: SectionFields) {
    if (fields.name !== undefined) await this.field("Name").fill(fields.name);
    if (fields.slug !== undefined) await this.field("Slug").fill(fields.slug);
    if (fields.description !== undefined) await this.field("Description").fill(fields.description);
    if (fields.parent !== undefined) await this.field("Parent section").selectOption({ label: fields.parent });
  }

  async createSection(fields: SectionFields & { name: string }) {
    await this.page.goto("/admin/sections/new");
    await this.fill(fields);
    await this.page.getByRole("button", { name: "Create section" }).click();
    await expect(this.notice).toContainText(`Created "${fields.name}"`);
  }

  async openEdit(name: string) {
    await this.goto();
    await this.row(name).getByRole("link", { name: /^Edit/ }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${name}`);
  }

  async editSection(name: string, fields: SectionFields) {
    await this.openEdit(name);
    await this.fill(fields);
    await this.page.getByRole("button", { name: "Save changes" }).click();
  }

  async openDelete(name: string) {
    await this.goto();
    await this.row(name).getByRole("link", { name: /^Delete/ }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(`Delete ${name}`);
  }

  async move(name: string, direction: "up" | "down") {
    const row = this.row(name);
    await row.getByRole("button", { name: `Move ${direction}` }).click();
    await expect(row.getByRole("status")).toContainText(`Moved "${name}" ${direction}`);
  }
}
