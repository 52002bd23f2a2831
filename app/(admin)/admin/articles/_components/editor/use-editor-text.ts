"use client";

import type { Editor } from "@tiptap/react";
import { type RefObject, useRef, useState } from "react";
import { slugify } from "@/lib/slug";
import type { ArticleFormFields } from "@/lib/validations/article";

/** The editor's live text, mirrored in a ref so async work always sees the latest. */
export interface LiveState {
  fields: ArticleFormFields;
  tagsText: string;
  /** The version the next save is based on. */
  baseVersion: number;
  /** Changed since the last explicit save. */
  isDirty: boolean;
  /** The slug follows the headline until the user edits it. */
  isSlugAuto: boolean;
}

/**
 * The text being edited: React state for rendering, plus a ref with the
 * same values for saves and timers that must never work on a stale copy.
 * `onUserEdit` runs after every change the user makes (autosave, local copy).
 */
export function useEditorText(start: LiveState, editorRef: RefObject<Editor | null>, onUserEdit: (touched: string[]) => void) {
  const [state, setState] = useState<LiveState>(start);
  const latest = useRef<LiveState>(start);

  function commit(next: LiveState): void {
    latest.current = next;
    setState(next);
  }

  /** A user's edit; the slug follows the headline while it is automatic. */
  function update(patch: Partial<ArticleFormFields>, extra: { tagsText?: string; isSlugAuto?: boolean } = {}): void {
    const snapshot = latest.current;
    const isSlugAuto = extra.isSlugAuto ?? snapshot.isSlugAuto;
    const fields = { ...snapshot.fields, ...patch };
    if (isSlugAuto && (patch.title !== undefined || extra.isSlugAuto)) fields.slug = slugify(fields.title);
    commit({ ...snapshot, fields, tagsText: extra.tagsText ?? snapshot.tagsText, isSlugAuto, isDirty: true });
    onUserEdit(Object.keys(patch));
  }

  /** Puts a whole other text in place (restore, take theirs), body included. */
  function replaceAll(next: ArticleFormFields, options: { isUserEdit: boolean; baseVersion?: number }): void {
    editorRef.current?.commands.setContent(next.body, { emitUpdate: false });
    const body = editorRef.current && next.body !== "" ? editorRef.current.getHTML() : next.body;
    const snapshot = latest.current;
    commit({
      fields: { ...next, body },
      tagsText: next.tags.join(", "),
      isSlugAuto: false,
      baseVersion: options.baseVersion ?? snapshot.baseVersion,
      isDirty: options.isUserEdit || snapshot.isDirty,
    });
    if (options.isUserEdit) onUserEdit(Object.keys(next));
  }

  /** Server-side facts the form follows without counting as an edit (new version, assigned slug or time). */
  function adopt(patch: Partial<LiveState>): void {
    commit({ ...latest.current, ...patch });
  }

  return { ...state, latest, update, replaceAll, adopt };
}
