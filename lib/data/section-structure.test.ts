import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../auth/session";
import { ConflictError, ValidationError } from "../errors";
import type { ArticleStatus } from "../generated/prisma/enums";
import { actAs } from "../testing/session-mock";
import { createTestUser } from "../testing/test-users";
import { provideTestDatabase } from "../testing/test-database";
import { findSectionRedirect, listNavigationSections } from "./public-sections";
import { createSection, deleteSection, getSectionForAdmin, listSectionsForAdmin, moveSection, reorderSections, updateSection } from "./sections";

vi.mock("../auth/session", () => import("../testing/session-mock"));

const getDb = provideTestDatabase();
let admin: SessionUser;
let storyCounter = 0;

async function fileStories(categoryId: string, statuses: ArticleStatus[]): Promise<string[]> {
  const ids: string[] = [];
  for (const status of statuses) {
    const slug = `story-${++storyCounter}`;
    const publishedAt = status === "DRAFT" || status === "IN_REVIEW" ? null : new Date();
    const row = await getDb().article.create({
      data: { slug, title: slug, lead: "Lead.", body: "<p>Body.</p>", status, publishedAt, categoryId, authorId: admin.id },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

async function topLevelSlugs(): Promise<string[]> {
  return (await listSectionsForAdmin()).filter((s) => s.depth === 0).map((s) => s.slug);
}

beforeAll(async () => {
  admin = await createTestUser(getDb(), "ADMIN");
  actAs(admin);
  for (const name of ["Alpha", "Bravo", "Charlie"]) await createSection({ name });
});

beforeEach(() => actAs(admin));

describe("reordering", () => {
  it("moves a section up and down among its siblings, as navigation shows", async () => {
    const bravo = (await listSectionsForAdmin()).find((s) => s.slug === "bravo");
    expect(await topLevelSlugs()).toEqual(["alpha", "bravo", "charlie"]);
    expect(await moveSection({ id: bravo!.id, direction: "up" })).toMatchObject({ moved: true, position: 1 });
    expect(await topLevelSlugs()).toEqual(["bravo", "alpha", "charlie"]);
    expect((await listNavigationSections()).map((s) => s.slug)).toEqual(["bravo", "alpha", "charlie"]);
    expect(await moveSection({ id: bravo!.id, direction: "up" })).toMatchObject({ moved: false, position: 1 });
    await moveSection({ id: bravo!.id, direction: "down" });
    await moveSection({ id: bravo!.id, direction: "down" });
    expect(await topLevelSlugs()).toEqual(["alpha", "charlie", "bravo"]);

    const events = await getDb().auditEvent.findMany({ where: { entityId: bravo!.id, action: "section.reorder" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      ["2", "1"],
      ["1", "2"],
      ["2", "3"],
    ]);
    expect(events[0]?.data).toMatchObject({ before: ["alpha", "bravo", "charlie"], after: ["bravo", "alpha", "charlie"] });
  });

  it("moves subsections only among their siblings", async () => {
    const parent = await createSection({ name: "Delta" });
    const one = await createSection({ name: "Delta one", parentId: parent.id });
    const two = await createSection({ name: "Delta two", parentId: parent.id });
    const before = await topLevelSlugs();
    await moveSection({ id: two.id, direction: "up" });
    expect(await topLevelSlugs()).toEqual(before);
    expect((await getSectionForAdmin(parent.id)).children.map((c) => c.id)).toEqual([two.id, one.id]);
  });

  it("applies a whole new order, and refuses one made from a stale list", async () => {
    const sections = (await listSectionsForAdmin()).filter((s) => s.depth === 0);
    const reversed = sections.map((s) => s.id).reverse();
    await reorderSections({ parentId: null, orderedIds: reversed });
    expect((await listSectionsForAdmin()).filter((s) => s.depth === 0).map((s) => s.id)).toEqual(reversed);
    await expect(reorderSections({ parentId: null, orderedIds: reversed.slice(1) })).rejects.toBeInstanceOf(ConflictError);
    await expect(reorderSections({ parentId: null, orderedIds: [...reversed.slice(1), reversed[1] as string] })).rejects.toBeInstanceOf(ConflictError);
    await reorderSections({ parentId: null, orderedIds: sections.map((s) => s.id) });
  });
});

describe("deleting", () => {
  it("counts stories per status and refuses to orphan them", async () => {
    const doomed = await createSection({ name: "Doomed" });
    await fileStories(doomed.id, ["DRAFT", "PUBLISHED", "PUBLISHED", "ARCHIVED"]);
    const row = await getSectionForAdmin(doomed.id);
    expect(row.stories).toMatchObject({ total: 4, DRAFT: 1, PUBLISHED: 2, ARCHIVED: 1, IN_REVIEW: 0 });
    const error = await deleteSection({ id: doomed.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.moveStoriesTo?.[0]).toMatch(/has 4 stories/);
    await expect(deleteSection({ id: doomed.id, moveStoriesTo: doomed.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(deleteSection({ id: doomed.id, moveStoriesTo: "01900000-0000-7000-8000-000000000000" })).rejects.toBeInstanceOf(ValidationError);
    expect(await getDb().article.count({ where: { categoryId: doomed.id } })).toBe(4);
  });

  it("refuses to delete a section with subsections, naming them", async () => {
    const parent = await createSection({ name: "Echo" });
    await createSection({ name: "Echo child", parentId: parent.id });
    await expect(deleteSection({ id: parent.id })).rejects.toThrow(/has subsections \("Echo child"\)/);
  });

  it("moves the stories, deletes the section and redirects its address, in one go", async () => {
    const source = await createSection({ name: "Foxtrot" });
    const target = await createSection({ name: "Golf" });
    const ids = await fileStories(source.id, ["PUBLISHED", "DRAFT", "SCHEDULED"]);
    const result = await deleteSection({ id: source.id, moveStoriesTo: target.id });
    expect(result).toEqual({ name: "Foxtrot", movedStories: 3, movedTo: { name: "Golf", slug: "golf" } });
    expect(await getDb().category.findUnique({ where: { id: source.id } })).toBeNull();
    expect(await getDb().article.count({ where: { id: { in: ids }, categoryId: target.id } })).toBe(3);
    expect(await findSectionRedirect("foxtrot")).toBe("golf");
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: source.id, action: "section.delete" } });
    expect(event).toMatchObject({ actorId: admin.id, fromState: "foxtrot", toState: "golf" });
    expect(event.data).toMatchObject({ movedStories: 3, movedTo: { id: target.id, slug: "golf" }, articleIds: [...ids].sort() });
  });

  it("deletes an empty section without asking where stories go", async () => {
    const empty = await createSection({ name: "Hotel" });
    expect(await deleteSection({ id: empty.id })).toEqual({ name: "Hotel", movedStories: 0, movedTo: null });
    expect(await findSectionRedirect("hotel")).toBeNull();
  });

  it("leaves everything as it was when the delete fails halfway", async () => {
    const source = await createSection({ name: "India" });
    const target = await createSection({ name: "Juliett" });
    const ids = await fileStories(source.id, ["PUBLISHED", "DRAFT"]);
    // A trigger makes the final DELETE fail after the stories were moved.
    await getDb().$executeRawUnsafe(`CREATE FUNCTION test_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await getDb().$executeRawUnsafe(`CREATE TRIGGER test_refuse_delete BEFORE DELETE ON "Category" FOR EACH ROW WHEN (OLD.slug = 'india') EXECUTE FUNCTION test_refuse_delete()`);
    try {
      await expect(deleteSection({ id: source.id, moveStoriesTo: target.id })).rejects.toThrow();
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER test_refuse_delete ON "Category"`);
      await getDb().$executeRawUnsafe(`DROP FUNCTION test_refuse_delete()`);
    }
    expect(await getDb().article.count({ where: { id: { in: ids }, categoryId: source.id } })).toBe(2);
    expect(await findSectionRedirect("india")).toBeNull();
    expect(await getDb().auditEvent.count({ where: { entityId: source.id, action: "section.delete" } })).toBe(0);
    expect((await getSectionForAdmin(source.id)).stories.total).toBe(2);
  });

  it("hands the deleted section's old addresses on to the new home", async () => {
    const source = await createSection({ name: "Kilo", slug: "kilo-old" });
    const target = await createSection({ name: "Lima" });
    await updateSection({ id: source.id, name: "Kilo", slug: "kilo" });
    await deleteSection({ id: source.id, moveStoriesTo: target.id });
    expect(await findSectionRedirect("kilo-old")).toBe("lima");
    expect(await findSectionRedirect("kilo")).toBe("lima");
  });
});
