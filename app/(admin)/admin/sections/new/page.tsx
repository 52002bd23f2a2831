import type { Metadata } from "next";
import { listSectionsForAdmin } from "@/lib/data/sections";
import { listParentOptions } from "@/lib/section-tree";
import { loadOrNotFound } from "../_lib/load-or-not-found";
import { createSectionAction } from "../actions";
import { SectionForm } from "../_components/section-form";

export const metadata: Metadata = { title: "New section" };

export default async function NewSectionPage() {
  const sections = await loadOrNotFound(() => listSectionsForAdmin(), "/admin/sections/new");
  const parentOptions = listParentOptions(sections).map(({ id, name }) => ({ id, name }));
  return (
    <div className="admin-page admin-page--narrow">
      <h1>New section</h1>
      <SectionForm action={createSectionAction} initial={{ name: "", slug: "", description: "", parentId: "" }} parentOptions={parentOptions} />
    </div>
  );
}
