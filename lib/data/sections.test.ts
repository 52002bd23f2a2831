import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../auth/session";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "../errors";
import { actAs } from "../testing/session-mock";
import { createTestUser } from "../testing/test-users";
import { provideTestDatabase } from "../testing/test-database";
import { findSectionRedirect, listNavigationSections } from "./public-sections";
import { createSection, deleteSection, getSectionForAdmin, listSectionsForAdmin, moveSection, reorderSections, updateSection } from "./sections";

vi.mock("../auth/session", () => import("../testing/session-mock"));

const getDb = provideTestDatabase();
let admin: SessionUser;

/** The field errors a rejected call carried. */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

beforeAll(async () => {
  admin = await createTestUser(getDb(), "ADMIN");
});

beforeEach(() => actAs(admin));

describe("section admin: who may use it", () => {
  it("refuses editors, authors and anonymous callers on every function", async () => {
    const section = await createSection({ name: "Guarded" });
    const calls = [
      () => listSectionsForAdmin(),
      () => getSectionForAdmin(section.id),
      () => createSection({ name: "Sneaky" }),
      () => updateSection({ id: section.id, name: "Renamed by someone else" }),
      () => moveSection({ id: section.id, direction: "up" }),
      () => reorderSections({ parentId: null, orderedIds: [section.id] }),
      () => deleteSection({ id: section.id }),
    ];
    for (const role of ["EDITOR", "AUTHOR"] as const) {
      actAs(await createTestUser(getDb(), role));
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    }
    actAs(null);
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await getDb().category.findUnique({ where: { id: section.id }, select: { name: true } })).toEqual({ name: "Guarded" });
    expect(await getDb().category.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("treats a malformed or unknown id as a missing section", async () => {
    await expect(getSectionForAdmin("not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSectionForAdmin("01900000-0000-7000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSection({ id: "01900000-0000-7000-8000-000000000000", name: "X" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("creating sections", () => {
  it("makes the slug from the name, adds at the end and writes an audit event", async () => {
    const created = await createSection({ name: "Xəbərlər və Şərhlər", description: "  Analysis  " });
    expect(created.slug).toBe("xeberler-ve-sherhler");
    const list = await listSectionsForAdmin();
    const topLevel = list.filter((s) => s.depth === 0);
    expect(topLevel.at(-1)).toMatchObject({ id: created.id, description: "Analysis", siblingIndex: topLevel.length });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(event).toMatchObject({ action: "section.create", entityType: "section", actorId: admin.id, toState: created.slug });
    expect(event.data).toMatchObject({ after: { name: "Xəbərlər və Şərhlər", slug: created.slug, parent: null } });
  });

  it("rejects a duplicate slug, a duplicate sibling name and an unusable name as field errors", async () => {
    await createSection({ name: "Markets", slug: "markets" });
    expect((await fieldErrorsOf(createSection({ name: "Markets today", slug: "markets" }))).slug?.[0]).toMatch(/already used by the section "Markets"/);
    expect((await fieldErrorsOf(createSection({ name: "markets", slug: "markets-2" }))).name?.[0]).toMatch(/already exists/);
    expect((await fieldErrorsOf(createSection({ name: "北京" }))).slug?.[0]).toMatch(/Enter a slug/);
    expect((await fieldErrorsOf(createSection({ name: "x".repeat(81) }))).name).toBeDefined();
    expect((await fieldErrorsOf(createSection({ name: "Bad slug", slug: "Not A Slug" }))).slug).toBeDefined();
  });

  it("lets only one of two simultaneous creates with the same slug win", async () => {
    const results = await Promise.allSettled([createSection({ name: "Race one", slug: "race" }), createSection({ name: "Race two", slug: "race" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ValidationError);
  });
});

describe("nesting", () => {
  it("nests one level only, never under itself, and never a parent under another", async () => {
    const parent = await createSection({ name: "Regions" });
    const child = await createSection({ name: "Caucasus", parentId: parent.id });
    const other = await createSection({ name: "Continents" });
    expect((await fieldErrorsOf(createSection({ name: "Georgia", parentId: child.id }))).parentId?.[0]).toMatch(/itself a subsection/);
    expect((await fieldErrorsOf(createSection({ name: "Orphan", parentId: "01900000-0000-7000-8000-000000000000" }))).parentId?.[0]).toMatch(/does not exist/);
    expect((await fieldErrorsOf(updateSection({ id: other.id, name: "Continents", parentId: other.id }))).parentId?.[0]).toMatch(/its own parent/);
    expect((await fieldErrorsOf(updateSection({ id: parent.id, name: "Regions", parentId: other.id }))).parentId?.[0]).toMatch(/has subsections/);

    const list = await listSectionsForAdmin();
    const parentIndex = list.findIndex((s) => s.id === parent.id);
    expect(list[parentIndex + 1]).toMatchObject({ id: child.id, depth: 1, parentName: "Regions", siblingIndex: 1, siblingCount: 1 });
    expect(list[parentIndex]?.children).toEqual([{ id: child.id, name: "Caucasus", slug: "caucasus" }]);
  });

  it("moves a subsection to another parent (at the end) or to the top level", async () => {
    const a = await createSection({ name: "Parent A" });
    const b = await createSection({ name: "Parent B" });
    await createSection({ name: "B first", parentId: b.id });
    const child = await createSection({ name: "Wanderer", parentId: a.id });
    await updateSection({ id: child.id, name: "Wanderer", parentId: b.id });
    let row = await getSectionForAdmin(child.id);
    expect(row).toMatchObject({ parentId: b.id, siblingIndex: 2, siblingCount: 2 });
    await updateSection({ id: child.id, name: "Wanderer" });
    row = await getSectionForAdmin(child.id);
    expect(row).toMatchObject({ parentId: null, depth: 0 });
    const nav = await listNavigationSections();
    expect(nav.at(-1)?.slug).toBe("wanderer");
  });
});

describe("renaming and redirects", () => {
  it("keeps every former slug answering for the section, without chains", async () => {
    const section = await createSection({ name: "Tech", slug: "tech" });
    await updateSection({ id: section.id, name: "Technology", slug: "technology" });
    await updateSection({ id: section.id, name: "Technology", slug: "science-and-technology" });
    expect(await findSectionRedirect("tech")).toBe("science-and-technology");
    expect(await findSectionRedirect("technology")).toBe("science-and-technology");
    // Going back to an old slug drops the redirect that would point at itself.
    await updateSection({ id: section.id, name: "Tech", slug: "tech" });
    expect(await getDb().sectionRedirect.findUnique({ where: { fromSlug: "tech" } })).toBeNull();
    expect(await findSectionRedirect("science-and-technology")).toBe("tech");

    const events = await getDb().auditEvent.findMany({ where: { entityId: section.id, action: "section.update" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      ["tech", "technology"],
      ["technology", "science-and-technology"],
      ["science-and-technology", "tech"],
    ]);
    expect(events[0]?.data).toMatchObject({ changed: ["name", "slug"], before: { name: "Tech" }, after: { name: "Technology" } });
  });

  it("lets a new section take over a slug that only redirects", async () => {
    const old = await createSection({ name: "Opinion", slug: "opinion" });
    await updateSection({ id: old.id, name: "Commentary", slug: "commentary" });
    const fresh = await createSection({ name: "Opinion", slug: "opinion" });
    expect(fresh.slug).toBe("opinion");
    expect(await findSectionRedirect("opinion")).toBeNull();
  });

  it("writes nothing when nothing changed, and refuses an edit made on a stale copy", async () => {
    const section = await createSection({ name: "Weather" });
    const { version } = await getSectionForAdmin(section.id);
    await updateSection({ id: section.id, name: "Weather", slug: "weather" });
    expect(await getDb().auditEvent.count({ where: { entityId: section.id, action: "section.update" } })).toBe(0);
    // Someone reorders the sections meanwhile: not a conflict with a rename.
    await moveSection({ id: section.id, direction: "up" });
    await updateSection({ id: section.id, name: "Weather and climate", expectedVersion: version });
    await expect(updateSection({ id: section.id, name: "Forecasts", expectedVersion: version })).rejects.toBeInstanceOf(ConflictError);
    expect((await getSectionForAdmin(section.id)).name).toBe("Weather and climate");
  });
});
