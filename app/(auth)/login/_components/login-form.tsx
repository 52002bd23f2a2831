"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/forms/action-state";
import { signInWithPasswordAction } from "../actions";
import { PasskeySignInButton } from "./passkey-sign-in-button";

/**
 * The password step. A plain form post to a server action, with or without
 * JavaScript, so the password is always POSTed, never put in a URL. The
 * server decides what comes next: the session, the second factor, or
 * enrolment.
 */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [actionState, formAction, isPending] = useActionState(signInWithPasswordAction, initialActionState);
  const error = actionState.message ?? initialError;
  const fieldErrors = { email: actionState.errors?.email?.[0], password: actionState.errors?.password?.[0] };

  return (
    <>
      <form className="form" action={formAction} noValidate>
        {/* A hidden field, not a bound argument: see app/(admin)/admin/users/actions.ts. */}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        {error && (
          <p className="form__error" role="alert" id="sign-in-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username webauthn"
            required
            defaultValue={actionState.values?.email}
            aria-invalid={Boolean(fieldErrors.email)}
            aria-describedby={fieldErrors.email ? "email-error" : undefined}
          />
          {fieldErrors.email && (
            <p className="field__error" id="email-error">
              {fieldErrors.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(fieldErrors.password)}
            aria-describedby={fieldErrors.password ? "password-error" : undefined}
          />
          {fieldErrors.password && (
            <p className="field__error" id="password-error">
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={isPending}>
          {isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <PasskeySignInButton callbackUrl={callbackUrl} mode="passwordless" />
    </>
  );
}
