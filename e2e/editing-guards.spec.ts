import { expect, test } from "./fixtures";
import { EditorPage, uniqueTitle } from "./pages/editor-page";
import { type CapturedAction, captureAction, replayAction } from "./support/server-actions";

type SaveArgs = { id: string; baseVersion: number; fields: Record<string, unknown> };

test.describe("who may do what", () => {
  test("an author sees no editor actions, and calling the publish action directly is refused with nothing changed", async ({ pageAs, playwright, baseURL }) => {
    const author = new EditorPage(await pageAs("author"));
    await author.gotoNew();
    const title = uniqueTitle("Author's own draft");
    const id = await author.writeStory({ title });
    const slug = await author.slug.inputValue();
    await expect(author.button("Submit for review")).toBeVisible();
    for (const name of ["Publish now", "Schedule", "Unpublish", "Send back to draft…"]) await expect(author.button(name)).toHaveCount(0);
    await expect(author.page.getByLabel(/^Schedule for/)).toHaveCount(0);
    await expect(author.page.getByLabel(/^Publication time/)).not.toBeEditable();

    // An editor's publish click tells us what the publish action looks like on the wire.
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const editorsStory = await editor.writeStory({ title: uniqueTitle("Editor's story") });
    const publish = await captureAction(editor.page, (body) => body.includes('"transition":"publish"'), async () => {
      await editor.button("Publish now").click();
      await expect(editor.status).toHaveText("Published");
    });

    // The author replays it, with their own cookies, against their own draft.
    const version = await author.version();
    const response = await replayAction(author.page.request, publish, [{ transition: "publish", id, baseVersion: version }]);
    expect(response.status()).toBe(200);
    const answer = await response.text();
    expect(answer).toContain('"reason":"forbidden"');
    expect(answer).toContain("You are not allowed to publish this story");

    // Signed out, the same request never reaches the action.
    const anonymous = await playwright.request.newContext({ baseURL });
    const anonymousResponse = await replayAction(anonymous, publish, [{ transition: "publish", id, baseVersion: version }]);
    expect(anonymousResponse.status()).toBe(307);
    expect(anonymousResponse.headers().location).toContain("/login");
    await anonymous.dispose();

    // Nothing changed: still a draft at the same version, not on the site.
    await author.goto(id);
    await expect(author.status).toHaveText("Draft");
    expect(await author.version()).toBe(version);
    expect((await author.page.request.get(`/news/world/${slug}`)).status()).toBe(404);
    // Someone else's story does not exist for an author.
    expect((await author.page.goto(`/admin/articles/${editorsStory}`))?.status()).toBe(404);
  });
});

test.describe("bad input", () => {
  test("the editor shows field errors for an empty or over-long headline, a past schedule and a 10 MB body", async ({ pageAs }) => {
    // Pasting, sending and sanitising a 10 MB body is real work: on a machine
    // with both cores busy it outlasts the default 60 s (a budget, not a race).
    test.slow();
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    await editor.section.selectOption({ label: "World" });
    await editor.saveButton.click();
    await expect(editor.page.getByText("Enter a headline")).toBeVisible();
    await expect(editor.notice).toHaveText("Not saved: some fields need attention.");
    await expect(editor.title).toHaveAttribute("aria-invalid", "true");
    await editor.title.fill("x".repeat(301));
    await editor.saveButton.click();
    await expect(editor.page.getByText("The headline must be at most 300 characters")).toBeVisible();
    const id = await editor.writeStory({ title: uniqueTitle("Bad input") });

    await editor.page.getByLabel(/^Schedule for/).fill("2020-01-01T10:00:00");
    await editor.button("Schedule").click();
    await expect(editor.page.getByText("Pick a time in the future — or use Publish now")).toBeVisible();
    await expect(editor.status).toHaveText("Draft");

    // 10 MB pasted into the body: refused before anything is sent, nothing saved is lost.
    await editor.body.click();
    await editor.body.evaluate((element) => {
      const data = new DataTransfer();
      data.setData("text/plain", "word ".repeat(2 * 1024 * 1024));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(editor.page.locator("#article-body-error")).toHaveText(/The body is too long: the limit is 1,000,000 characters/);
    await expect(editor.saveStatus).toHaveText(/Not saved — The body is too long/);
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Not saved: some fields need attention.");
    await editor.page.goto("/admin");
    await editor.goto(id);
    await expect(editor.body).toContainText(/^The body of Bad input/);
  });

  test("hand-crafted saves get field errors or a 413, never a 500, and change nothing", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const id = await editor.writeStory({ title: uniqueTitle("Hand-crafted") });
    const save: CapturedAction = await captureAction(editor.page, (body) => body.includes('"fields"') && body.includes("Changed summary"), async () => {
      await editor.summary.fill("Changed summary");
      await editor.saveButton.click();
      await expect(editor.notice).toHaveText(/^Saved as version \d+\.$/);
    });
    const [captured] = JSON.parse(save.body) as [SaveArgs];
    const version = await editor.version();
    const attempt = (fields: Record<string, unknown>) =>
      replayAction(editor.page.request, save, [{ id, baseVersion: version, fields: { ...captured.fields, ...fields } }]);

    const cases: [Record<string, unknown>, string][] = [
      [{ title: "" }, "Enter a headline"],
      [{ sectionId: "0196a000-0000-7000-8000-000000000000" }, "That section does not exist"],
      [{ sectionId: "not-a-section" }, "Choose a section from the list"],
      [{ publishedAt: "2025-02-30T10:00" }, "does not exist in the newsroom"],
      [{ publishedAt: "yesterday" }, "Enter a date and time"],
      [{ slug: "Not A Slug!" }, "Use lower-case letters"],
      [{ seoDescription: "x".repeat(401) }, "The SEO description must be at most 400 characters"],
      [{ tags: "not-a-list" }, "Tags must be a list"],
      [{ body: "x".repeat(1_000_001) }, "The body is too long"],
    ];
    for (const [fields, message] of cases) {
      const response = await attempt(fields);
      expect(response.status(), JSON.stringify(fields).slice(0, 80)).toBe(200);
      const answer = await response.text();
      expect(answer).toContain('"reason":"invalid"');
      expect(answer).toContain(message);
    }
    const huge = await attempt({ body: `<p>${"x".repeat(10 * 1024 * 1024)}</p>` });
    expect(huge.status()).toBe(413);
    expect(await huge.text()).toContain("too large");

    await editor.goto(id);
    expect(await editor.version()).toBe(version);
    await expect(editor.summary).toHaveValue("Changed summary");
  });
});
