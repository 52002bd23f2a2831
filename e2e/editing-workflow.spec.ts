import { expect, test } from "./fixtures";
import { EditorPage, uniqueTitle } from "./pages/editor-page";
import { HomePage } from "./pages/home-page";

test.describe("editing workflow", () => {
  test("author writes and submits; editor reviews, edits and publishes; the story is on the home page", async ({ pageAs }) => {
    const authorPage = await pageAs("author");
    const author = new EditorPage(authorPage);
    await author.gotoNew();
    const title = uniqueTitle("Ministers meet in Baku");
    const id = await author.writeStory({ title, body: "Ministers met in Baku on Tuesday." });
    await expect(author.status).toHaveText("Draft");
    await expect(author.button("Publish now")).toHaveCount(0);
    await author.button("Submit for review").click();
    await expect(author.notice).toHaveText(/Submitted for review/);
    await expect(author.status).toHaveText("In review");
    await expect(author.title).toBeDisabled();

    const editorPage = await pageAs("editor");
    const editor = new EditorPage(editorPage);
    await editor.goto(id);
    await editor.waitUntilEditable();
    await expect(editor.status).toHaveText("In review");
    await editor.body.click();
    await editorPage.keyboard.press("End");
    await editorPage.keyboard.type(" They signed two agreements.");
    await editor.button("Publish now").click();
    await expect(editor.status).toHaveText("Published");
    await expect(editor.notice).toHaveText(/Published/);

    const home = new HomePage(editorPage);
    await home.goto();
    await home.storyLink(title).click();
    await expect(editorPage.getByRole("article")).toContainText("Ministers met in Baku on Tuesday. They signed two agreements.");
  });
});

