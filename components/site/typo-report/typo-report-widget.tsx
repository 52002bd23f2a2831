"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { readSelectionTarget, type ReportTarget } from "./read-selection";
import type { ReportStory } from "./send-report";
import { TypoReportDialog } from "./typo-report-dialog";

const subscribeNever = () => () => {};

/** False in the server's HTML and during hydration, true once the page's script runs. */
function useHasScript(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

interface OpenDialog {
  target: ReportTarget | null;
  article: Element;
  /** Remounts the form for every opening, so nothing typed before lingers. */
  key: number;
}

/**
 * The reader's typo reporter on an article page: select a mistake in the
 * story and press Ctrl+Enter (⌘+Enter on a Mac), or use the "Report a
 * typo" button (touch and keyboard users; without a selection it asks for
 * the phrase). Static markup plus this script: the cached page is the same
 * for every reader, and without JavaScript the button simply stays hidden.
 */
export function TypoReportWidget({ story }: { story: ReportStory }) {
  const hasScript = useHasScript();
  const rootRef = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [status, setStatus] = useState("");
  // The selection as it was when the button was pressed: tapping a button can clear it before "click".
  const pressedTarget = useRef<ReportTarget | null>(null);
  const openings = useRef(0);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.key !== "Enter" || event.defaultPrevented) return;
      const article = rootRef.current?.closest("article");
      const target = article ? readSelectionTarget(article, window.getSelection()) : null;
      if (!article || !target) return;
      event.preventDefault();
      setStatus("");
      const key = ++openings.current;
      setDialog((current) => current ?? { target, article, key });
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  function captureSelection() {
    const article = rootRef.current?.closest("article");
    pressedTarget.current = article ? readSelectionTarget(article, window.getSelection()) : null;
  }

  function openFromButton() {
    const article = rootRef.current?.closest("article");
    if (!article) return;
    const target = pressedTarget.current ?? readSelectionTarget(article, window.getSelection());
    pressedTarget.current = null;
    setStatus("");
    setDialog({ target, article, key: ++openings.current });
  }

  return (
    <div ref={rootRef} className="typo-report">
      <button type="button" className="typo-button" hidden={!hasScript} onPointerDown={captureSelection} onClick={openFromButton}>
        Report a typo
      </button>
      <p role="status" className="typo-report__status">
        {status}
      </p>
      {dialog && (
        <TypoReportDialog
          key={dialog.key}
          story={story}
          target={dialog.target}
          article={dialog.article}
          onSent={setStatus}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
