"use client";

import { useCallback, useEffect, useRef } from "react";
import { type LocalDraft, writeLocalDraft } from "./local-draft";

const THROTTLE_MS = 300;

/**
 * Keeps the unsaved text in localStorage: at most 300 ms behind the last
 * change, and at once when the tab is hidden, closed or the editor unmounts.
 * `read` returns what to keep (and where), or null when nothing is unsaved.
 */
export function useLocalCopy(read: () => { key: string; draft: LocalDraft } | null, onTooLarge: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readRef = useRef(read);
  const onTooLargeRef = useRef(onTooLarge);
  useEffect(() => {
    readRef.current = read;
    onTooLargeRef.current = onTooLarge;
  });

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const copy = readRef.current();
    if (copy && writeLocalDraft(copy.key, copy.draft) === "too-large") onTooLargeRef.current();
  }, []);

  const schedule = useCallback(() => {
    timer.current ??= setTimeout(flush, THROTTLE_MS);
  }, [flush]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      flush();
    };
  }, [flush]);

  return { schedule, flush };
}
