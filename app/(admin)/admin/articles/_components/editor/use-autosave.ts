"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AttemptOutcome } from "./save-queue";

/** What the save-state line says. */
export type SaveState =
  | { kind: "clean" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  | { kind: "unavailable" }
  | { kind: "local-only"; reason: string }
  | { kind: "failed"; reason: string; retry: boolean };

/** How one autosave attempt ended. */
export type AutosaveOutcome =
  | { kind: "saved"; at: Date }
  | { kind: "offline" }
  /** The server answered that the database is unavailable. */
  | { kind: "unavailable" }
  | { kind: "local-only"; reason: string }
  | { kind: "failed"; reason: string; retry: boolean }
  /** The editor moved on (e.g. a new draft was created and handed over). */
  | { kind: "stopped" }
  /** The attempt changed the text itself (a free slug was picked); the next attempt follows. */
  | { kind: "superseded" };

/** What the save queue hears of an autosave attempt; null: nothing to tell (the editor moved on). */
function queueOutcome(outcome: AutosaveOutcome): AttemptOutcome | null {
  switch (outcome.kind) {
    case "saved":
    case "unavailable":
    case "offline":
      return outcome.kind;
    case "failed":
      return outcome.retry ? "error" : "refused";
    case "local-only":
      return "refused";
    default:
      return null;
  }
}

/**
 * Autosave timing: a debounce after the last change (default 2 s), but never
 * more than `maxWaitMs` (10 s) behind continuous typing. One request at a
 * time; changes made meanwhile are saved straight after. Failed attempts are
 * reported to the editor's save queue (save-queue.ts), which retries them
 * with backoff and when the browser comes back online.
 */
export function useAutosave(options: {
  run: () => Promise<AutosaveOutcome>;
  enabled: boolean;
  /** Tells the save queue how each attempt ended. */
  report: (outcome: AttemptOutcome) => void;
  initialState?: SaveState;
  debounceMs?: number;
  maxWaitMs?: number;
}) {
  const { enabled, debounceMs = 2000, maxWaitMs = 10_000 } = options;
  const [state, setState] = useState<SaveState>(options.initialState ?? { kind: "clean" });
  const runRef = useRef(options.run);
  const reportRef = useRef(options.report);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstPendingAt = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const enabledRef = useRef(enabled);

  useEffect(() => {
    runRef.current = options.run;
    reportRef.current = options.report;
    enabledRef.current = enabled;
  });

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  // Timers call the latest runNow through this ref (a callback cannot name itself).
  const runNowRef = useRef<() => Promise<boolean>>(async () => false);

  /** Saves what is unsaved now; false when there was nothing to do. */
  const runNow = useCallback(async (): Promise<boolean> => {
    clearTimer();
    while (inFlight.current) await inFlight.current;
    if (!enabledRef.current || changeSeq.current === savedSeq.current) return false;
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
      const forQueue = queueOutcome(outcome);
      if (outcome.kind === "saved") {
        savedSeq.current = Math.max(savedSeq.current, seqAtStart);
        setState(changeSeq.current > seqAtStart ? { kind: "unsaved" } : { kind: "saved", at: outcome.at });
      } else {
        setState(outcome);
      }
      // Typed meanwhile: the next autosave follows. Failures are the save queue's to retry.
      if (outcome.kind === "saved" && changeSeq.current > savedSeq.current) {
        timer.current = setTimeout(() => void runNowRef.current(), debounceMs);
      }
      if (forQueue) reportRef.current(forQueue);
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
    return true;
  }, [debounceMs]);

  useEffect(() => {
    runNowRef.current = runNow;
  }, [runNow]);

  /** Call on every edit. */
  const notifyChange = useCallback(() => {
    changeSeq.current += 1;
    setState((current) =>
      current.kind === "offline" || current.kind === "unavailable" || current.kind === "local-only" || current.kind === "failed" ? current : { kind: "unsaved" },
    );
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

  useEffect(() => clearTimer, []);

  useEffect(() => {
    if (enabled && changeSeq.current > savedSeq.current) void runNow();
  }, [enabled, runNow]);

  return { state, setState, notifyChange, markAllSaved, settle, flush: runNow };
}
