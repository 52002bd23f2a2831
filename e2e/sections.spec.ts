import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EditorPage } from "./pages/editor-page";
import { SectionsAdminPage } from "./pages/sections-admin-page";

/** A name and slug no other run or test uses. */
function uniqueSection(prefix: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `${prefix} ${id}`, slug: `${prefix.toLowerCase()}-${id}` };
}

async function navigationNames(page: Page): Promise<string[]> {
  await page.goto("/");
  return page.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents();
}

test.describe("sections admin", () => {
  test("an admin creates, reorders, renames and deletes a section; the public site follows", async ({ pageAs, page: publicPage }) => {
    const page = await pageAs("admin");
    const sections = new SectionsAdminPage(page);
    const desk = uniqueSection("Desk");
    await sections.createSection({ name: desk.name, description: "Stories from our regional desk." });
    await expect(sections.row(desk.name)).toContainText(`/news/${desk.slug}`);
    await expect(sections.row(desk.name)).toContainText("0 stories");

    expect(await navigationNames(publicPage)).toContain(desk.name);
    await publicPage.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: desk.name }).click();
    await expect(publicPage).toHaveURL(`/news/${desk.slug}`);
    await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(desk.name);
    await expect(publicPage.getByText("Stories from our regional desk.")).toBeVisible();

    // Reorder with the buttons; navigation follows.
    await sections.goto();
    const before = await sections.topLevelNames();
    const neighbour = before[before.indexOf(desk.name) - 1] as string;
    await sections.move(desk.name, "up");
    await expect.poll(async () => (await sections.topLevelNames()).indexOf(desk.name)).toBe((await sections.topLevelNames()).indexOf(neighbour) - 1);
    let nav = await navigationNames(publicPage);
    expect(nav.indexOf(desk.name)).toBeLessThan(nav.indexOf(neighbour));
    await sections.goto();
    await sections.move(desk.name, "down");
    nav = await navigationNames(publicPage);
    expect(nav.indexOf(desk.name)).toBeGreaterThan(nav.indexOf(neighbour));

    // Rename: the old address answers with a permanent redirect.
    const renamed = { name: `${desk.name} renamed`, slug: `${desk.slug}-renamed` };
    await sections.editSection(desk.name, { name: renamed.name, slug: renamed.slug });
    await expect(sections.notice).toContainText(`Saved "${renamed.name}". /news/${desk.slug} now redirects to /news/${renamed.slug}.`);
    const redirect = await publicPage.request.get(`/news/${desk.slug}`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(redirect.headers()["location"]).toBe(`/news/${renamed.slug}`);
    nav = await navigationNames(publicPage);
    expect(nav).toContain(renamed.name);
    expect(nav).not.toContain(desk.name);

    // An empty section is deleted without a question about its stories.
    await sections.openDelete(renamed.name);
    await expect(page.getByText(`"${renamed.name}" has no stories.`)).toBeVisible();
    await page.getByRole("button", { name: `Delete ${renamed.name}` }).click();
    await expect(sections.notice).toHaveText(`Deleted "${renamed.name}".`);
    await expect(sections.row(renamed.name)).toHaveCount(0);
    expect(await navigationNames(publicPage)).not.toContain(renamed.name);
    expect((await publicPage.goto(`/news/${renamed.slug}`))?.status()).toBe(404);
  });

  test("nests a subsection under a parent, shown on the parent's page", async ({ pageAs }) => {
    const page = await pageAs("admin");
    const sections = new SectionsAdminPage(page);
    const parent = uniqueSection("Region");
    const child = uniqueSection("City");
    await sections.createSection({ name: parent.name });
    await sections.createSection({ name: child.name, parent: parent.name });
    await expect(sections.row(child.name)).toHaveClass(/section-table__child/);
    // A section with subsections cannot be nested itself, nor deleted.
    await sections.openEdit(parent.name);
    await expect(sections.field("Parent section")).toBeDisabled();
    await sections.openDelete(parent.name);
    await expect(page.getByRole("alert").filter({ hasText: "has subsections" })).toContainText(child.name);
    await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

    await page.goto(`/news/${parent.slug}`);
    await page.getByRole("navigation", { name: `${parent.name} subsections` }).getByRole("link", { name: child.name }).click();
    await expect(page).toHaveURL(`/news/${child.slug}`);
    await expect(page.locator(".kicker").getByRole("link", { name: parent.name })).toBeVisible();
  });

  test("bad input comes back as errors beside the fields, with the typing kept", async ({ pageAs }) => {
    const page = await pageAs("admin");
    const sections = new SectionsAdminPage(page);
    const fresh = uniqueSection("Errors");
    await page.goto("/admin/sections/new");
    await sections.fill({ name: "x".repeat(81), slug: "foreign-policy", description: "Kept as typed" });
    await page.getByRole("button", { name: "Create section" }).click();
    await expect(sections.formError).toHaveText("Check the highlighted fields.");
    await expect(sections.fieldError("Name")).toHaveText("Names are at most 80 characters");
    await expect(sections.field("Name")).toHaveAttribute("aria-invalid", "true");
    await expect(sections.field("Description")).toHaveValue("Kept as typed");

    await sections.fill({ name: fresh.name });
    await page.getByRole("button", { name: "Create section" }).click();
    await expect(sections.fieldError("Slug")).toHaveText('The slug "foreign-policy" is already used by the section "Foreign policy"');
    await expect(sections.field("Name")).toHaveValue(fresh.name);

    // A parent that vanished (or was forged) is a field error too, never a 500.
    await sections.fill({ slug: fresh.slug });
    await sections.field("Parent section").evaluate((select: HTMLSelectElement) => {
      select.add(new Option("Ghost", "01900000-0000-7000-8000-000000000000"));
      select.value = "01900000-0000-7000-8000-000000000000";
    });
    await page.getByRole("button", { name: "Create section" }).click();
    await expect(sections.fieldError("Parent section")).toHaveText("That parent section does not exist (any more)");
  });

  test("deleting a section with stories moves them first, and old addresses follow", async ({ pageAs, page: reader }) => {
    const page = await pageAs("admin");
    const sections = new SectionsAdminPage(page);
    const arts = uniqueSection("Arts");
    const heritage = uniqueSection("Heritage");
    await sections.createSection({ name: arts.name });
    await sections.createSection({ name: heritage.name });

    // Two stories of its own in the doomed section: one published, one draft.
    const editor = new EditorPage(page);
    await editor.gotoNew();
    const publishedTitle = `Museum reopens ${arts.slug}`;
    await editor.writeStory({ title: publishedTitle, section: arts.name });
    await editor.button("Publish now").click();
    await expect(editor.status).toHaveText("Published");
    const storyPath = (await page.getByRole("link", { name: "View on the site" }).getAttribute("href")) ?? "";
    const storySlug = storyPath.split("/").pop() ?? "";
    await editor.gotoNew();
    await editor.writeStory({ title: `Gallery plans ${arts.slug}`, section: arts.name });

    await sections.openDelete(arts.name);
    await page.getByRole("button", { name: `Move stories and delete ${arts.name}` }).click();
    await expect(sections.fieldError("Move its 2 stories to")).toContainText("Choose a section to move them to");
    await sections.field("Move its 2 stories to").selectOption({ label: heritage.name });
    await page.getByRole("button", { name: `Move stories and delete ${arts.name}` }).click();
    await expect(sections.notice).toHaveText(`Deleted "${arts.name}". Its 2 stories moved to "${heritage.name}".`);
    await expect(sections.row(heritage.name)).toContainText("2 stories");

    let response = await reader.request.get(`/news/${arts.slug}`, { maxRedirects: 0 });
    expect(response.headers()["location"]).toBe(`/news/${heritage.slug}`);
    response = await reader.request.get(`/news/${arts.slug}/${storySlug}`, { maxRedirects: 0 });
    expect(response.headers()["location"]).toBe(`/news/${heritage.slug}/${storySlug}`);
    await reader.goto(`/news/${heritage.slug}`);
    await expect(reader.getByRole("main").getByRole("link", { name: publishedTitle })).toBeVisible();
  });

  test("editors and authors cannot reach sections admin, nor call its actions", async ({ pageAs }) => {
    for (const role of ["editor", "author"] as const) {
      const page = await pageAs(role);
      await page.goto("/admin");
      await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Sections" })).toHaveCount(0);
      for (const path of ["/admin/sections", "/admin/sections/new"]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
      }
    }

    // Capture a real "Move down" call made by the admin, then replay it with an editor's session.
    const admin = await pageAs("admin");
    const sections = new SectionsAdminPage(admin);
    const first = uniqueSection("First");
    const others = [uniqueSection("Second"), uniqueSection("Third")];
    await sections.createSection({ name: first.name });
    for (const other of others) await sections.createSection({ name: other.name });
    // Other tests add and remove sections in parallel: compare only this test's own.
    const ownOrder = async () => (await sections.topLevelNames()).filter((name) => [first, ...others].some((s) => s.name === name));
    const [actionRequest] = await Promise.all([
      admin.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"])),
      sections.move(first.name, "down"),
    ]);
    const orderAfterAdmin = await ownOrder();

    const editor = await pageAs("editor");
    const replay = await editor.request.post("/admin/sections", {
      headers: {
        "next-action": actionRequest.headers()["next-action"] as string,
        "content-type": actionRequest.headers()["content-type"] as string,
        accept: "text/x-component",
      },
      data: actionRequest.postDataBuffer() as Buffer,
      maxRedirects: 0,
    });
    expect(await replay.text()).toContain("Only admins can manage sections.");
    // Had the replay worked, First would have moved below Third.
    await sections.goto();
    expect(await ownOrder()).toEqual(orderAfterAdmin);
  });
});
