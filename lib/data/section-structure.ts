import "server-only";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { listSiblings } from "../section-tree";
import type { DeleteSectionInput, MoveSectionInput } from "../validations/section";
import {
  assertSectionId,
  isForeignKeyViolation,
  recordSectionEvent,
  requireSectionManager,
  withSectionTreeLock,
  type Tx,
} from "./section-support";

// Section moves, reorders and deletes: the writes that change the tree's shape.

const siblingSelect = { id: true, name: true, slug: true, parentId: true, position: true } as const;
type Sibling = { id: string; name: string; slug: string; parentId: string | null; position: number };

async function loadSiblings(tx: Tx, parentId: string | null): Promise<Sibling[]> {
  return listSiblings(await tx.category.findMany({ where: { parentId }, select: siblingSelect }), parentId);
}

/** Stores `order` as positions 0..n-1, touching only rows whose position changes. */
async function writeOrder(tx: Tx, order: Sibling[]): Promise<void> {
  for (const [index, sibling] of order.entries()) {
    if (sibling.position !== index) await tx.category.update({ where: { id: sibling.id }, data: { position: index } });
  }
}

const pluralStories = (count: number) => (count === 1 ? "1 story" : `${count} stories`);

/**
 * Moves a section one place up or down among its siblings. Moving the first
 * up or the last down changes nothing and reports `moved: false`.
 */
export async function moveSection(input: MoveSectionInput): Promise<{ moved: boolean; name: string; position: number; siblingCount: number }> {
  const actor = await requireSectionManager();
  assertSectionId(input.id);
  return withSectionTreeLock(async (tx) => {
    const section = await tx.category.findUnique({ where: { id: input.id }, select: siblingSelect });
    if (!section) throw new NotFoundError("Section not found");
    const siblings = await loadSiblings(tx, section.parentId);
    const from = siblings.findIndex((s) => s.id === section.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return { moved: false, name: section.name, position: from + 1, siblingCount: siblings.length };
    const order = [...siblings];
    [order[from], order[to]] = [order[to] as Sibling, order[from] as Sibling];
    await writeOrder(tx, order);
    await recordSectionEvent(tx, actor, {
      action: "section.reorder",
      entityId: section.id,
      fromState: String(from + 1),
      toState: String(to + 1),
      data: { name: section.name, slug: section.slug, parentId: section.parentId, before: siblings.map((s) => s.slug), after: order.map((s) => s.slug) },
    });
    return { moved: true, name: section.name, position: to + 1, siblingCount: siblings.length };
  });
}

/**
 * Puts one sibling group (the top level when parentId is null) in the given
 * order. The ids must be exactly that group: a list made before someone else
 * added, moved or deleted a section is a conflict, not a partial reorder.
 */
export async function reorderSections(input: { parentId: string | null; orderedIds: string[] }): Promise<void> {
  const actor = await requireSectionManager();
  if (input.parentId) assertSectionId(input.parentId);
  await withSectionTreeLock(async (tx) => {
    if (input.parentId && !(await tx.category.findUnique({ where: { id: input.parentId }, select: { id: true } }))) {
      throw new NotFoundError("Section not found");
    }
    const siblings = await loadSiblings(tx, input.parentId);
    const byId = new Map(siblings.map((s) => [s.id, s]));
    const isSameGroup = input.orderedIds.length === siblings.length && new Set(input.orderedIds).size === siblings.length && input.orderedIds.every((id) => byId.has(id));
    if (!isSameGroup) throw new ConflictError("The sections changed since the list was loaded. Reload and try again.");
    const order = input.orderedIds.map((id) => byId.get(id) as Sibling);
    if (order.every((s, index) => s.id === siblings[index]?.id)) return;
    await writeOrder(tx, order);
    await recordSectionEvent(tx, actor, {
      action: "section.reorder",
      entityId: input.parentId,
      data: { parentId: input.parentId, before: siblings.map((s) => s.slug), after: order.map((s) => s.slug) },
    });
  });
}

/**
 * Deletes a section. Its stories (any status) must go somewhere: with
 * `moveStoriesTo` they are moved and the section deleted in one transaction,
 * and the old section address redirects to the new home. A section with
 * subsections cannot be deleted until they are moved or deleted.
 */
export async function deleteSection(input: DeleteSectionInput): Promise<{ name: string; movedStories: number; movedTo: { name: string; slug: string } | null }> {
  const actor = await requireSectionManager();
  assertSectionId(input.id);
  if (input.moveStoriesTo) assertSectionId(input.moveStoriesTo);
  try {
    return await withSectionTreeLock(async (tx) => {
      const section = await tx.category.findUnique({
        where: { id: input.id },
        select: {
          id: true,
          name: true,
          slug: true,
          description: true,
          parent: { select: { id: true, name: true, slug: true } },
          children: { select: { name: true }, orderBy: { position: "asc" } },
          _count: { select: { articles: true } },
        },
      });
      if (!section) throw new NotFoundError("Section not found");
      if (section.children.length > 0) {
        const names = section.children.map((c) => `"${c.name}"`).join(", ");
        throw new ValidationError(`"${section.name}" has subsections (${names}). Move them to another parent or delete them first.`);
      }
      const storyCount = section._count.articles;
      const target = await resolveMoveTarget(tx, section, input.moveStoriesTo, storyCount);

      const articleIds = storyCount > 0 ? (await tx.article.findMany({ where: { categoryId: section.id }, select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id) : [];
      if (target) {
        if (articleIds.length > 0) await tx.article.updateMany({ where: { id: { in: articleIds } }, data: { categoryId: target.id } });
        // Links to the deleted section (and to its own former slugs) now lead to the stories' new home.
        await tx.sectionRedirect.updateMany({ where: { categoryId: section.id }, data: { categoryId: target.id } });
        await tx.sectionRedirect.upsert({
          where: { fromSlug: section.slug },
          create: { fromSlug: section.slug, categoryId: target.id },
          update: { categoryId: target.id },
        });
      }
      await tx.category.delete({ where: { id: section.id } });
      await recordSectionEvent(tx, actor, {
        action: "section.delete",
        entityId: section.id,
        fromState: section.slug,
        toState: target?.slug ?? null,
        data: {
          before: { name: section.name, slug: section.slug, description: section.description, parent: section.parent },
          movedStories: articleIds.length,
          movedTo: target,
          articleIds,
        },
      });
      return { name: section.name, movedStories: articleIds.length, movedTo: target ? { name: target.name, slug: target.slug } : null };
    });
  } catch (error) {
    // Only a story filed here by someone else mid-transaction can trip the foreign key.
    if (isForeignKeyViolation(error)) throw new ConflictError("Stories were filed in this section while it was being deleted. Try again.");
    throw error;
  }
}

async function resolveMoveTarget(
  tx: Tx,
  section: { id: string; name: string },
  moveStoriesTo: string | undefined,
  storyCount: number,
): Promise<{ id: string; name: string; slug: string } | null> {
  const fail = (message: string) => new ValidationError(message, { moveStoriesTo: [message] });
  if (!moveStoriesTo) {
    if (storyCount > 0) throw fail(`"${section.name}" has ${pluralStories(storyCount)}. Choose a section to move them to.`);
    return null;
  }
  if (moveStoriesTo === section.id) throw fail("Choose a section other than the one being deleted");
  const target = await tx.category.findUnique({ where: { id: moveStoriesTo }, select: { id: true, name: true, slug: true } });
  if (!target) throw fail("That section does not exist (any more); choose another");
  return target;
}
