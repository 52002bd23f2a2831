"use client";

import { useActionState, useState } from "react";
import { DEFAULT_PREVIEW_LINK_LIFETIME, PREVIEW_LINK_LIFETIMES } from "@/lib/validations/preview-link";
import { createShareLinkAction, type CreateShareLinkState } from "../actions";

/** Creates a link and shows it this once, with a copy button. */
export function CreateShareLinkForm({ articleId }: { articleId: string }) {
  const [state, formAction, isPending] = useActionState<CreateShareLinkState, FormData>(createShareLinkAction, {});
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="share-create">
      <form action={formAction} className="form share-form" onSubmit={() => setIsCopied(false)}>
        <input type="hidden" name="articleId" value={articleId} />
        <div className="field">
          <label htmlFor="share-lifetime">Link works for</label>
          <select
            id="share-lifetime"
            name="lifetime"
            defaultValue={DEFAULT_PREVIEW_LINK_LIFETIME}
            aria-invalid={state.errors?.lifetime ? true : undefined}
            aria-describedby={state.errors?.lifetime ? "share-lifetime-error" : undefined}
          >
            {Object.entries(PREVIEW_LINK_LIFETIMES).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {state.errors?.lifetime && (
            <p id="share-lifetime-error" className="field__error">
              {state.errors.lifetime[0]}
            </p>
          )}
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={isPending}>
            {isPending ? "Creating…" : "Create share link"}
          </button>
        </div>
      </form>
      {state.message && (
        <p className="form__error" role="alert">
          {state.message}
        </p>
      )}
      {state.url && (
        <div className="form__success share-created" role="status">
          <label htmlFor="share-url">New share link (works until {state.expiresAt})</label>
          <div className="share-created__row">
            <input id="share-url" type="text" readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(state.url ?? "");
                setIsCopied(true);
              }}
            >
              {isCopied ? "Copied" : "Copy"}
            </button>
          </div>
          <p className="share-created__note">Copy it now: for safety it is shown only once.</p>
        </div>
      )}
    </div>
  );
}
