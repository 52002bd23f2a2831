import { expect, type Page } from "@playwright/test";
import { TestAuthenticator } from "../support/totp";

/** Adds an authenticator app on /admin/account (or /login/enrol); returns the app and the recovery codes shown once. */
export async function enrolAuthenticator(page: Page): Promise<{ app: TestAuthenticator; recoveryCodes: string[] }> {
  const app = new TestAuthenticator((await page.getByTestId("totp-manual-key").textContent()) ?? "");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Enter the 6-digit code the app shows").fill(await app.nextCode());
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  const recoveryCodes = await page.getByTestId("recovery-codes").locator("code").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  return { app, recoveryCodes };
}

/** The second step at /login/verify: a code from the app or a recovery code. */
export async function enterSecondFactor(page: Page, code: string) {
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
}
