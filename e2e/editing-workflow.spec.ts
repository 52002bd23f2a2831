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
