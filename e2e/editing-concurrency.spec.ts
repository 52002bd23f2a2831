import { expect, test } from "./fixtures";
import { EditorPage, uniqueTitle } from "./pages/editor-page";

test.describe("concurrent editing", () => {
  test("two people edit one story: the lease shows who is editing, the second save gets the conflict view, and both texts survive", async ({ pageAs }) => {
    const editor = new EditorPage(await pageAs("editor"));
    await editor.gotoNew();
    const title = uniqueTitle("Budget debate");
    const id = await editor.writeStory({ title, body: "Parliament debated the budget." });
    await editor.body.click();
    await editor.page.keyboard.press("End");
    await editor.page.keyboard.type(" Aysel's addition about taxes.");

    const admin = new EditorPage(await pageAs("admin"));
    await admin.goto(id);
    await expect(admin.leaseBanner).toContainText(/Aysel Mammadova is editing since \d\d:\d\d/);
    await expect(admin.title).toBeDisabled();
    await admin.button("Take over").click();
    await admin.waitUntilEditable();
    await admin.lead.fill("Leyla's corrected lead, Report informs.");
    await admin.body.click();
    await admin.page.keyboard.press("End");
    await admin.page.keyboard.type(" Leyla's note on spending.");
    await admin.saveButton.click();
    await expect(admin.notice).toHaveText("Saved as version 2.");

    // The editor is told at the next heartbeat (focus triggers one) and keeps their text.
    await editor.page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(editor.leaseBanner).toContainText(/Leyla Hasanova took over editing at \d\d:\d\d — your text is kept/);
    await expect(editor.body).toHaveAttribute("contenteditable", "false");
    await expect(editor.body).toContainText("Aysel's addition about taxes.");
    await editor.button("Take over again").click();
    await editor.waitUntilEditable();
    await editor.saveButton.click();

    await expect(editor.conflict).toBeVisible();
    await expect(editor.conflict.getByRole("heading", { level: 2 })).toHaveText(/Leyla Hasanova saved a newer version \(2\)/);
    await expect(editor.conflict.getByTestId("theirs-body")).toContainText("Leyla's note on spending.");
    await expect(editor.conflict.getByTestId("mine-body")).toContainText("Aysel's addition about taxes.");
    await expect(editor.conflict.getByTestId("theirs-lead")).toContainText("Leyla's corrected lead");
    // Merge: take their lead, keep my body, save on top of their version.
    await editor.button("Use theirs for lead").click();
    await expect(editor.lead).toHaveValue("Leyla's corrected lead, Report informs.");
    await editor.button("Merge by editing").click();
    await editor.body.click();
    await editor.page.keyboard.press("End");
    await editor.page.keyboard.type(" Leyla's note on spending.");
    await editor.button("Save merged version").click();
    await expect(editor.notice).toHaveText("Saved as version 3.");
    await expect(editor.conflict).toHaveCount(0);

    await editor.page.goto(`/admin/articles/${id}/revisions`);
    await expect(editor.page.getByTestId("revision-2")).toContainText("Leyla Hasanova");
    await expect(editor.page.getByTestId("revision-3")).toContainText("Aysel Mammadova");
    const diff = editor.page.getByRole("region", { name: "Changes from version 2 to version 3" });
    await expect(diff.locator("ins")).toContainText(["Aysel's addition about taxes."]);
  });
});

test.describe("reading while someone else edits", () => {
  test("when the holder saves and leaves, the reader gets the story and is moved onto the newest version", async ({ pageAs }) => {
    const holder = new EditorPage(await pageAs("editor"));
    await holder.gotoNew();
    const id = await holder.writeStory({ title: uniqueTitle("Hand-over"), body: "First draft." });

    const reader = new EditorPage(await pageAs("admin"));
    await reader.goto(id);
    await expect(reader.leaseBanner).toContainText("Aysel Mammadova is editing since");
    await expect(reader.body).toHaveAttribute("contenteditable", "false");

    await holder.body.fill("Second draft, saved by the holder.");
    await holder.saveButton.click();
    await expect(holder.notice).toHaveText("Saved as version 2.");
    await holder.page.goto("/admin");

    await reader.page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(reader.page.getByRole("heading", { name: "A newer version (2) was saved while you were reading" })).toBeVisible();
    await expect(reader.title).toBeDisabled();
    await reader.button("Load the latest version").click();
    await reader.waitUntilEditable();
    await expect(reader.body).toHaveText("Second draft, saved by the holder.");
  });
});
