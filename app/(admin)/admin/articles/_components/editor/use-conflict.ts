"use client";

import type { Editor } from "@tiptap/react";
import { type RefObject, useState } from "react";
import type { ArticleServerState } from "@/lib/data/articles/article-record";
import type { ArticleFormFields } from "@/lib/validations/article";
import type { useEditorText } from "./use-editor-text";

/**
 * A refused save's aftermath: the server's version next to the user's, and
 * the three ways out — take theirs, keep mine (the caller saves on top of
 * their version), or merge by editing (field by field "use theirs").
 */
export function useConflict(options: { text: ReturnType<typeof useEditorText>; editorRef: RefObject<Editor | null>; onTheirsTaken: (version: number) => void }) {
  const { text, editorRef } = options;
  const [conflict, setConflict] = useState<ArticleServerState | null>(null);
  const [isMerging, setIsMerging] = useState(false);

  function open(theirs: ArticleServerState): void {
    setConflict(theirs);
    setIsMerging(false);
  }

  function close(): void {
    setConflict(null);
    setIsMerging(false);
  }

  function takeTheirs(): void {
    if (!conflict) return;
    text.replaceAll(conflict.fields, { isUserEdit: false, baseVersion: conflict.version });
    text.adopt({ isDirty: false });
    close();
    options.onTheirsTaken(conflict.version);
  }

  function applyTheirs(field: keyof ArticleFormFields): void {
    if (!conflict) return;
    if (field === "body") {
      editorRef.current?.commands.setContent(conflict.fields.body, { emitUpdate: false });
      text.update({ body: editorRef.current?.getHTML() ?? conflict.fields.body });
    } else if (field === "tags") {
      text.update({ tags: conflict.fields.tags }, { tagsText: conflict.fields.tags.join(", ") });
    } else {
      text.update({ [field]: conflict.fields[field] }, field === "slug" ? { isSlugAuto: false } : {});
    }
  }

  /** Editing continues on top of their version; the next save is based on it. */
  function startMerge(): void {
    if (!conflict) return;
    text.adopt({ baseVersion: conflict.version });
    setIsMerging(true);
  }

  return { conflict, isMerging, open, close, takeTheirs, applyTheirs, startMerge, showComparison: () => setIsMerging(false) };
}
