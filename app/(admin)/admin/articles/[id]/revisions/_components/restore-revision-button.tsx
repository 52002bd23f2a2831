"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreRevisionAction } from "../../../_actions/article-actions";

/** "Restore" with a confirmation step; the restore itself becomes the newest version. */
export function RestoreRevisionButton({ articleId, baseVersion, revisionVersion }: { articleId: string; baseVersion: number; revisionVersion: number }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ isError: boolean; text: string }>();

  async function restore() {
    setIsBusy(true);
    const result = await restoreRevisionAction({ id: articleId, baseVersion, revisionVersion }).catch(() => null);
    setIsBusy(false);
    if (!result) {
      setMessage({ isError: true, text: "The server cannot be reached. Nothing was changed." });
      return;
    }
    if (!result.ok) {
      setMessage({ isError: true, text: result.reason === "conflict" ? "The story changed since this page was opened. Reload and try again." : result.message });
      return;
    }
    setIsConfirming(false);
    setMessage({ isError: false, text: result.message ?? "Restored." });
    router.push(`/admin/articles/${articleId}/revisions?from=${baseVersion}&to=${result.data.version}`);
    router.refresh();
  }

  return (
    <div className="restore">
      {isConfirming ? (
        <div className="button-row" role="group" aria-label={`Confirm restoring version ${revisionVersion}`}>
          <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void restore()}>
            Restore version {revisionVersion} as the newest
          </button>
          <button type="button" className="button button--ghost" onClick={() => setIsConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setIsConfirming(true)}>
          Restore version {revisionVersion}
        </button>
      )}
      {message && (
        <p className={message.isError ? "field__error" : "form__success"} role={message.isError ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
