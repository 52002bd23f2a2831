import { expect, type Page } from "@playwright/test";

/** A unique throwaway account for one test (parallel tests never share one). */
export function uniqueAccount(prefix: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  return { name: `${prefix} ${id}`, email: `${prefix.toLowerCase().replace(/\W+/g, "-")}-${id}@newsdesk.test` };
}

/** The admin's user pages: create accounts and manage one account. */
export class UserAdminPage {
  constructor(readonly page: Page) {}

  /** Creates an account; returns the generated password when none is typed. */
  async createAccount(account: { name: string; email: string }, role: "Admin" | "Editor" | "Author", password?: string): Promise<string> {
    await this.page.goto("/admin/users/new");
    await this.page.getByLabel("Name", { exact: true }).fill(account.name);
    await this.page.getByLabel("Email", { exact: true }).fill(account.email);
    await this.page.getByRole("combobox", { name: "Role" }).selectOption({ label: role });
    if (password) {
      await this.page.getByLabel("Type a password").check();
      await this.page.getByLabel("New password").fill(password);
    }
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByText(`Account created for ${account.name}`)).toBeVisible();
    if (password) return password;
    return (await this.page.getByTestId("one-time-secret").textContent()) ?? "";
  }

  /** Opens the account's page from the users list. */
  async open(account: { name: string }) {
    await this.page.goto("/admin/users");
    await this.page.getByRole("link", { name: account.name, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toContainText(account.name);
  }

  async deactivate() {
    this.page.once("dialog", (dialog) => dialog.accept());
    await this.page.getByRole("button", { name: "Deactivate account" }).click();
    await expect(this.page.getByText("Account deactivated. Its open sessions have ended.")).toBeVisible();
  }

  async reactivate() {
    await this.page.getByRole("button", { name: "Reactivate account" }).click();
    await expect(this.page.getByText("Account reactivated.")).toBeVisible();
  }

  async changeRole(role: "Admin" | "Editor" | "Author") {
    await this.page.getByRole("combobox", { name: "Role" }).selectOption({ label: role });
    await this.page.getByRole("button", { name: "Change role" }).click();
    await expect(this.page.getByText(`Role set to ${role}.`)).toBeVisible();
  }

  /** Resets with a generated password and returns it. */
  async resetPassword(): Promise<string> {
    await this.page.getByRole("button", { name: "Reset password" }).click();
    await expect(this.page.getByText("Password reset. Their open sessions have ended.")).toBeVisible();
    return (await this.page.getByTestId("one-time-secret").textContent()) ?? "";
  }
}
