import "server-only";
import { db } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { ArticleStatus } from "../generated/prisma/enums";
import { listSiblings, orderSectionTree } from "../section-tree";
import { isValidSlug, slugify } from "../slug";
import type { SectionFormInput, UpdateSectionInput } from "../validations/section";
import { MAX_SECTION_DESCRIPTION_LENGTH, MAX_SECTION_NAME_LENGTH } from "../validations/section";
import {
  assertSectionId,
  fingerprintSection,
  isUniqueViolation,
  recordSectionEvent,
  requireSectionManager,
  withSectionTreeLock,
  type SectionSnapshot,
  type Tx,
} from "./section-support";

export { deleteSection, moveSection, reorderSections } from "./section-structure";

/** Stories filed in a section, per status and in total (drafts and archive included). */
export type StoryCounts = Record<ArticleStatus, number> & { total: number };

/** A section as the admin lists and edits it. */
export interface AdminSection {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  parentId: string | null;
  parentName: string | null;
  /** Raw sort key among siblings. */
  position: number;
  /** 0 for top-level sections, 1 for subsections. */
  depth: 0 | 1;
  /** 1-based place among its siblings, and how many siblings there are. */
  siblingIndex: number;
  siblingCount: number;
  children: { id: string; name: string; slug: string }[];
  stories: StoryCounts;
  /** Sent back with the edit form to detect someone else's change in between (see fingerprintSection). */
  version: string;
}

const emptyCounts = (): StoryCounts => ({ DRAFT: 0, IN_REVIEW: 0, SCHEDULED: 0, PUBLISHED: 0, ARCHIVED: 0, total: 0 });

/** Every section in editorial order (parents followed by their subsections), with story counts. */
export async function listSectionsForAdmin(): Promise<AdminSection[]> {
  await requireSectionManager();
  const [rows, groups] = await Promise.all([
    db.category.findMany({
      select: { id: true, name: true, slug: true, description: true, parentId: true, position: true },
    }),
    db.article.groupBy({ by: ["categoryId", "status"], _count: { _all: true } }),
  ]);
  const counts = new Map<string, StoryCounts>();
  for (const group of groups) {
    const entry = counts.get(group.categoryId) ?? emptyCounts();
    entry[group.status] += group._count._all;
    entry.total += group._count._all;
    counts.set(group.categoryId, entry);
  }
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return orderSectionTree(rows).map(({ section, depth }) => {
    const siblings = listSiblings(rows, section.parentId);
    return {
      ...section,
      version: fingerprintSection(section),
      parentName: section.parentId ? (names.get(section.parentId) ?? null) : null,
      depth,
      siblingIndex: siblings.findIndex((s) => s.id === section.id) + 1,
      siblingCount: siblings.length,
      children: listSiblings(rows, section.id).map(({ id, name, slug }) => ({ id, name, slug })),
      stories: counts.get(section.id) ?? emptyCounts(),
    };
  });
}

/** One section for its edit and delete pages; NotFoundError when there is none. */
export async function getSectionForAdmin(id: string): Promise<AdminSection> {
  await requireSectionManager();
  assertSectionId(id);
  const section = (await listSectionsForAdmin()).find((s) => s.id === id);
  if (!section) throw new NotFoundError("Section not found");
  return section;
}

function normaliseFields(input: SectionFormInput): { name: string; slug: string; description: string | null; parentId: string | null } {
  const name = input.name.trim();
  const description = input.description?.trim() || null;
  const errors: Record<string, string[]> = {};
  if (!name) errors.name = ["Enter a name"];
  if (name.length > MAX_SECTION_NAME_LENGTH) errors.name = [`Names are at most ${MAX_SECTION_NAME_LENGTH} characters`];
  if (description && description.length > MAX_SECTION_DESCRIPTION_LENGTH) {
    errors.description = [`Descriptions are at most ${MAX_SECTION_DESCRIPTION_LENGTH} characters`];
  }
  const slug = input.slug?.trim() || slugify(name);
  if (!isValidSlug(slug)) {
    errors.slug = [input.slug ? "Use lowercase letters, digits and single hyphens (e.g. foreign-policy)" : "Enter a slug: none can be made from this name"];
  }
  if (Object.keys(errors).length) throw new ValidationError("Check the highlighted fields.", errors);
  return { name, slug, description, parentId: input.parentId ?? null };
}

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const taken = await tx.category.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (taken && taken.id !== exceptId) {
    throw new ValidationError("Check the highlighted fields.", { slug: [`The slug "${slug}" is already used by the section "${taken.name}"`] });
  }
}

