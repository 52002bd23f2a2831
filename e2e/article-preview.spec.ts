import { expect, test } from "./fixtures";
import { ArticleListPage } from "./pages/article-list-page";
import { SharePreviewPage } from "./pages/share-preview-page";
import { EXPIRED_PREVIEW_TOKEN, LIST_MARKER } from "./support/list-fixtures";

/** Opens the editor's list and returns the id of the fixture story titled `title`. */
async function findStoryId(list: ArticleListPage, title: string): Promise<string> {
  await list.goto(`q=${LIST_MARKER}&sort=updated&per=50`);
  const href = await list.row(title).getByRole("link", { name: title, exact: true }).getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error(`No story ${title}`);
  return id;
}

test.describe("preview", () => {
  test("an editor previews a draft in the public layout; nobody else sees it", async ({ pageAs, browser }) => {
    const editor = await pageAs("editor");
    const list = new ArticleListPage(editor);
    const title = "Chess olympiad squad named";
    const id = await findStoryId(list, title);

    await list.row(title).getByRole("link", { name: `Preview “${title}”` }).click();
    await expect(editor).toHaveURL(new RegExp(`/preview/article/${id}$`));
    const banner = editor.getByRole("complementary", { name: "Preview" });
    await expect(banner).toContainText("Preview — not published");
    await expect(banner).toContainText("Draft: readers cannot see this story.");
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(editor.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(editor.getByRole("article").getByRole("link", { name: "Sports", exact: true })).toBeVisible();
    await expect(editor.getByRole("region", { name: "Latest news" })).toBeVisible();
    await expect(editor.getByRole("article")).toContainText("Not yet published");
    const response = await editor.reload();
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(editor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    // Signed out, the same address shows nothing of the draft…
    const visitor = await browser.newPage();
    await visitor.goto(`/preview/article/${id}`);
    await expect(visitor).toHaveURL(/\/login/);
    await expect(visitor.getByText(title)).toHaveCount(0);
    // …even holding the editor's draft-mode cookie without a session.
    const draftCookie = (await editor.context().cookies()).filter((c) => c.name === "__prerender_bypass");
    expect(draftCookie).toHaveLength(1);
    await visitor.context().addCookies(draftCookie);
    await visitor.goto(`/preview/article/${id}`);
    await expect(visitor).toHaveURL(/\/login/);
    await expect(visitor.getByText(title)).toHaveCount(0);
    await visitor.context().close();

    await banner.getByRole("button", { name: "Exit preview" }).click();
    await expect(editor).toHaveURL(new RegExp(`/admin/articles/${id}$`));
    expect((await editor.context().cookies()).filter((c) => c.name === "__prerender_bypass")).toEqual([]);
    await editor.goto(`/preview/article/${id}`);
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Preview mode is off");
  });

  test("an author cannot preview someone else's draft", async ({ pageAs }) => {
    const id = await findStoryId(new ArticleListPage(await pageAs("editor")), "Opera season opens with premiere");
    const author = await pageAs("author");
    const response = await author.goto(`/admin/articles/${id}/preview`);
    expect(response?.status()).toBe(404);
    await expect(author.getByText("Opera season opens with premiere")).toHaveCount(0);
  });

  test("a share link opens for a signed-out reviewer until it is revoked", async ({ pageAs, browser }) => {
    const editor = await pageAs("editor");
    const list = new ArticleListPage(editor);
    const title = "Tram line extension approved";
    await findStoryId(list, title);
    await list.row(title).getByRole("link", { name: `Share a preview of “${title}”` }).click();
    const share = new SharePreviewPage(editor);
    const url = await share.createLink("1 hour");
    expect(url).toMatch(/\/preview\/[A-Za-z0-9_-]{43}$/);
    await expect(share.activeLinks.getByRole("row")).toHaveCount(2);

    const reviewer = await browser.newPage();
    const response = await reviewer.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(reviewer.getByRole("complementary", { name: "Preview" })).toContainText("This link works until");

    await share.activeLinks.getByRole("button", { name: "Revoke" }).click();
    await expect(editor.getByText("No share links are active.")).toBeVisible();
    const afterRevoke = await reviewer.reload();
    expect(afterRevoke?.status()).toBe(404);
    await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(reviewer.getByText(title)).toHaveCount(0);
    await reviewer.context().close();
  });

  test("an expired share link is simply not found", async ({ page }) => {
    const response = await page.goto(`/preview/${EXPIRED_PREVIEW_TOKEN}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
