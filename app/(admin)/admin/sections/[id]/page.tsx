import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSectionForAdmin, listSectionsForAdmin } from "@/lib/data/sections";
import { listParentOptions } from "@/lib/section-tree";
import { sectionPath } from "@/lib/urls";
import { loadOrNotFound } from "../_lib/load-or-not-found";
import { updateSectionAction } from "../actions";
import { SectionForm } from "../_components/section-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSectionForAdmin((await params).id).catch(() => null);
  return { title: section ? `Edit ${section.name}` : "Section" };
}

export default async function EditSectionPage({ params }: Props) {
  const { id } = await params;
  const sections = await loadOrNotFound(() => listSectionsForAdmin(), `/admin/sections/${id}`);
  const section = sections.find((s) => s.id === id);
  if (!section) notFound();
  const parentOptions = listParentOptions(sections, section.id).map((s) => ({ id: s.id, name: s.name }));
  return (
    <div className="admin-page admin-page--narrow">
      <p className="admin-page__back">
        <Link href="/admin/sections">← All sections</Link>
      </p>
      <h1>Edit {section.name}</h1>
      <p className="muted">
        Public page: <Link href={sectionPath(section.slug)}>{sectionPath(section.slug)}</Link>
      </p>
      <SectionForm
        action={updateSectionAction}
        initial={{ name: section.name, slug: section.slug, description: section.description ?? "", parentId: section.parentId ?? "" }}
        parentOptions={parentOptions}
        section={{ id: section.id, slug: section.slug, version: section.version, subsectionCount: section.children.length }}
      />
      <section className="danger-zone" aria-labelledby="danger-zone-heading">
        <h2 id="danger-zone-heading">Delete this section</h2>
        <p className="muted">You choose where its stories go before anything is deleted.</p>
        <Link href={`/admin/sections/${section.id}/delete`} className="button button--danger">
          Delete {section.name}…
        </Link>
      </section>
    </div>
  );
}
