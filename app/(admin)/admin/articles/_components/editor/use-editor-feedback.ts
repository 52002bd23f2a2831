"use client";

import { useState } from "react";
import type { ActionFailure } from "../../_actions/action-types";
import type { EditorNotice } from "./editor-banners";

/**
 * What the editor has to tell the user about its last save or action: field
 * errors, a free slug to offer, a notice, a version someone else saved, and
 * whether a request is running. Saves, autosaves and transitions all report
 * here, so the form shows one consistent picture.
 */
export function useEditorFeedback() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [slugSuggestion, setSlugSuggestion] = useState<string>();
  const [notice, setNotice] = useState<EditorNotice | null>(null);
  const [staleVersion, setStaleVersion] = useState<number | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  /** The server refused the fields: mark them, and offer its free slug if it found one. */
  function showInvalidFields(failure: ActionFailure): void {
    setErrors(failure.errors ?? {});
    setSlugSuggestion(failure.slugSuggestion);
  }

  /** A field the user just changed no longer shows its old error. */
  function clearFieldErrors(touched: string[]): void {
    if (touched.some((key) => errors[key])) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !touched.includes(key))));
  }

  return {
    errors,
    slugSuggestion,
    notice,
    staleVersion,
    isBusy,
    setErrors,
    setSlugSuggestion,
    setNotice,
    setStaleVersion,
    setIsBusy,
    showInvalidFields,
    clearFieldErrors,
  };
}

export type EditorFeedback = ReturnType<typeof useEditorFeedback>;
