"use client";

import { useState, useSyncExternalStore } from "react";
import { discardAutosaveAction } from "../../_actions/article-actions";
import type { EditorInitial } from "./editor-initial";
import { clearLocalDraft } from "./local-draft";
import { findRecoveryOffer } from "./recovery";
import type { RecoveryOffer } from "./recovery-banner";
import type { useEditorText } from "./use-editor-text";

const subscribeToNothing = () => () => {};

/**
 * Unsaved typing found on opening (server autosave or this browser's copy).
 * Until the user restores or discards it, the editor stays read-only, so
 * new typing can never overwrite it. Read once, after hydration: storage
 * exists only in the browser.
 */
export function useRecovery(options: {
  initial: EditorInitial;
  localKey: string;
  isHandedOver: boolean;
  text: ReturnType<typeof useEditorText>;
  onMessage: (notice: { kind: "info" | "error"; text: string }) => void;
}) {
  const { initial, localKey, text, onMessage } = options;
  const isClient = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [offer] = useState<RecoveryOffer | null>(() => (options.isHandedOver || typeof window === "undefined" ? null : findRecoveryOffer(localKey, initial)));
  const [isDecided, setIsDecided] = useState(options.isHandedOver);
  const [isBusy, setIsBusy] = useState(false);

  function restore(): void {
    if (!offer) return;
    text.replaceAll(offer.fields, { isUserEdit: true, baseVersion: offer.baseVersion });
    setIsDecided(true);
    onMessage({
      kind: "info",
      text:
        offer.baseVersion < initial.version
          ? `Restored. These changes started from version ${offer.baseVersion}; the story is now at version ${initial.version}, so saving will show you both to compare.`
          : "Restored. Save to keep them as a new version.",
    });
  }

  async function discard(): Promise<void> {
    if (initial.articleId) {
      setIsBusy(true);
      const result = await discardAutosaveAction({ id: initial.articleId }).catch(() => null);
      setIsBusy(false);
      if (!result?.ok) {
        onMessage({ kind: "error", text: "Could not discard them on the server; try again." });
        return;
      }
    }
    clearLocalDraft(localKey);
    setIsDecided(true);
  }

  return {
    /** True until it is known there is nothing to recover, or the user decided. */
    isPending: !isDecided && (!isClient || offer !== null),
    isBusy,
    banner: isClient && offer && !isDecided ? { offer, onRestore: restore, onDiscard: () => void discard() } : null,
  };
}
