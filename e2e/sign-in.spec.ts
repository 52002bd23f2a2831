import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { demoAccount } from "./support/demo-users";

test.describe("sign-in", () => {
  test("each role reaches its own admin", async ({ pageAs }) => {
    const expectations = {
      admin: ["Dashboard", "Articles", "Sections", "Users"],
      editor: ["Dashboard", "Articles"],
      author: ["Dashboard", "My articles"],
    } as const;
    for (const role of ["admin", "editor", "author"] as const) {
      const page = await pageAs(role);
      await page.goto("/admin");
      await expect(page.getByTestId("signed-in-user")).toContainText(demoAccount(role).name);
      const nav = page.getByRole("navigation", { name: "Admin" });
      for (const label of expectations[role]) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
      if (role !== "admin") await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    }
  });

  test("a wrong password shows a clear error and no session", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoAccount("editor").email, "not-the-password");
    await expect(login.error).toHaveText("Wrong email or password.");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  });

  test("the admin sends visitors to sign in, then back where they were going", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
    const login = new LoginPage(page);
    await login.signIn(demoAccount("author").email, demoAccount("author").password);
    await expect(page).toHaveURL(/\/admin$/);
  });
});
