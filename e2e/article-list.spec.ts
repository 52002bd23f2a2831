import { expect, test } from "./fixtures";
import { ArticleListPage } from "./pages/article-list-page";
import { demoAccount } from "./support/demo-users";
import { LIST_MARKER, listFixtures } from "./support/list-fixtures";
import { reference } from "./support/reference-story";

// The fixture stories (e2e/support/list-fixtures.ts) all carry LIST_MARKER;
// searching for it gives each journey a set other specs cannot change.
const fixtureQuery = `q=${LIST_MARKER}&sort=updated`;

test.describe("article list", () => {
  test("editor sees per-status counts and filters by status and section", async ({ pageAs }) => {
    const list = new ArticleListPage(await pageAs("editor"));
    await list.goto(fixtureQuery);
    await expect(list.heading).toHaveText("Articles");
    expect(await list.countOf("All")).toBe("25");
    expect(await list.countOf("Draft")).toBe("10");
    expect(await list.countOf("In review")).toBe("4");
    // A scheduled story whose time has passed counts as published.
    expect(await list.countOf("Scheduled")).toBe("3");
    expect(await list.countOf("Published")).toBe("4");
    expect(await list.countOf("Archived")).toBe("4");

    await list.statusTab("In review").click();
    await expect(list.page).toHaveURL(/status=in_review/);
    await expect(list.rows()).toHaveCount(4);
    await expect(list.rows().getByText("In review", { exact: true })).toHaveCount(4);
    await expect(list.statusTab("In review")).toHaveAttribute("aria-current", "page");

    await list.statusTab("All").click();
    await expect(list.statusTab("All")).toHaveAttribute("aria-current", "page");
    await list.chooseFilter("Section", "Economy");
    // Economy includes its Business subsection.
    await expect(list.page).toHaveURL(/section=economy/);
    await expect(list.rows()).toHaveCount(12);
    await expect(list.row("Bank branch network shrinks")).toContainText("Business");
    expect(await list.countOf("Draft")).toBe("6");

    await list.page.goBack();
    await expect(list.rows()).toHaveCount(25);
    await expect(list.filters.getByLabel("Section")).toHaveValue("");

    const scheduled = list.row("Wrestling federation elects president");
    await list.statusTab("Scheduled").click();
    await expect(scheduled.getByText(/^Scheduled for [A-Z][a-z]+ \d{1,2}, \d{4} \d{2}:\d{2}$/)).toBeVisible();
  });

  test("search finds the reference story by a word in its body and explains an empty result", async ({ pageAs }) => {
    const list = new ArticleListPage(await pageAs("editor"));
    await list.goto();
    await list.searchFor("landmines");
    await expect(list.page).toHaveURL(/q=landmines/);
    await expect(list.rows().first()).toContainText(reference.title);
    await expect(list.filters.getByLabel("Sort by").locator("option:checked")).toHaveText("Best match");

    await list.searchFor('"political consultations" -belgrade');
    await expect(list.rows()).toHaveCount(0);
    await expect(list.emptyState).toContainText("No stories match “\"political consultations\" -belgrade”");
    await list.emptyState.getByRole("link", { name: "Clear filters" }).click();
    await expect(list.page).toHaveURL(/\/admin\/articles$/);
    await expect(list.rows().first()).toBeVisible();
  });

  test("keyset pages go forward and back", async ({ pageAs }) => {
    const list = new ArticleListPage(await pageAs("editor"));
    await list.goto(`${fixtureQuery}&per=20`);
    const expected = listFixtures.map((f) => f.title);
    await expect(list.rows()).toHaveCount(20);
    expect(await list.titles()).toEqual(expected.slice(0, 20));
    await expect(list.pages.getByRole("link", { name: "← Previous page" })).toHaveCount(0);

    await list.pages.getByRole("link", { name: "Next page →" }).click();
    await expect(list.rows()).toHaveCount(5);
    expect(await list.titles()).toEqual(expected.slice(20));
    await expect(list.pages.getByRole("link", { name: "Next page →" })).toHaveCount(0);

    await list.pages.getByRole("link", { name: "← Previous page" }).click();
    await expect(list.rows()).toHaveCount(20);
    expect(await list.titles()).toEqual(expected.slice(0, 20));
  });

  test("an author sees only their own stories, whatever the address asks", async ({ pageAs }) => {
    const list = new ArticleListPage(await pageAs("author"));
    await list.goto(`${fixtureQuery}&author=${demoAccount("editor").slug}&per=50`);
    await expect(list.heading).toHaveText("My articles");
    await expect(list.filters.getByLabel("Author")).toHaveCount(0);
    expect(await list.countOf("All")).toBe("11");
    await expect(list.rows()).toHaveCount(11);
    await expect(list.rows().filter({ hasText: demoAccount("editor").name })).toHaveCount(0);
    await expect(list.row("Chess olympiad squad named")).toHaveCount(0);
  });

  test("odd addresses are explained, never an error page", async ({ pageAs }) => {
    const list = new ArticleListPage(await pageAs("editor"));
    const response = await list.goto("status=bogus&per=7&after=%%%&section=no-such-desk");
    expect(response?.status()).toBe(200);
    await expect(list.page.getByRole("status").filter({ hasText: "not understood" })).toContainText("The status in the address");
    await expect(list.page.getByText("There is no section “no-such-desk”.")).toBeVisible();
    await expect(list.emptyState).toContainText("No stories match these filters");
  });
});
