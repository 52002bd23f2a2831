"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** What the save-state line says. */
export type SaveState =
  | { kind: "clean" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "local-only"; reason: string }
  | { kind: "failed"; reason: string; retry: boolean };

/** How one autosave attempt ended. */
export type AutosaveOutcome =
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "local-only"; reason: string }
  | { kind: "failed"; reason: string; retry: boolean }
  /** The editor moved on (e.g. a new draft was created and handed over). */
  | { kind: "stopped" }
  /** The attempt changed the text itself (a free slug was picked); the next attempt follows. */
  | { kind: "superseded" };

const RETRY_MS = 15_000;

/**
 * Autosave timing: a debounce after the last change (default 2 s), but never
 * more than `maxWaitMs` (10 s) behind continuous typing. One request at a
 * time; changes made meanwhile are saved straight after. Failed attempts
 * retry when the browser comes back online and every 15 s.
 */
export function useAutosave(options: { run: () => Promise<AutosaveOutcome>; enabled: boolean; initialState?: SaveState; debounceMs?: number; maxWaitMs?: number }) {
  const { enabled, debounceMs = 2000, maxWaitMs = 10_000 } = options;
  const [state, setState] = useState<SaveState>(options.initialState ?? { kind: "clean" });
  const runRef = useRef(options.run);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstPendingAt = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const enabledRef = useRef(enabled);

  useEffect(() => {
    runRef.current = options.run;
    enabledRef.current = enabled;
  });

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  // Timers call the latest runNow through this ref (a callback cannot name itself).
  const runNowRef = useRef<() => Promise<void>>(async () => {});

  const runNow = useCallback(async (): Promise<void> => {
    clearTimer();
    while (inFlight.current) await inFlight.current;
    if (!enabledRef.current || changeSeq.current === savedSeq.current) return;
    const seqAtStart = changeSeq.current;
    firstPendingAt.current = null;
    setState({ kind: "saving" });
    const attempt = (async () => {
      const outcome = await runRef.current().catch((): AutosaveOutcome => ({ kind: "offline" }));
      if (outcome.kind === "stopped") return;
      if (outcome.kind === "superseded") {
        setState({ kind: "unsaved" });
        return;
      }
      if (outcome.kind === "saved") {
        savedSeq.current = Math.max(savedSeq.current, seqAtStart);
        setState(changeSeq.current > seqAtStart ? { kind: "unsaved" } : { kind: "saved", at: outcome.at });
      } else {
        setState(outcome);
      }
      const shouldRetry = outcome.kind === "offline" || (outcome.kind === "failed" && outcome.retry);
      if (changeSeq.current > savedSeq.current && (outcome.kind === "saved" || shouldRetry)) {
        timer.current = setTimeout(() => void runNowRef.current(), outcome.kind === "saved" ? debounceMs : RETRY_MS);
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
  }, [debounceMs]);

  useEffect(() => {
    runNowRef.current = runNow;
  }, [runNow]);

  /** Call on every edit. */
  const notifyChange = useCallback(() => {
    changeSeq.current += 1;
    setState((current) => (current.kind === "offline" || current.kind === "local-only" || current.kind === "failed" ? current : { kind: "unsaved" }));
    if (!enabledRef.current) return;
    const now = Date.now();
    firstPendingAt.current ??= now;
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt.current + maxWaitMs - now));
    clearTimer();
    timer.current = setTimeout(() => void runNow(), wait);
  }, [debounceMs, maxWaitMs, runNow]);

  /** Everything typed so far is saved (an explicit save succeeded). */
  const markAllSaved = useCallback((at: Date) => {
    clearTimer();
    firstPendingAt.current = null;
    savedSeq.current = changeSeq.current;
    setState({ kind: "saved", at });
  }, []);

  /** Waits for a running autosave, so an explicit save never races it. */
  const settle = useCallback(async () => {
    clearTimer();
    firstPendingAt.current = null;
    if (inFlight.current) await inFlight.current;
  }, []);

  useEffect(() => {
    const onOnline = () => void runNow();
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("online", onOnline);
      clearTimer();
    };
  }, [runNow]);

  useEffect(() => {
    if (enabled && changeSeq.current > savedSeq.current) void runNow();
  }, [enabled, runNow]);

  return { state, setState, notifyChange, markAllSaved, settle, flush: runNow };
}
