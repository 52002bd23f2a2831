import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { uniqueAccount, UserAdminPage } from "./pages/user-admin-page";

/** A fresh browser signed in as the given account. */
async function signedInBrowser(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return { context, page, login };
}

test.describe("user administration", () => {
  test("an admin creates an account with a generated password shown once; the person signs in with it", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const account = uniqueAccount("Reporter");
    const password = await admin.createAccount(account, "Author");
    expect(password).toMatch(/^[b-z2-9]{5}(-[b-z2-9]{5}){3}$/);

    await admin.page.reload();
    await expect(admin.page.getByTestId("one-time-secret")).toHaveCount(0);
    await admin.page.goto("/admin/users");
    const row = admin.page.getByRole("row").filter({ hasText: account.email });
    await expect(row).toContainText("Author");
    await expect(row).toContainText("Active");
    await expect(row).toContainText("Never");

    const person = await signedInBrowser(browser, account.email, password);
    await expect(person.page.getByRole("navigation", { name: "Admin" }).getByRole("link")).toHaveText(["Dashboard", "My articles", "Typo reports"]);
    await person.context.close();
  });

  test("bad input is explained field by field and creates nothing", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.goto("/admin/users/new");
    await page.getByLabel("Name", { exact: true }).fill("Nigar Quliyeva");
    await page.getByLabel("Email", { exact: true }).fill("not an email");
    await page.getByLabel("Type a password").check();
    await page.getByLabel("New password").fill("password1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Check the highlighted fields.");
    await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.org");
    // Typed values survive the round trip (the password is never sent back).
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Nigar Quliyeva");

    await page.getByLabel("Email", { exact: true }).fill(`nigar-${Date.now()}@newsdesk.test`);
    await page.getByLabel("New password").fill("password1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#password-error")).toContainText("commonly used passwords");
    await page.getByLabel("New password").fill("nigar on the night desk");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#password-error")).toContainText("name, your email address");
  });

  test("a deactivated user's open session is turned away on its next request", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const account = uniqueAccount("Stringer");
    const password = await admin.createAccount(account, "Editor", "quiet harbour lights 7");
    const person = await signedInBrowser(browser, account.email, password);

    await admin.open(account);
    await admin.deactivate();

    // A client-side navigation inside the admin: the very next request is refused.
    await person.page.getByTestId("signed-in-user").click();
    await expect(person.page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faccount&reason=ended/);
    await expect(person.page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
    await person.login.signIn(account.email, password);
    await expect(person.login.error).toHaveText("This account has been deactivated. Ask an administrator to reactivate it.");

    await admin.reactivate();
    await person.login.signIn(account.email, password);
    await expect(person.page).toHaveURL(/\/admin\/account$/);
    await person.context.close();
  });

  test("a role change and a password reset each end the person's sessions", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const account = uniqueAccount("Columnist");
    const password = await admin.createAccount(account, "Author", "quiet harbour lights 8");
    const person = await signedInBrowser(browser, account.email, password);

    await admin.open(account);
    await admin.changeRole("Editor");
    await person.page.reload();
    await expect(person.page).toHaveURL(/reason=ended/);
    await person.login.signIn(account.email, password);
    await expect(person.page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Articles", exact: true })).toBeVisible();

    const newPassword = await admin.resetPassword();
    await person.page.reload();
    await expect(person.page).toHaveURL(/reason=ended/);
    await person.login.signIn(account.email, password);
    await expect(person.login.error).toHaveText("Wrong email or password.");
    await person.login.signIn(account.email, newPassword);
    await expect(person.page).toHaveURL(/\/admin$/);

    await admin.page.goto(`/admin/audit?action=user.role_change`);
    await expect(admin.page.getByTestId("audit-events").getByRole("row").filter({ hasText: account.name })).toContainText("AUTHOR → EDITOR");
    await person.context.close();
  });

  test("anyone can change their own password, staying signed in here and signed out elsewhere", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const account = uniqueAccount("Photographer");
    const password = await admin.createAccount(account, "Author", "quiet harbour lights 9");
    const laptop = await signedInBrowser(browser, account.email, password);
    const phone = await signedInBrowser(browser, account.email, password);

    await laptop.page.getByTestId("signed-in-user").click();
    await expect(laptop.page).toHaveURL(/\/admin\/account$/);
    await laptop.page.getByLabel("Current password").fill("not my password");
    await laptop.page.getByLabel("New password", { exact: true }).fill("a brand new phrase");
    await laptop.page.getByLabel("New password again").fill("a brand new phrase");
    await laptop.page.getByRole("button", { name: "Change password" }).click();
    await expect(laptop.page.locator("#currentPassword-error")).toHaveText("That is not your current password.");

    await laptop.page.getByLabel("Current password").fill(password);
    await laptop.page.getByLabel("New password", { exact: true }).fill("a brand new phrase");
    await laptop.page.getByLabel("New password again").fill("a brand new phrase");
    await laptop.page.getByRole("button", { name: "Change password" }).click();
    await expect(laptop.page.getByText("Password changed. You stay signed in here; every other session has ended.")).toBeVisible();

    await laptop.page.goto("/admin");
    await expect(laptop.page.getByTestId("signed-in-user")).toContainText(account.name);
    await phone.page.reload();
    await expect(phone.page).toHaveURL(/reason=ended/);

    await laptop.page.goto("/admin/account");
    await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(laptop.page.getByText("You have been signed out on every device.")).toBeVisible();
    await laptop.page.goto("/admin");
    await expect(laptop.page).toHaveURL(/\/login/);
    await laptop.context.close();
    await phone.context.close();
  });

  test("the audit log records refused sign-ins without the address or an unknown email", async ({ pageAs, browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });
    const stranger = new LoginPage(await context.newPage());
    const ghost = `ghost-${Date.now()}@newsdesk.test`;
    await stranger.goto();
    await stranger.signIn(ghost, "some wrong guess");
    await expect(stranger.error).toHaveText("Wrong email or password.");
    await context.close();

    const page = await pageAs("admin");
    await page.goto("/admin/audit");
    await page.getByLabel("Event", { exact: true }).selectOption({ label: "Sign-in refused" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=auth\.sign_in_failed/);
    const events = page.getByTestId("audit-events");
    await expect(events.getByRole("row").filter({ hasText: "no such account" }).first()).toBeVisible();
    await expect(events).not.toContainText(ghost);
    await expect(events).not.toContainText("198.51.100.77");
  });
});