test.describe("scheduling", () => {
  test.setTimeout(180_000);

  test("a story scheduled a minute ahead appears on the home page on its own", async ({ pageAs }) => {
    const page = await pageAs("editor");
    const editor = new EditorPage(page);
    await editor.gotoNew();
    const title = uniqueTitle("Scheduled briefing");
    const id = await editor.writeStory({ title });
    const publishAt = await page.evaluate(() => Date.now() + 65_000);
    await editor.page.getByLabel(/^Schedule for/).fill(await newsroomLocalInput(page, publishAt));
    await editor.button("Schedule").click();
    await expect(editor.status).toHaveText("Scheduled");
    await expect(editor.notice).toHaveText(/Scheduled/);

    const reader = await pageAs("author");
    const home = new HomePage(reader);
    await home.goto();
    await expect(home.storyLink(title)).toHaveCount(0);
    // Nothing runs at the scheduled time: the home page just starts showing it.
    await expect(async () => {
      await home.goto();
      await expect(home.storyLink(title)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt - 1000);
    await editor.goto(id);
    await expect(editor.status).toHaveText("Published");
  });
});

test.describe("review round trip", () => {
  test("an editor sends a story back with a note the author sees; unpublishing takes it off the site", async ({ pageAs }) => {
    const authorPage = await pageAs("author");
    const author = new EditorPage(authorPage);
    await author.gotoNew();
    const id = await author.writeStory({ title: uniqueTitle("Needs a second source") });
    await author.button("Submit for review").click();
    await expect(author.status).toHaveText("In review");

    const editor = new EditorPage(await pageAs("editor"));
    await editor.goto(id);
    await editor.waitUntilEditable();
    await editor.button("Send back to draft…").click();
    await editor.button("Send back to draft").click();
    await expect(editor.page.getByText("Tell the author what to change")).toBeVisible();
    await editor.page.getByLabel("Note for the author").fill("Please add the ministry's confirmation.");
    await editor.button("Send back to draft").click();
    await expect(editor.status).toHaveText("Draft");
    // The editor moves on; leaving the page releases the edit lease.
    await editor.page.goto("/admin");

    await author.goto(id);
    await expect(author.page.getByRole("heading", { name: /Sent back to draft by Aysel Mammadova/ })).toBeVisible();
    await expect(author.page.getByText("Please add the ministry's confirmation.")).toBeVisible();
    await author.waitUntilEditable();
    await author.button("Submit for review").click();
    await expect(author.status).toHaveText("In review");

    await editor.goto(id);
    await editor.waitUntilEditable();
    await editor.button("Publish now").click();
    await expect(editor.status).toHaveText("Published");
    const link = editor.page.getByRole("link", { name: "View on the site" });
    const path = (await link.getAttribute("href")) ?? "";
    expect((await editor.page.request.get(path)).status()).toBe(200);
    await editor.button("Unpublish").click();
    await editor.button("Yes, unpublish").click();
    await expect(editor.status).toHaveText("Unpublished");
    expect((await editor.page.request.get(path)).status()).toBe(404);
  });
});

/** "2024-10-16T17:40:05" in the newsroom zone, as the schedule input takes it. */
async function newsroomLocalInput(page: import("@playwright/test").Page, instant: number): Promise<string> {
  const zone = (await page.getByLabel(/^Schedule for/).locator("xpath=..").textContent())?.match(/\(([^)]+)\)/)?.[1] ?? "Asia/Baku";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

test.describe("rich text", () => {
  test("the toolbar formats text, says which formats are on, and the link dialog refuses script URLs", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    await editor.writeStory({ title: uniqueTitle("Formatting"), body: "Plain words here." });
    const toolbar = editor.page.getByRole("toolbar", { name: "Formatting" });
    await editor.body.click();
    await editor.page.keyboard.press("End");
    await editor.page.keyboard.press("Shift+Home");
    await toolbar.getByRole("button", { name: "Bold" }).click();
    await expect(toolbar.getByRole("button", { name: "Bold" })).toHaveAttribute("aria-pressed", "true");
    await toolbar.getByRole("button", { name: "Heading 2" }).click();
    await expect(editor.body.locator("h2 strong")).toHaveText("Plain words here.");

    await toolbar.getByRole("button", { name: "Link" }).click();
    const dialog = editor.page.getByRole("dialog", { name: "Link" });
    await dialog.getByLabel("Address").fill("javascript:alert(document.cookie)");
    await dialog.getByRole("button", { name: "Apply link" }).click();
    await expect(dialog.getByRole("alert")).toHaveText(/Use a web address/);
    await dialog.getByLabel("Address").fill("example.com/report");
    await dialog.getByRole("button", { name: "Apply link" }).click();
    await expect(dialog).toBeHidden();
    await expect(editor.body.locator("a")).toHaveAttribute("href", "https://example.com/report");
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Saved as version 2.");
    await editor.page.reload();
    await expect(editor.body.locator("h2 a")).toHaveAttribute("rel", "noopener noreferrer nofollow");
  });
});

test.describe("story form", () => {
  test("fields run as a wire story is written (headline, lead, body, then the rest), and Tab walks them in that order", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    await editor.waitUntilEditable();
    const expected = [
      "article-title", "article-lead", "body", "article-summary", "article-slug", "article-section", "article-language",
      "article-tags", "article-byline", "article-source", "article-published-at", "article-seo-title", "article-seo-description",
    ];

    // Focus order: every field once, in order (toolbar buttons and date segments in between are skipped).
    await editor.title.focus();
    const visited: string[] = [];
    for (let step = 0; step < 80 && visited.at(-1) !== expected.at(-1); step++) {
      const focused = await editor.page.evaluate(() => {
        const element = document.activeElement;
        return element instanceof HTMLElement && element.isContentEditable ? "body" : (element?.id ?? "");
      });
      if (expected.includes(focused) && visited.at(-1) !== focused) visited.push(focused);
      await editor.page.keyboard.press("Tab");
    }
    expect(visited).toEqual(expected);

    // Visual order: each field below the one before, or beside it on the same row.
    const boxes = [];
    for (const id of expected) {
      const box = await (id === "body" ? editor.body : editor.page.locator(`#${id}`)).boundingBox();
      if (!box) throw new Error(`${id} is not visible`);
      boxes.push({ id, ...box });
    }
    for (const [index, box] of boxes.entries()) {
      const before = boxes[index - 1];
      if (!before) continue;
      const isBelow = box.y > before.y + 1;
      const isBeside = Math.abs(box.y - before.y) <= 1 && box.x > before.x;
      expect(isBelow || isBeside, `${box.id} comes after ${before.id}`).toBe(true);
    }
  });
});
