import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ArticleListPage } from "./pages/article-list-page";
import { EditorPage, uniqueTitle } from "./pages/editor-page";
import { ReportsQueuePage, TypoReporter } from "./pages/typo-report";
import { reference } from "./support/reference-story";

const THANKS = "Thank you — the editors have been told.";

/** A signed-out reader with an address of their own (rate limits are per address). */
async function readerPage(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  return context.newPage();
}

/** The admin id of a story, found through the article list's search. */
async function storyId(page: Page, title: string): Promise<string> {
  const list = new ArticleListPage(page);
  await list.goto(`q=${encodeURIComponent(title)}`);
  const href = await list.row(title).getByRole("link", { name: title, exact: true }).getAttribute("href");
  const id = /\/admin\/articles\/([0-9a-f-]{36})/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`No story "${title}"`);
  return id;
}

test.describe("reader typo reports", () => {
  test("a reader selects a mistake and presses Ctrl+Enter; an editor opens it highlighted, fixes it, accepts; the site shows the fix", async ({ pageAs, browser }) => {
    // A story of our own with a mistake in it (the reference story must stay as published).
    const editor = new EditorPage(await pageAs("editor"));
    const title = uniqueTitle("Ministry measures");
    await editor.gotoNew();
    const id = await editor.writeStory({ title, body: "The ministry anounced new measures on Tuesday. Officials welcomed them." });
    await editor.button("Publish now").click();
    await expect(editor.status).toHaveText("Published");
    const path = await editor.page.getByRole("link", { name: "View on the site" }).getAttribute("href");
    expect(path).toMatch(/^\/news\//);

    // The reader reports it.
    const reader = await readerPage(browser, "198.51.100.61");
    await reader.goto(path as string);
    const reporter = new TypoReporter(reader);
    await reporter.waitUntilReady();
    const body = reader.getByRole("article").getByText("The ministry anounced new measures");
    await reporter.select(body, "anounced");
    await reader.keyboard.press("Control+Enter");
    await expect(reporter.dialog).toBeVisible();
    await expect(reporter.passage).toHaveText("The ministry anounced new measures on Tuesday.");
    await expect(reporter.passage.locator("mark")).toHaveText("anounced");
    await expect(reporter.correction).toBeFocused();
    await reporter.correction.fill("announced");
    await reporter.comment.fill("Spelling.");
    await reporter.send.click();
    await expect(reporter.dialog).toBeHidden();
    await expect(reporter.status).toHaveText(THANKS);

    // The editor finds it in the queue, counted in the navigation.
    const queue = new ReportsQueuePage(editor.page);
    await queue.goto(`article=${id}`);
    await expect(editor.page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /^Typo reports \d+ new$/ })).toBeVisible();
    const card = queue.card("anounced");
    await expect(card).toContainText("Paragraph 1 of the body");
    await expect(card).toContainText("Suggested: anounced → announced");
    await expect(card).toContainText("Spelling.");
    await card.getByRole("link", { name: "Open in editor" }).click();

    // The editor opens at the highlighted spot, applies the correction, saves and accepts.
    await expect(editor.page).toHaveURL(new RegExp(`/admin/articles/${id}\\?report=`));
    await editor.waitUntilEditable();
    const panel = editor.page.getByTestId("report-panel");
    await expect(panel.getByTestId("report-location")).toHaveText("Highlighted in paragraph 1 of the body.");
    await expect(editor.body.locator(".report-highlight")).toHaveText("anounced");
    await panel.getByRole("button", { name: "Apply the correction" }).click();
    await expect(editor.body).toContainText("The ministry announced new measures");
    await expect(editor.body.locator(".report-highlight")).toHaveText("announced");
    await panel.getByRole("button", { name: "Save and accept" }).click();
    await expect(panel.getByRole("status")).toHaveText(/^Accepted and linked to the fix \(version \d+\)\.$/);
    const fixVersion = await editor.version();
    await expect(panel.getByRole("status")).toHaveText(`Accepted and linked to the fix (version ${fixVersion}).`);

    await queue.goto(`status=accepted&article=${id}`);
    await expect(queue.card("anounced")).toContainText(`fixed in version ${fixVersion}`);
    await queue.goto(`article=${id}`);
    await expect(queue.card("anounced")).toHaveCount(0);

    // The public page shows the fix (the page cache does not hide it).
    await reader.reload();
    await expect(reader.getByRole("article")).toContainText("The ministry announced new measures on Tuesday.");
    await expect(reader.getByRole("article")).not.toContainText("anounced");
    await expect(reader.locator(".article__meta")).toContainText("Updated");
    await reader.context().close();
  });

  test("a report on the reference story opens in the editor at the reported words; rejecting it leaves the story as it was", async ({ pageAs, browser }) => {
    const reader = await readerPage(browser, "198.51.100.62");
    await reader.goto(reference.path);
    const reporter = new TypoReporter(reader);
    await reporter.waitUntilReady();
    const paragraph = reader.getByRole("article").getByText(reference.paragraphs[2] as string, { exact: true });
    await reporter.reportSelection(paragraph, "inter-parliamentary", "interparliamentary");
    await expect(reporter.status).toHaveText(THANKS);
    await reader.context().close();

    const page = await pageAs("editor");
    const queue = new ReportsQueuePage(page);
    await queue.goto();
    const card = queue.card("inter-parliamentary");
    await expect(card).toContainText(reference.title);
    await expect(card).toContainText("Paragraph 3 of the body");
    await card.getByRole("link", { name: "Open in editor" }).click();
    const editor = new EditorPage(page);
    const panel = page.getByTestId("report-panel");
    await expect(panel.getByTestId("report-location")).toHaveText("Highlighted in paragraph 3 of the body.");
    await expect(editor.body.locator(".report-highlight")).toHaveText("inter-parliamentary");
    await expect(editor.body.locator(".report-highlight")).toBeInViewport();
    await panel.getByRole("button", { name: "Reject" }).click();
    await expect(panel.getByRole("status")).toHaveText("Rejected.");
    await expect(editor.body.locator(".report-highlight")).toHaveCount(0);
    await expect(editor.saveStatus).toHaveText("No unsaved changes");

    await queue.goto("status=rejected");
    await expect(queue.card("inter-parliamentary")).toContainText("Rejected by");
    expect(await (await page.request.get(reference.path)).text()).toContain(reference.paragraphs[2]);
  });

  test("keyboard and touch: the Report a typo button works with or without a selection, Escape closes, bad input is explained", async ({ browser }) => {
    const reader = await readerPage(browser, "198.51.100.63");
    await reader.goto(reference.path);
    const reporter = new TypoReporter(reader);
    await reporter.waitUntilReady();

    // Keyboard, nothing selected: the dialog asks for the phrase.
    await reporter.button.focus();
    await reader.keyboard.press("Enter");
    await expect(reporter.dialog).toBeVisible();
    await expect(reporter.phrase).toBeFocused();
    await reporter.phrase.fill("Damjan Jovicc");
    await reporter.send.click();
    await expect(reporter.dialog.getByText("“Damjan Jovicc” is not in this story.")).toBeVisible();
    await expect(reporter.phrase).toHaveAttribute("aria-invalid", "true");
    await reader.keyboard.press("Escape");
    await expect(reporter.dialog).toBeHidden();
    await expect(reporter.button).toBeFocused();

    await reader.keyboard.press("Enter");
    await expect(reporter.phrase).toHaveValue("");
    await reporter.phrase.fill("Damjan Jovic");
    await reporter.correction.fill("Damjan Jović");
    await reader.keyboard.press("Control+Enter");
    await expect(reporter.dialog).toBeHidden();
    await expect(reporter.status).toHaveText(THANKS);

    // Touch: select, then tap the button.
    const paragraph = reader.getByRole("article").getByText(reference.paragraphs[4] as string, { exact: true });
    await reporter.select(paragraph, "round table");
    await reporter.button.click();
    await expect(reporter.passage.locator("mark")).toHaveText("round table");
    await expect(reporter.passage).toHaveText(reference.paragraphs[4] as string);
    await reporter.cancel.click();
    await expect(reporter.dialog).toBeHidden();

    // A comment over the limit is refused by the server with a clear message (the field itself stops at 1,000).
    await reporter.select(paragraph, "researchers");
    await reporter.button.click();
    await reporter.comment.evaluate((element) => element.removeAttribute("maxlength"));
    await reporter.comment.fill("x".repeat(1001));
    await reporter.send.click();
    await expect(reporter.error).toHaveText("The comment can be at most 1,000 characters.");
    await expect(reporter.dialog).toBeVisible();
    await reader.context().close();
  });

  test("the API explains bad input, refuses stories readers cannot see, and limits each address (429 with Retry-After)", async ({ pageAs, browser, request }) => {
    const admin = await pageAs("editor");
    const ids = [await storyId(admin, reference.title), await storyId(admin, "Non-oil exports grow in January-September")];
    const post = (data: unknown, address: string) =>
      request.post("/api/typo-reports", { data: data as Record<string, unknown>, headers: { "X-Forwarded-For": address, "Content-Type": "application/json" } });
    const report = (articleId: string, n: number) => ({ articleId, selectedText: `spot ${n}`, contextBefore: "", contextAfter: "", paragraphIndex: 1 });

    const garbage = await request.post("/api/typo-reports", { data: "{not json", headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.70" } });
    expect(garbage.status()).toBe(400);
    expect(await garbage.json()).toEqual({ ok: false, message: "This report could not be read." });
    const invalid = await post({ ...report(ids[0] as string, 0), selectedText: 42, comment: "x".repeat(1001) }, "198.51.100.70");
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).errors).toEqual({ selectedText: ["The mistake must be text."], comment: ["The comment can be at most 1,000 characters."] });
    expect((await post(report("01900000-0000-7000-8000-000000000000", 0), "198.51.100.70")).status()).toBe(404);

    const busy = "198.51.100.71";
    for (let n = 1; n <= 10; n++) expect((await post(report(ids[n % 2] as string, n), busy)).status()).toBe(200);
    const limited = await post(report(ids[0] as string, 11), busy);
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await limited.json()).message).toBe("You have sent a lot of reports. Please try again in 10 minutes.");

    // The reader at that address sees the same message in the dialog; a neighbour is unaffected.
    const reader = await readerPage(browser, busy);
    await reader.goto(reference.path);
    const reporter = new TypoReporter(reader);
    await reporter.waitUntilReady();
    await reporter.reportSelection(reader.getByRole("article").getByText(reference.lead, { exact: true }), "Belgrade");
    await expect(reporter.error).toHaveText("You have sent a lot of reports. Please try again in 10 minutes.");
    await reader.context().close();
    expect((await post(report(ids[0] as string, 12), "198.51.100.72")).status()).toBe(200);
  });
});
