/**
 * The editor's one save queue: what still has to reach the server after an
 * attempt could not (the database is down, or the server cannot be reached),
 * and when to try again. Plain TypeScript, no React, so it is unit-tested
 * with fake timers (save-queue.test.ts); `use-save-queue.ts` binds it to the
 * editor.
 *
 * - Every save attempt, explicit or autosave, reports how it ended.
 * - An attempt that met an outage stays pending; an explicit save outranks
 *   an autosave (a Save must end in a new version, not only a server copy).
 * - Retries back off exponentially (1 s, 2 s, 4 s … at most 30 s) and come
 *   at once when the browser is back online or any attempt gets through
 *   (then the database is back: the pending save goes straight after).
 * - A refusal (a version conflict, invalid fields…) ends the wait: the editor
 *   shows it, and nothing is retried behind the user's back.
 *
 * The text itself is never held here: each attempt reads the latest text when
 * it runs, and the local copy in localStorage keeps it until it is saved.
 */

export type SaveKind = "autosave" | "save";

/** How one attempt ended, as far as the queue cares. */
export type AttemptOutcome =
  /** Went through. */
  | "saved"
  /** The server answered that the database is unavailable. */
  | "unavailable"
  /** The server could not be reached at all (network, or the server itself is down). */
  | "offline"
  /** The server failed unexpectedly; worth another try, but no outage to announce. */
  | "error"
  /** Refused for good (conflict, invalid, forbidden…): shown to the user, not retried. */
  | "refused";

export interface SaveQueueState {
  /** What is waiting for the server; null when nothing is. */
  pending: SaveKind | null;
  /** Why it is waiting (the last failed attempt). */
  cause: "unavailable" | "offline" | "error" | null;
  /** Failed attempts in a row. */
  failures: number;
  /** When the next retry runs (ms since the epoch), while one is scheduled. */
  retryAt: number | null;
}

export interface SaveQueueTimers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
}

export type RetryAttempt = (kind: SaveKind) => void | Promise<void>;

export interface SaveQueueOptions {
  /** Runs a retry. The attempt reports its own outcome through `report`. */
  retry?: RetryAttempt;
  onChange?: (state: SaveQueueState) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
  timers?: SaveQueueTimers;
}

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 30_000;

const IDLE: SaveQueueState = { pending: null, cause: null, failures: 0, retryAt: null };

export interface SaveQueue {
  /** Every attempt, explicit or autosave, reports how it ended. */
  report(kind: SaveKind, outcome: AttemptOutcome): void;
  /** Try the pending save now (the browser came back online). */
  retryNow(): void;
  /** Replaces the retry (a React component hands over its latest closure). */
  setRetry(retry: RetryAttempt): void;
  /** Forget what is pending (the editor closed, or the user took the server's version). */
  clear(): void;
  getState(): SaveQueueState;
  dispose(): void;
}

export function createSaveQueue(options: SaveQueueOptions): SaveQueue {
  const firstDelayMs = options.firstDelayMs ?? FIRST_RETRY_MS;
  const maxDelayMs = options.maxDelayMs ?? MAX_RETRY_MS;
  const timers: SaveQueueTimers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
  let state: SaveQueueState = IDLE;
  let timer: unknown = null;
  let isDisposed = false;
  let retry = options.retry;

  function set(next: SaveQueueState): void {
    state = next;
    options.onChange?.(state);
  }

  function cancelTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function fire(): void {
    cancelTimer();
    if (isDisposed || !state.pending) return;
    set({ ...state, retryAt: null });
    void retry?.(state.pending);
  }

  function schedule(): void {
    cancelTimer();
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, state.failures - 1));
    timer = timers.setTimeout(fire, delay);
    set({ ...state, retryAt: timers.now() + delay });
  }

  function report(kind: SaveKind, outcome: AttemptOutcome): void {
    if (isDisposed) return;
    if (outcome === "unavailable" || outcome === "offline" || outcome === "error") {
      const pending: SaveKind = state.pending === "save" || kind === "save" ? "save" : "autosave";
      set({ pending, cause: outcome, failures: state.failures + 1, retryAt: null });
      schedule();
      return;
    }
    // Through, or refused for good: either way the server answered, so the database is up.
    const isCovered = outcome === "refused" ? kind === state.pending || kind === "save" : kind === "save" || state.pending !== "save";
    if (isCovered || !state.pending) {
      cancelTimer();
      if (state !== IDLE) set(IDLE);
      return;
    }
    // An autosave got through while an explicit save waits: the database is back, save now.
    set({ ...state, failures: 0 });
    fire();
  }

  return {
    report,
    retryNow: () => {
      if (state.pending) fire();
    },
    clear: () => {
      cancelTimer();
      if (state !== IDLE) set(IDLE);
    },
    setRetry: (next) => {
      retry = next;
    },
    getState: () => state,
    dispose: () => {
      isDisposed = true;
      cancelTimer();
    },
  };
}
