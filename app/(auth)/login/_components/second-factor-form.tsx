"use client";

import { useActionState } from "react";
import { describedBy, FieldError, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { verifySecondFactorAction } from "../actions";

/** One field for both: a 6-digit code from the app, or a recovery code. */
export function SecondFactorForm({ callbackUrl, recoveryOnly = false }: { callbackUrl: string; recoveryOnly?: boolean }) {
  const [state, formAction] = useActionState(verifySecondFactorAction, initialActionState);
  const errors = state.errors ?? {};
  return (
    <form className="form" action={formAction} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="code">{recoveryOnly ? "Recovery code" : "Code from your authenticator app"}</label>
        <input id="code" name="code" autoComplete="one-time-code" autoFocus maxLength={64} {...describedBy("code", errors.code, "code-hint")} />
        <p className="field__hint" id="code-hint">
          {recoveryOnly ? "One of the codes you saved when you set up two-factor sign-in." : "Lost your phone? Enter one of your recovery codes instead."}
        </p>
        <FieldError id="code" errors={errors.code} />
      </div>
      <SubmitButton pendingLabel="Checking…">Verify</SubmitButton>
    </form>
  );
}
