import type { Metadata } from "next";
import Link from "next/link";
import { listSectionsForAdmin, type AdminSection } from "@/lib/data/sections";
import { sectionPath } from "@/lib/urls";
import { loadOrNotFound } from "./_lib/load-or-not-found";
import { SectionTable } from "./_components/section-table";
import { pluralStories } from "./_components/story-counts";

export const metadata: Metadata = { title: "Sections" };

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 200) : undefined);

/** The confirmation after a create, edit or delete redirected here. */
function describeNotice(params: SearchParams, sections: AdminSection[]): string | null {
  const byId = (id: string | undefined) => sections.find((s) => s.id === id);
  const created = byId(single(params.created));
  if (created) return `Created "${created.name}". It is now in the site navigation at ${sectionPath(created.slug)}.`;
  const updated = byId(single(params.updated));
  if (updated) {
    const from = single(params.from);
    return from ? `Saved "${updated.name}". ${sectionPath(from)} now redirects to ${sectionPath(updated.slug)}.` : `Saved "${updated.name}".`;
  }
  const deleted = single(params.deleted);
  if (deleted) {
    const moved = Number(single(params.moved) ?? 0);
    const to = single(params.to);
    return moved > 0 && to ? `Deleted "${deleted}". Its ${pluralStories(moved)} moved to "${to}".` : `Deleted "${deleted}".`;
  }
  return null;
}

export default async function SectionsPage({ searchParams }: Props) {
  const sections = await loadOrNotFound(() => listSectionsForAdmin());
  const notice = describeNotice(await searchParams, sections);
  return (
    <div className="admin-page">
      <div className="admin-page__header">
        <h1>Sections</h1>
        <Link href="/admin/sections/new" className="button button--primary">
          New section
        </Link>
      </div>
      {notice && (
        <p className="form__success" role="status">
          {notice}
        </p>
      )}
      <p className="muted">
        The site navigation shows top-level sections in this order; a section page also lists its subsections&apos; stories.
      </p>
      {sections.length > 0 ? <SectionTable sections={sections} /> : <p>No sections yet. Create the first one to start filing stories.</p>}
    </div>
  );
}
