"use client";

import { type RefObject, useEffect, useLayoutEffect } from "react";
import { clearEditorHandoff, type EditorHandoff, updateEditorHandoff } from "./editor-handoff";

function captureFocus(): EditorHandoff["focus"] {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    return active.id ? { kind: "input", id: active.id, start: active.selectionStart, end: active.selectionEnd } : null;
  }
  return null;
}

/**
 * Both ends of the /new → /<id> hand-over. The old editor, as it unmounts,
 * writes its very latest text and cursor into the pending hand-over; the
 * new one consumes it once, puts the cursor back and resumes autosaving.
 */
export function useHandoffEffects(options: {
  handoff: EditorHandoff | null;
  articleId: string | null;
  handedOverTo: RefObject<string | null>;
  readLatest: () => Pick<EditorHandoff, "fields" | "tagsText" | "isSlugAuto" | "isDirty">;
  onResumeDirty: () => void;
}) {
  const { handoff, articleId, handedOverTo } = options;
  useEffect(() => {
    if (!handoff || !articleId) return;
    clearEditorHandoff(articleId);
    if (handoff.isDirty) options.onResumeDirty();
    const focus = handoff.focus;
    if (focus?.kind !== "input") return;
    const element = document.getElementById(focus.id);
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      element.focus();
      if (focus.start !== null) element.setSelectionRange(focus.start, focus.end ?? focus.start);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first mount after the hand-over
  }, []);

  useLayoutEffect(
    () => () => {
      const target = handedOverTo.current;
      if (target) updateEditorHandoff(target, { ...options.readLatest(), focus: captureFocus() });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the latest state through the callback at unmount
    [],
  );
}

export { captureFocus };
