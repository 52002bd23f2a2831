import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { enrolAuthenticator, enterSecondFactor, signOut } from "./pages/two-factor-pages";
import { uniqueAccount, UserAdminPage } from "./pages/user-admin-page";
import { demoAccount } from "./support/demo-users";
import { SESSION_COOKIE_NAME } from "./support/session-cookie";

/** A new editor of this test's own (parallel tests never share accounts), signed in on a fresh browser. */
async function newEditor(browser: Browser, adminPage: UserAdminPage) {
  const account = uniqueAccount("Editor");
  const password = await adminPage.createAccount(account, "Editor");
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(account.email, password);
  await expect(page).toHaveURL(/\/admin$/);
  return { account, password, context, page, login };
}

test.describe("two-factor sign-in", () => {
  test("an editor adds an authenticator app, then signs in with password and code; wrong codes fail, a recovery code works once", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const { account, password, context, page, login } = await newEditor(browser, admin);

    await page.goto("/admin/account");
    const { app, recoveryCodes } = await enrolAuthenticator(page);
    await signOut(page);

    await login.signIn(account.email, password);
    await enterSecondFactor(page, "000000");
    await expect(page.getByText("That code is not right. Check it and try again.")).toBeVisible();
    await expect(page).toHaveURL(/\/login\/verify/);
    await enterSecondFactor(page, await app.nextCode());
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(account.name);

    await page.goto("/admin/account");
    const current = page.getByTestId("session").filter({ hasText: "This browser" });
    await expect(current).toContainText("with authenticator app");
    await signOut(page);

    const recoveryCode = recoveryCodes[0] as string;
    await login.signIn(account.email, password);
    await enterSecondFactor(page, recoveryCode);
    await expect(page).toHaveURL(/\/admin$/);
    await signOut(page);
    await login.signIn(account.email, password);
    await enterSecondFactor(page, recoveryCode);
    await expect(page.getByText("That code is not right. Check it and try again.")).toBeVisible();
    await context.close();
  });

  test("a passkey made with Chromium's virtual authenticator signs in alone and as the second step", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const { account, password, context, page, login } = await newEditor(browser, admin);
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    await page.goto("/admin/account");
    await page.getByLabel("Name for the new passkey").fill("Test laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByText("Passkey added.")).toBeVisible();
    await expect(page.getByTestId("passkey-list")).toContainText("Test laptop");
    await signOut(page);

    // Passwordless: the passkey alone.
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
    await signOut(page);

    // After the password, the passkey is the second step.
    await login.signIn(account.email, password);
    await expect(page).toHaveURL(/\/login\/verify/);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await context.close();
  });

  test("a copied session cookie is refused on the very next request after sign-out", async ({ pageAs, browser }) => {
    const admin = new UserAdminPage(await pageAs("admin"));
    const { context, page } = await newEditor(browser, admin);
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE_NAME);
    expect(cookie).toBeDefined();
    const thief = await browser.newContext();
    await thief.addCookies([cookie!]);
    const stolen = await thief.newPage();
    await stolen.goto("/admin");
    await expect(stolen).toHaveURL(/\/admin$/);

    await signOut(page);
    await stolen.goto("/admin");
    await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Fadmin&reason=ended$/);
    const session = await thief.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await thief.close();
    await context.close();
  });

  test("finding 1: a callbackUrl smuggling another host is refused; sign-in lands on this site's dashboard", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
    await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/admin");
    const author = demoAccount("author");
    await new LoginPage(page).signIn(author.email, author.password);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    await context.close();
  });

  test("finding 3: forged X-Forwarded-For entries do not dodge the throttle; only what the trusted proxy wrote counts", async ({ browser }) => {
    // The servers run behind one trusted proxy (playwright.config.ts): the
    // proxy's entry is the last one a client sends; every attempt forges a new
    // address to the left of it.
    const email = `rotating-${Date.now()}@newsdesk.test`;
    const messages: string[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${attempt}, 198.51.100.99` } });
      const page = await context.newPage();
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(email, `wrong guess ${attempt}`);
      await expect(login.error).toBeVisible();
      messages.push((await login.error.textContent()) ?? "");
      await context.close();
    }
    expect(messages[4]).toMatch(/Too many failed sign-in attempts/);
    expect(messages[5]).toMatch(/^Too many failed sign-in attempts/);
  });
});
