"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { slugify } from "@/lib/slug";
import { MAX_SECTION_DESCRIPTION_LENGTH, MAX_SECTION_NAME_LENGTH } from "@/lib/validations/section";
import type { SectionFormState } from "../_lib/form-state";
import { FormField } from "./form-field";

export interface SectionFormValues {
  name: string;
  slug: string;
  description: string;
  parentId: string;
}

interface Props {
  action: (state: SectionFormState, formData: FormData) => Promise<SectionFormState>;
  initial: SectionFormValues;
  parentOptions: { id: string; name: string }[];
  /** Edit mode: the section being edited. */
  section?: { id: string; version: string; slug: string; subsectionCount: number };
}

/** Create and edit form for a section; errors appear beside their fields. */
export function SectionForm({ action, initial, parentOptions, section }: Props) {
  const [state, formAction, isPending] = useActionState(action, {});
  const values = { ...initial, ...state.values };
  const [name, setName] = useState(values.name);
  const errors = state.errors ?? {};
  const isEdit = Boolean(section);
  const hasSubsections = (section?.subsectionCount ?? 0) > 0;

  return (
    <form action={formAction} className="form section-form" noValidate>
      {state.message && state.tone === "error" && (
        <p className="form__error" role="alert">
          {state.message}
        </p>
      )}
      {section && (
        <>
          <input type="hidden" name="id" value={section.id} />
          <input type="hidden" name="expectedVersion" value={section.version} />
        </>
      )}
      <FormField id="section-name" label="Name" error={errors.name?.[0]} hint={`Shown in the site navigation. Up to ${MAX_SECTION_NAME_LENGTH} characters.`}>
        {(props) => <input {...props} name="name" defaultValue={values.name} onChange={(event) => setName(event.target.value)} required />}
      </FormField>
      <FormField
        id="section-slug"
        label="Slug"
        error={errors.slug?.[0]}
        hint={
          isEdit
            ? "The section's address is /news/<slug>. Changing it keeps the old address redirecting here."
            : "The section's address is /news/<slug>. Leave blank to make one from the name."
        }
      >
        {(props) => <input {...props} name="slug" defaultValue={values.slug} placeholder={slugify(name) || "e.g. foreign-policy"} autoComplete="off" spellCheck={false} />}
      </FormField>
      <FormField
        id="section-description"
        label="Description"
        error={errors.description?.[0]}
        hint={`Shown on the section page and to search engines. Up to ${MAX_SECTION_DESCRIPTION_LENGTH} characters.`}
      >
        {(props) => <textarea {...props} name="description" defaultValue={values.description} rows={3} />}
      </FormField>
      <FormField
        id="section-parent"
        label="Parent section"
        error={errors.parentId?.[0]}
        hint={
          hasSubsections
            ? "This section has subsections, so it stays at the top level."
            : "Sections nest one level: a subsection sits under a top-level section."
        }
      >
        {(props) => (
          <select {...props} name="parentId" defaultValue={values.parentId} disabled={hasSubsections}>
            <option value="">None (top level)</option>
            {parentOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? "Saving…" : isEdit ? "Save changes" : "Create section"}
        </button>
        <Link href="/admin/sections" className="button button--ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
