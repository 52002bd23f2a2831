import "server-only";
import { db } from "../db";

/** A section as navigation and section pages show it. */
export interface PublicSection {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  parent: { name: string; slug: string } | null;
  children: { name: string; slug: string }[];
}

/** Top-level sections in editorial order, each with its subsections. */
export async function listNavigationSections(): Promise<PublicSection[]> {
  const rows = await db.category.findMany({
    where: { parentId: null },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      children: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { name: true, slug: true } },
    },
  });
  return rows.map((row) => ({ ...row, parent: null }));
}

export async function getSectionBySlug(slug: string): Promise<PublicSection | null> {
  return db.category.findUnique({
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      parent: { select: { name: true, slug: true } },
      children: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { name: true, slug: true } },
    },
  });
}

/**
 * The current slug of the section that used to answer at `slug` (renamed, or
 * deleted with its stories moved), or null. Callers try the live slug first.
 */
export async function findSectionRedirect(slug: string): Promise<string | null> {
  const redirect = await db.sectionRedirect.findUnique({ where: { fromSlug: slug }, select: { category: { select: { slug: true } } } });
  return redirect?.category.slug ?? null;
}
