import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getSectionForAdmin, listSectionsForAdmin } from "@/lib/data/sections";
import { listMoveTargets } from "@/lib/section-tree";
import { sectionPath } from "@/lib/urls";
import { loadOrNotFound } from "../../_lib/load-or-not-found";
import { DeleteSectionForm } from "../../_components/delete-section-form";
import { describeStoryCounts, pluralStories } from "../../_components/story-counts";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSectionForAdmin((await params).id).catch(() => null);
  return { title: section ? `Delete ${section.name}` : "Section" };
}

export default async function DeleteSectionPage({ params }: Props) {
  const { id } = await params;
  const sections = await loadOrNotFound(() => listSectionsForAdmin(), `/admin/sections/${id}/delete`);
  const section = sections.find((s) => s.id === id);
  if (!section) notFound();
  const targets = listMoveTargets(sections, section.id).map(({ section: s, depth }) => ({ id: s.id, name: s.name, depth }));
  const { total } = section.stories;

  return (
    <div className="admin-page admin-page--narrow">
      <p className="admin-page__back">
        <Link href="/admin/sections">← All sections</Link>
      </p>
      <h1>Delete {section.name}</h1>
      {section.children.length > 0 ? (
        <div className="form__error" role="alert">
          <p>
            &quot;{section.name}&quot; has subsections, so it cannot be deleted yet. Give each one another parent (or delete it) first:
          </p>
          <ul>
            {section.children.map((child) => (
              <li key={child.id}>
                <Link href={`/admin/sections/${child.id}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p>
            {total > 0 ? (
              <>
                &quot;{section.name}&quot; has {pluralStories(total)} ({describeStoryCounts(section.stories)}). They will be moved to the
                section you choose, then the section is deleted. Links to {sectionPath(section.slug)} will lead to that section.
              </>
            ) : (
              <>&quot;{section.name}&quot; has no stories. Deleting it removes it from the site navigation.</>
            )}
          </p>
          {total > 0 && targets.length === 0 ? (
            <p className="form__error" role="alert">
              There is no other section to move them to. <Link href="/admin/sections/new">Create one</Link> first.
            </p>
          ) : (
            <DeleteSectionForm sectionId={section.id} sectionName={section.name} storyCount={total} targets={targets} />
          )}
        </>
      )}
    </div>
  );
}
