import "server-only";
import { db } from "../db";
import { memoizePublicData } from "../public-cache/memo";

/** A section as navigation and section pages show it. */
export interface PublicSection {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  parent: { name: string; slug: string } | null;
  children: { id: string; name: string; slug: string }[];
}

type SectionRow = { id: string; name: string; slug: string; description: string | null; parentId: string | null };

/**
 * Every section, parents with their subsections, in editorial order. Every
 * page's navigation reads it, so it is memoised for the process and dropped
 * on any section change (the database announces those).
 */
async function loadSections(): Promise<PublicSection[]> {
  return memoizePublicData("sections", [], async () => {
    const rows: SectionRow[] = await db.category.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, slug: true, description: true, parentId: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return rows.map((row) => {
      const parent = row.parentId ? byId.get(row.parentId) : undefined;
      return {
        id: row.id,
        name: row.name,
        slug: row.slug,
        description: row.description,
        parent: parent ? { name: parent.name, slug: parent.slug } : null,
        children: rows.filter((child) => child.parentId === row.id).map(({ id, name, slug }) => ({ id, name, slug })),
      };
    });
  });
}

/** Top-level sections in editorial order, each with its subsections. */
export async function listNavigationSections(): Promise<PublicSection[]> {
  return (await loadSections()).filter((section) => section.parent === null);
}

export async function getSectionBySlug(slug: string): Promise<PublicSection | null> {
  return (await loadSections()).find((section) => section.slug === slug) ?? null;
}

/** The section's own id and its subsections': what its pages and feeds list. */
export function sectionCategoryIds(section: PublicSection): string[] {
  return [section.id, ...section.children.map((child) => child.id)];
}

/**
 * The current slug of the section that used to answer at `slug` (renamed, or
 * deleted with its stories moved), or null. Callers try the live slug first.
 */
export async function findSectionRedirect(slug: string): Promise<string | null> {
  const redirect = await db.sectionRedirect.findUnique({ where: { fromSlug: slug }, select: { category: { select: { slug: true } } } });
  return redirect?.category.slug ?? null;
}
