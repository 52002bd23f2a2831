"use client";

import { signIn } from "next-auth/react";
import { useActionState, useState, type FormEvent } from "react";
import { z } from "zod";
import { initialActionState } from "@/lib/forms/action-state";
import { signInSchema } from "@/lib/validations/sign-in";
import { signInWithFormAction } from "../actions";

type FieldErrors = { email?: string; password?: string };

/** next-auth's codes are not for people; our own messages (throttling, deactivation) pass through. */
function describeSignInError(error: string): string {
  if (error === "CredentialsSignin" || error === "Configuration") return "Wrong email or password.";
  return error;
}

/**
 * Signs in through next-auth's Credentials provider. The form also has a
 * server action, used when it is submitted before this script has loaded,
 * so the password is always POSTed, never put in a URL.
 */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [actionState, formAction] = useActionState(signInWithFormAction, initialActionState);
  const [clientError, setClientError] = useState<string | undefined>();
  const [clientFieldErrors, setClientFieldErrors] = useState<FieldErrors | undefined>();
  const [isPending, setIsPending] = useState(false);
  const error = clientError ?? actionState.message ?? initialError;
  const fieldErrors: FieldErrors = clientFieldErrors ?? {
    email: actionState.errors?.email?.[0],
    password: actionState.errors?.password?.[0],
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const errors = z.flattenError(parsed.error).fieldErrors;
      setClientFieldErrors({ email: errors.email?.[0], password: errors.password?.[0] });
      setClientError("Check the highlighted fields.");
      return;
    }
    setClientFieldErrors({});
    setClientError(undefined);
    setIsPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setIsPending(false);
      setClientError(describeSignInError(result?.error ?? "Sign-in failed. Try again."));
      return;
    }
    // A full page load, not a client navigation: the router may hold
    // prefetched "session ended" redirects from the session this replaces.
    window.location.assign(callbackUrl);
  }

  return (
    <form className="form" action={formAction} onSubmit={handleSubmit} noValidate>
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
          autoComplete="username"
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
  );
}
