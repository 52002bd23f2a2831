/**
 * Pure helpers for the one-level section tree (top-level sections, each with
 * optional subsections). Shared by the data layer and the admin pages.
 */

/** The least a tree helper needs to know about a section. */
export interface SectionNode {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  /** Raw sort key; only its order among siblings matters. */
  position: number;
}

const byEditorialOrder = (a: SectionNode, b: SectionNode) => a.position - b.position || a.name.localeCompare(b.name, "en");

/**
 * Sections in editorial order: each top-level section followed by its
 * subsections. Anything that does not fit one-level nesting (data written
 * around the rules) is appended at the end rather than hidden.
 */
export function orderSectionTree<T extends SectionNode>(sections: readonly T[]): { section: T; depth: 0 | 1 }[] {
  const ordered: { section: T; depth: 0 | 1 }[] = [];
  const placed = new Set<string>();
  const sorted = [...sections].sort(byEditorialOrder);
  for (const top of sorted.filter((s) => s.parentId === null)) {
    ordered.push({ section: top, depth: 0 });
    placed.add(top.id);
    for (const child of sorted.filter((s) => s.parentId === top.id)) {
      ordered.push({ section: child, depth: 1 });
      placed.add(child.id);
    }
  }
  for (const rest of sorted) if (!placed.has(rest.id)) ordered.push({ section: rest, depth: 1 });
  return ordered;
}

/** Siblings of a section (same parent), in editorial order, including itself. */
export function listSiblings<T extends SectionNode>(sections: readonly T[], parentId: string | null): T[] {
  return sections.filter((s) => s.parentId === parentId).sort(byEditorialOrder);
}

/**
 * Sections that may become this section's parent: top-level ones other than
 * itself, and none at all when it has subsections (nesting is one level).
 */
export function listParentOptions<T extends SectionNode>(sections: readonly T[], sectionId?: string): T[] {
  if (sectionId && sections.some((s) => s.parentId === sectionId)) return [];
  return sections.filter((s) => s.parentId === null && s.id !== sectionId).sort(byEditorialOrder);
}

/** Sections that can take over a deleted section's stories: every other one, in editorial order. */
export function listMoveTargets<T extends SectionNode>(sections: readonly T[], sectionId: string): { section: T; depth: 0 | 1 }[] {
  return orderSectionTree(sections).filter(({ section }) => section.id !== sectionId);
}