async function assertNameFree(tx: Tx, name: string, parentId: string | null, exceptId?: string): Promise<void> {
  const taken = await tx.category.findFirst({
    where: { parentId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const where = parentId ? "under the same parent" : "at the top level";
    throw new ValidationError("Check the highlighted fields.", { name: [`A section named "${name}" already exists ${where}`] });
  }
}

/** Enforces one-level nesting; returns the parent's snapshot (or null for top level). */
async function resolveParent(
  tx: Tx,
  parentId: string | null,
  section?: { id: string; name: string; childCount: number },
): Promise<SectionSnapshot["parent"]> {
  if (!parentId) return null;
  const fail = (message: string) => new ValidationError("Check the highlighted fields.", { parentId: [message] });
  if (section && parentId === section.id) throw fail("A section cannot be its own parent");
  const parent = await tx.category.findUnique({ where: { id: parentId }, select: { id: true, name: true, slug: true, parentId: true } });
  if (!parent) throw fail("That parent section does not exist (any more)");
  if (parent.parentId) throw fail(`"${parent.name}" is itself a subsection; sections nest only one level`);
  if (section && section.childCount > 0) {
    throw fail(`"${section.name}" has subsections, so it must stay top level; move its subsections first`);
  }
  return { id: parent.id, name: parent.name, slug: parent.slug };
}

async function nextPosition(tx: Tx, parentId: string | null): Promise<number> {
  const last = await tx.category.aggregate({ where: { parentId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** Translates a lost race on the unique slug into the same field error the check gives. */
async function withSlugRace<T>(slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError("Check the highlighted fields.", { slug: [`The slug "${slug}" is already used by another section`] });
    }
    throw error;
  }
}

/** Creates a section at the end of its siblings. A blank slug is made from the name. */
export async function createSection(input: SectionFormInput): Promise<{ id: string; slug: string }> {
  const actor = await requireSectionManager();
  const fields = normaliseFields(input);
  return withSlugRace(fields.slug, () =>
    withSectionTreeLock(async (tx) => {
      await assertSlugFree(tx, fields.slug);
      const parent = await resolveParent(tx, fields.parentId);
      await assertNameFree(tx, fields.name, fields.parentId);
      // A live section's address wins over an old redirect that used the slug.
      await tx.sectionRedirect.deleteMany({ where: { fromSlug: fields.slug } });
      const created = await tx.category.create({
        data: { ...fields, position: await nextPosition(tx, fields.parentId) },
        select: { id: true, slug: true },
      });
      const after: SectionSnapshot = { name: fields.name, slug: fields.slug, description: fields.description, parent };
      await recordSectionEvent(tx, actor, { action: "section.create", entityId: created.id, toState: created.slug, data: { after: { ...after } } });
      return created;
    }),
  );
}

/**
 * Renames, re-slugs, re-describes or re-parents a section. A new slug leaves
 * the old one behind as a redirect, so published section links keep working.
 */
export async function updateSection(input: UpdateSectionInput): Promise<{ id: string; slug: string; previousSlug: string }> {
  const actor = await requireSectionManager();
  assertSectionId(input.id);
  const fields = normaliseFields(input);
  return withSlugRace(fields.slug, () =>
    withSectionTreeLock(async (tx) => {
      const current = await tx.category.findUnique({
        where: { id: input.id },
        select: {
          id: true,
          name: true,
          slug: true,
          description: true,
          parentId: true,
          parent: { select: { id: true, name: true, slug: true } },
          _count: { select: { children: true } },
        },
      });
      if (!current) throw new NotFoundError("Section not found");
      if (input.expectedVersion && input.expectedVersion !== fingerprintSection(current)) {
        throw new ConflictError("Someone else changed this section after you opened it. Reload to see their version, then make your change again.");
      }
      if (fields.slug !== current.slug) await assertSlugFree(tx, fields.slug, current.id);
      const parent = await resolveParent(tx, fields.parentId, { id: current.id, name: current.name, childCount: current._count.children });
      await assertNameFree(tx, fields.name, fields.parentId, current.id);

      const before: SectionSnapshot = { name: current.name, slug: current.slug, description: current.description, parent: current.parent };
      const after: SectionSnapshot = { name: fields.name, slug: fields.slug, description: fields.description, parent };
      const changed = (Object.keys(after) as (keyof SectionSnapshot)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      if (changed.length === 0) return { id: current.id, slug: current.slug, previousSlug: current.slug };

      const isReparented = fields.parentId !== current.parentId;
      await tx.category.update({
        where: { id: current.id },
        data: { ...fields, ...(isReparented ? { position: await nextPosition(tx, fields.parentId) } : {}) },
      });
      if (fields.slug !== current.slug) {
        await tx.sectionRedirect.deleteMany({ where: { fromSlug: fields.slug } });
        await tx.sectionRedirect.upsert({
          where: { fromSlug: current.slug },
          create: { fromSlug: current.slug, categoryId: current.id },
          update: { categoryId: current.id },
        });
      }
      await recordSectionEvent(tx, actor, {
        action: "section.update",
        entityId: current.id,
        fromState: current.slug,
        toState: fields.slug,
        data: { changed, before: { ...before }, after: { ...after } },
      });
      return { id: current.id, slug: fields.slug, previousSlug: current.slug };
    }),
  );
}
