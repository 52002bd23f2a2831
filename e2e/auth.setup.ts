import { expect, test as setup } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { demoAccount, storageStatePath, type DemoRole } from "./support/demo-users";

// Sign in once per role; specs reuse the saved session via storageState.
for (const role of ["admin", "editor", "author"] as const satisfies DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const account = demoAccount(role);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
