"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useState, useSyncExternalStore } from "react";
import { finishPasskeySignInAction, startPasskeySignInAction } from "../passkey-actions";

const noSubscription = () => () => {};

/**
 * "Use a passkey": passwordless on the sign-in page, or as the second step.
 * Needs JavaScript and a browser with WebAuthn; hidden otherwise.
 */
export function PasskeySignInButton({ callbackUrl, mode }: { callbackUrl: string; mode: "passwordless" | "second-factor" }) {
  // false on the server and before hydration; the browser's answer after.
  const isSupported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!isSupported) return null;

  async function signIn() {
    setIsBusy(true);
    setError(null);
    try {
      const started = await startPasskeySignInAction(mode);
      if ("error" in started) throw new Error(started.error);
      const response = await startAuthentication({ optionsJSON: started.options });
      const finished = await finishPasskeySignInAction(mode, response, callbackUrl);
      if ("error" in finished) throw new Error(finished.error);
      // A full page load: the router may hold prefetched "session ended" redirects.
      window.location.assign(finished.redirectTo);
    } catch (caught) {
      setIsBusy(false);
      setError(caught instanceof Error && caught.name !== "NotAllowedError" ? caught.message : "The passkey request was cancelled or timed out.");
    }
  }

  return (
    <div className="passkey-sign-in">
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button" onClick={signIn} disabled={isBusy}>
        {isBusy ? "Waiting for the passkey…" : "Use a passkey"}
      </button>
    </div>
  );
}
