"use client";

import { useState } from "react";

/** A generated password, shown this once: it is stored only as a hash. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="one-time-secret">
      <p>
        <strong>{label}:</strong> <code data-testid="one-time-secret">{value}</code>{" "}
        <button
          type="button"
          className="button button--ghost"
          onClick={() => navigator.clipboard?.writeText(value).then(() => setIsCopied(true), () => setIsCopied(false))}
        >
          {isCopied ? "Copied" : "Copy"}
        </button>
      </p>
      <p className="muted">Copy it now and hand it over in person or through a password manager. It will not be shown again.</p>
    </div>
  );
}
