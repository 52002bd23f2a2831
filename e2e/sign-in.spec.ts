import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { demoAccount } from "./support/demo-users";

test.describe("sign-in", () => {
  test("each role reaches its own admin and sees only what it can use", async ({ pageAs }) => {
    const expectations = {
      admin: ["Dashboard", "Articles", /^Typo reports( \d+ new)?$/, "Sections", "Users", "Audit log"],
      editor: ["Dashboard", "Articles", /^Typo reports( \d+ new)?$/],
      author: ["Dashboard", "My articles", /^Typo reports( \d+ new)?$/],
    } as const;
    for (const role of ["admin", "editor", "author"] as const) {
      const page = await pageAs(role);
      await page.goto("/admin");
      await expect(page.getByTestId("signed-in-user")).toContainText(demoAccount(role).name);
      const nav = page.getByRole("navigation", { name: "Admin" });
      await expect(nav.getByRole("link")).toHaveText([...expectations[role]]);
      if (role !== "admin") {
        for (const path of ["/admin/users", "/admin/users/new", "/admin/audit"]) {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(404);
        }
      }
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
    await page.goto("/admin/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faccount/);
    const login = new LoginPage(page);
    await login.signIn(demoAccount("author").email, demoAccount("author").password);
    await expect(page).toHaveURL(/\/admin\/account$/);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  });

  test("repeated failures throttle the account and say how long to wait", async ({ browser }) => {
    // Its own client address and an address nobody uses: other tests are unaffected.
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23" } });
    const page = await context.newPage();
    const login = new LoginPage(page);
    const email = `throttle-${Date.now()}@newsdesk.test`;
    await login.goto();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await login.signIn(email, `wrong guess ${attempt}`);
      await expect(login.error).toHaveText("Wrong email or password.");
      await expect(login.submit).toBeEnabled();
    }
    await login.signIn(email, "wrong guess 5");
    await expect(login.error).toHaveText("Wrong email or password. Too many failed sign-in attempts. Wait 30 seconds and try again.");
    await login.signIn(email, "wrong guess 6");
    await expect(login.error).toHaveText(/^Too many failed sign-in attempts\. Wait \d+ seconds and try again\.$/);
    await context.close();
  });

  test("signing in and out works without JavaScript, and never puts the password in the URL", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.24" } });
    const page = await context.newPage();
    const login = new LoginPage(page);
    const author = demoAccount("author");
    await login.goto("/admin/account");
    await login.signIn(author.email, "not-the-password");
    await expect(login.error).toHaveText("Wrong email or password.");
    expect(page.url()).not.toContain("not-the-password");
    await expect(login.email).toHaveValue(author.email);
    await login.signIn(author.email, author.password);
    await expect(page).toHaveURL(/\/admin\/account$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(author.name);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test("signing out ends the session in this browser", async ({ page }) => {
    const login = new LoginPage(page);
    const editor = demoAccount("editor");
    await login.goto();
    await login.signIn(editor.email, editor.password);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  });
});
