"use client";

import Link from "next/link";
import { useActionState } from "react";
import { deleteSectionAction } from "../actions";
import { FormField } from "./form-field";

interface Props {
  sectionId: string;
  sectionName: string;
  storyCount: number;
  targets: { id: string; name: string; depth: 0 | 1 }[];
}

/** Confirms a delete; when the section has stories, asks where they go. */
export function DeleteSectionForm({ sectionId, sectionName, storyCount, targets }: Props) {
  const [state, formAction, isPending] = useActionState(deleteSectionAction, {});
  const error = state.errors?.moveStoriesTo?.[0];
  return (
    <form action={formAction} className="form" noValidate>
      {state.message && !error && (
        <p className="form__error" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={sectionId} />
      {storyCount > 0 && (
        <FormField id="move-stories-to" label={storyCount === 1 ? "Move its story to" : `Move its ${storyCount} stories to`} error={error}>
          {(props) => (
            <select {...props} name="moveStoriesTo" defaultValue={state.values?.moveStoriesTo ?? ""} required>
              <option value="" disabled>
                Choose a section…
              </option>
              {targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.depth === 1 ? `— ${target.name}` : target.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--danger" disabled={isPending}>
          {isPending ? "Deleting…" : storyCount > 0 ? `Move stories and delete ${sectionName}` : `Delete ${sectionName}`}
        </button>
        <Link href="/admin/sections" className="button button--ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
