import Link from "next/link";
import type { AdminSection } from "@/lib/data/sections";
import { sectionPath } from "@/lib/urls";
import { MoveButtons } from "./move-buttons";
import { StoryCountsCell } from "./story-counts";
import { TableHeader } from "@/components/admin/table-header";

/** Every section in navigation order, subsections indented under their parent. */
export function SectionTable({ sections }: { sections: AdminSection[] }) {
  return (
    <table className="table section-table">
      <caption className="visually-hidden">Sections in navigation order</caption>
      <TableHeader columns={["Section", "Address", "Stories", "Order"]} actionsLabel="Actions" />
      <tbody>
        {sections.map((section) => (
          <tr key={section.id} className={section.depth === 1 ? "section-table__child" : undefined} data-section-slug={section.slug}>
            <th scope="row">
              {section.depth === 1 && (
                <span aria-hidden="true" className="section-table__nest">
                  ↳{" "}
                </span>
              )}
              <span className="section-table__name">{section.name}</span>
              {section.parentName && <span className="visually-hidden"> (subsection of {section.parentName})</span>}
              {section.description && <span className="section-table__description muted">{section.description}</span>}
            </th>
            <td>
              <Link href={sectionPath(section.slug)} className="section-table__slug">
                {sectionPath(section.slug)}
              </Link>
            </td>
            <td>
              <StoryCountsCell counts={section.stories} />
            </td>
            <td>
              <MoveButtons id={section.id} name={section.name} index={section.siblingIndex} count={section.siblingCount} />
            </td>
            <td className="section-table__actions">
              <Link href={`/admin/sections/${section.id}`} className="button button--small">
                Edit<span className="visually-hidden">: {section.name}</span>
              </Link>
              <Link href={`/admin/sections/${section.id}/delete`} className="button button--small button--ghost">
                Delete<span className="visually-hidden">: {section.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
