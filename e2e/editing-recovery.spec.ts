import { expect, test } from "./fixtures";
import { EditorPage, uniqueTitle } from "./pages/editor-page";

test.describe("autosave and recovery", () => {
  test("reloading mid-typing offers the unsaved text and restores it", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const id = await editor.writeStory({ title: uniqueTitle("Reload test"), body: "Saved paragraph." });
    await editor.body.click();
    await editor.page.keyboard.press("End");
    await editor.page.keyboard.type(" Typed just before the crash.");
    await expect(editor.saveStatus).toHaveText(/Unsaved changes|Saving…|Saved/);

    // Leaving with unsaved changes asks first.
    let sawWarning = false;
    editor.page.on("dialog", (dialog) => {
      sawWarning ||= dialog.type() === "beforeunload";
      void dialog.accept();
    });
    // Wait for the local copy itself (written shortly after a change), not for a guessed delay.
    await expect
      .poll(() =>
        editor.page.evaluate((storyId) => {
          const key = Object.keys(localStorage).find((k) => k.startsWith("newsdesk:draft:") && k.endsWith(`:${storyId}`));
          return key ? (localStorage.getItem(key) ?? "") : "";
        }, id),
      )
      .toContain("Typed just before the crash.");
    await editor.page.reload();
    expect(sawWarning).toBe(true);

    await expect(editor.page.getByRole("heading", { name: "Unsaved changes found" })).toBeVisible();
    await expect(editor.title).toBeDisabled();
    await expect(editor.body).toHaveText("Saved paragraph.");
    await editor.button(/^Restore unsaved changes from \d\d:\d\d$/).click();
    await expect(editor.body).toHaveText("Saved paragraph. Typed just before the crash.");
    await editor.waitUntilEditable();
    await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
    await editor.saveButton.click();
    await expect(editor.notice).toHaveText("Saved as version 2.");
    await editor.goto(id);
    await expect(editor.page.getByRole("heading", { name: "Unsaved changes found" })).toHaveCount(0);
    await expect(editor.body).toHaveText("Saved paragraph. Typed just before the crash.");
  });

  test("the server's autosave is offered on another device; discarding drops it", async ({ pageAs }) => {
    const first = new EditorPage(await pageAs("editor"));
    await first.gotoNew();
    const id = await first.writeStory({ title: uniqueTitle("Two devices"), body: "Saved text." });
    await first.lead.fill("A lead typed on the first device, Report informs.");
    await expect(first.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
    await first.page.goto("/admin");

    const second = new EditorPage(await pageAs("editor"));
    await second.goto(id);
    await expect(second.page.getByText(/kept on the server/)).toBeVisible();
    await second.button("Discard them").click();
    await second.waitUntilEditable();
    await expect(second.lead).not.toHaveValue(/first device/);
    await second.goto(id);
    await second.waitUntilEditable();
    await expect(second.page.getByRole("heading", { name: "Unsaved changes found" })).toHaveCount(0);
  });

  test("offline typing is kept locally and saved when the connection returns", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    await editor.writeStory({ title: uniqueTitle("Offline test") });
    await editor.page.context().setOffline(true);
    await editor.summary.fill("Written on a train without signal.");
    await expect(editor.saveStatus).toHaveText("Offline — changes kept locally");
    const local = await editor.page.evaluate(() => Object.entries(localStorage).find(([key]) => key.startsWith("newsdesk:draft:"))?.[1] ?? "");
    expect(local).toContain("Written on a train without signal.");
    await editor.page.context().setOffline(false);
    await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
  });

  test("a new story is kept in the browser before it has a headline, and becomes a draft on its own", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("author"));
    await editor.gotoNew();
    await editor.body.fill("The first words, before any headline.");
    await expect(editor.saveStatus).toHaveText("Kept on this device — add a headline and choose a section to save a draft");
    await editor.title.fill(uniqueTitle("Autosaved draft"));
    await editor.section.selectOption({ label: "Culture" });
    // The first autosave creates the draft and moves to its address; typing carries on.
    await expect(editor.page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
    await editor.lead.fill("Lead written after the draft existed.");
    await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
    await editor.page.reload();
    await expect(editor.body).toHaveText("The first words, before any headline.");
    await expect(editor.page.getByRole("heading", { name: "Unsaved changes found" })).toBeVisible();
    await editor.button(/^Restore unsaved changes/).click();
    await expect(editor.lead).toHaveValue("Lead written after the draft existed.");
  });
});
