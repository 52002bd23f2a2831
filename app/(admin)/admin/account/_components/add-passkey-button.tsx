"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from "../actions";

const noSubscription = () => () => {};

/** Adds a passkey (this device's, a phone's, or a security key): needs JavaScript and WebAuthn. */
export function AddPasskeyButton() {
  const router = useRouter();
  const isSupported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => false);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (!isSupported) return <p className="muted">This browser cannot create passkeys.</p>;

  async function add() {
    setIsBusy(true);
    setMessage(null);
    try {
      const started = await startPasskeyRegistrationAction();
      if ("error" in started) throw new Error(started.error);
      const response = await startRegistration({ optionsJSON: started.options });
      const finished = await finishPasskeyRegistrationAction(response, name || "Passkey");
      if ("error" in finished) throw new Error(finished.error);
      setMessage({ kind: "success", text: "Passkey added." });
      setName("");
      router.refresh();
    } catch (caught) {
      setMessage({ kind: "error", text: caught instanceof Error && caught.name !== "NotAllowedError" ? caught.message : "The passkey request was cancelled or timed out." });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="form">
      {message && (
        <p className={message.kind === "error" ? "form__error" : "form__success"} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      <div className="field">
        <label htmlFor="passkey-name">Name for the new passkey</label>
        <input id="passkey-name" value={name} maxLength={80} placeholder="e.g. Work laptop" onChange={(event) => setName(event.target.value)} />
      </div>
      <div>
        <button type="button" className="button" onClick={add} disabled={isBusy}>
          {isBusy ? "Waiting for the passkey…" : "Add a passkey"}
        </button>
      </div>
    </div>
  );
}
