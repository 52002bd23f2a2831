import { expect, test } from "./fixtures";
import { EditorPage, uniqueTitle } from "./pages/editor-page";

test.describe("revisions", () => {
  test("every save is kept; two versions compare word by word; an old one is restored as a new version", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const id = await editor.writeStory({ title: uniqueTitle("Harvest report"), body: "Farmers harvested three million tonnes of grain." });
    await editor.body.fill("Farmers harvested four million tonnes of grain this year.");
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Saved as version 2.");
    await editor.body.fill("A completely rewritten story.");
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Saved as version 3.");

    const page = editor.page;
    await page.getByRole("link", { name: "History and versions" }).click();
    await expect(page.getByRole("heading", { name: /^History: / })).toBeVisible();
    for (const version of [1, 2, 3]) await expect(page.getByTestId(`revision-${version}`)).toContainText("Aysel Mammadova");
    await page.getByLabel("Compare from version 1").check();
    await page.getByLabel("Compare to version 2").check();
    await page.getByRole("button", { name: "Compare selected versions" }).click();
    const diff = page.getByRole("region", { name: "Changes from version 1 to version 2" });
    const body = diff.locator(".diff__body");
    await expect(body.locator("del")).toHaveText(["[removed: three]"]);
    await expect(body.locator("ins")).toHaveText(["[added: four]", "[added:  this year]"]);
    // Sighted readers see only the words; the bracketed markers are for screen readers.
    await expect(body.locator("ins").first().locator(".visually-hidden").first()).toHaveText("[added: ");

    await page.getByRole("button", { name: "Restore version 1" }).click();
    await page.getByRole("button", { name: "Restore version 1 as the newest" }).click();
    await expect(page.getByTestId("revision-4")).toContainText("Restored version 1");
    await expect(page.getByTestId("revision-3")).toBeVisible();
    await editor.goto(id);
    await expect(editor.body).toHaveText("Farmers harvested three million tonnes of grain.");
  });
});

test.describe("slugs", () => {
  test("changing a published story's slug keeps its old URLs working with a 301 to the newest", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const title = uniqueTitle("Caspian ferry route opens");
    await editor.writeStory({ title, section: "Economy › Business" });
    const firstSlug = await editor.slug.inputValue();
    expect(firstSlug).toMatch(/^caspian-ferry-route-opens-/);
    await editor.button("Publish now").click();
    await expect(editor.status).toHaveText("Published");

    await editor.slug.fill(`${firstSlug}-v2`);
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Saved as version 3.");
    await editor.slug.fill(`${firstSlug}-final`);
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Saved as version 4.");

    const request = editor.page.request;
    for (const old of [firstSlug, `${firstSlug}-v2`]) {
      const response = await request.get(`/news/business/${old}`, { maxRedirects: 0 });
      expect(response.status()).toBe(301);
      expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe(`/news/business/${firstSlug}-final`);
    }
    const current = await request.get(`/news/business/${firstSlug}-final`);
    expect(current.status()).toBe(200);
    expect(await current.text()).toContain(title);
  });

  test("a taken slug is refused with a free one suggested", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    await editor.writeStory({ title: uniqueTitle("Original holder") });
    const taken = await editor.slug.inputValue();
    await editor.gotoNew();
    await editor.title.fill(uniqueTitle("Second story"));
    await editor.slug.fill(taken);
    await editor.section.selectOption({ label: "World" });
    await editor.saveButton.click();
    await expect(editor.page.getByText(new RegExp(`“${taken}” is already used by .*Try “${taken}-2”`))).toBeVisible();
    await editor.button(`Use “${taken}-2”`).click();
    await editor.saveButton.click();
    await expect(editor.page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
    await expect(editor.slug).toHaveValue(`${taken}-2`);
  });
});
