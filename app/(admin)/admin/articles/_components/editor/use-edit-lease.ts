"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { LeaseState } from "@/lib/data/articles/leases";
import { claimLeaseAction, releaseLeaseAction } from "../../_actions/article-actions";

export type ClientLease = { state: "pending" } | LeaseState;

const HEARTBEAT_MS = 20_000;

/**
 * The edit lease from the editor's side: claimed on opening, renewed by a
 * heartbeat (and whenever the tab regains focus), released on leaving.
 * Someone else's lease makes the editor read-only with a "Take over"
 * offer; losing ours to a take-over stops the heartbeat until the user acts.
 */
export function useEditLease({ articleId, canEdit }: { articleId: string; canEdit: boolean }) {
  const [lease, setLease] = useState<ClientLease>(canEdit ? { state: "pending" } : { state: "read-only" });
  const leaseRef = useRef(lease);
  useEffect(() => {
    leaseRef.current = lease;
  }, [lease]);

  const claim = useCallback(
    (options: { takeOver?: boolean; isRenewal?: boolean } = {}) =>
      claimLeaseAction({ id: articleId, ...options }).then(
        (result) => {
          if (!result.ok) {
            if (result.reason === "forbidden" || result.reason === "not-found") setLease({ state: "read-only" });
            return;
          }
          const next = result.data;
          // Our lease lapsed and someone else picked the story up: same as a take-over for us.
          if (options.isRenewal && next.state === "held") setLease({ state: "taken-over", holder: next.holder, at: next.since });
          else setLease(next);
        },
        // Offline: keep what we had and try again on the next beat.
        () => undefined,
      ),
    [articleId],
  );

  const beat = useCallback(() => {
    const current = leaseRef.current.state;
    if (current === "taken-over" || current === "read-only") return;
    void claim(current === "mine" ? { isRenewal: true } : {});
  }, [claim]);

  useEffect(() => {
    if (!canEdit) return;
    void claim();
    const interval = setInterval(beat, HEARTBEAT_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") beat();
    };
    // A closing tab cannot await a server action; a beacon still gets out.
    const onPageHide = () => navigator.sendBeacon(`/api/admin/articles/${articleId}/lease`, "release");
    window.addEventListener("focus", beat);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearInterval(interval);
      window.removeEventListener("focus", beat);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", onPageHide);
      if (leaseRef.current.state === "mine") void releaseLeaseAction({ id: articleId }).catch(() => undefined);
    };
  }, [articleId, canEdit, claim, beat]);

  const takeOver = useCallback(() => claim({ takeOver: true }), [claim]);
  return { lease, takeOver };
}
