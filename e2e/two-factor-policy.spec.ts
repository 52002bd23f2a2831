import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demoAccount } from "./support/demo-users";
import { LoginPage } from "./pages/login-page";
import { enrolAuthenticator } from "./pages/two-factor-pages";
import { uniqueAccount, UserAdminPage } from "./pages/user-admin-page";

/**
 * Runs in its own project after every other journey (playwright.config.ts):
 * while the setting is on, any admin or editor signing in is led to enrol.
 */
let adminAfterAll: UserAdminPage | undefined;
let adminContextAfterAll: { close(): Promise<void> } | undefined;

async function setRequirement(admin: UserAdminPage, required: boolean) {
  await admin.page.goto("/admin/users");
  const box = admin.page.getByLabel("Require two-factor sign-in for admins and editors");
  await box.setChecked(required);
  await admin.page.getByRole("button", { name: "Save" }).click();
  await expect(admin.page.getByText(required ? /will set it up at their next sign-in/ : "Two-factor sign-in is optional.")).toBeVisible();
}

/** The demo admin, signed in on a browser of its own (demo admins have no second factor). */
async function signInAdmin(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(demoAccount("admin").email, demoAccount("admin").password);
  await expect(page).toHaveURL(/\/admin$/);
  return { context, admin: new UserAdminPage(page) };
}

test.describe("requiring two-factor sign-in", () => {
  test.afterAll(async ({ browser }) => {
    // Signed in before the setting went on, this session still works.
    await setRequirement(adminAfterAll as UserAdminPage, false);
    await adminContextAfterAll?.close();
    void browser;
  });

  test("an editor without a second factor is led through enrolment at the next sign-in; authors are not", async ({ browser }) => {
    const { context: adminContext, admin } = await signInAdmin(browser);
    adminAfterAll = admin;
    adminContextAfterAll = adminContext;
    const editor = uniqueAccount("Editor");
    const editorPassword = await admin.createAccount(editor, "Editor");
    const author = uniqueAccount("Author");
    const authorPassword = await admin.createAccount(author, "Author");
    await setRequirement(admin, true);

    const context = await browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(editor.email, editorPassword);
    await expect(page).toHaveURL(/\/login\/enrol/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/); // no session until enrolled
    await login.signIn(editor.email, editorPassword);
    await expect(page).toHaveURL(/\/login\/enrol/);
    await enrolAuthenticator(page);
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(editor.name);
    await context.close();

    const authorContext = await browser.newContext();
    const authorPage = await authorContext.newPage();
    const authorLogin = new LoginPage(authorPage);
    await authorLogin.goto();
    await authorLogin.signIn(author.email, authorPassword);
    await expect(authorPage).toHaveURL(/\/admin$/);
    await authorContext.close();
  });
});
