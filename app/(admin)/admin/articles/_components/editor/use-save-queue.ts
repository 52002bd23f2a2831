"use client";

import { useEffect, useState } from "react";
import { createSaveQueue, type RetryAttempt, type SaveQueueState } from "./save-queue";

/**
 * The editor's save queue (save-queue.ts) as a hook: its state for the
 * banner and the save line, a retry when the browser comes back online.
 * `retry` runs the pending attempt (the latest closure is always used).
 */
export function useSaveQueue(retry: RetryAttempt) {
  const [state, setState] = useState<SaveQueueState>({ pending: null, cause: null, failures: 0, retryAt: null });
  const [queue] = useState(() => createSaveQueue({ onChange: setState }));
  useEffect(() => queue.setRetry(retry));

  useEffect(() => {
    const onOnline = () => queue.retryNow();
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("online", onOnline);
      // Leaving the editor: the local copy keeps the text; nothing retries in the background.
      queue.clear();
    };
  }, [queue]);

  return { queue, state };
}
