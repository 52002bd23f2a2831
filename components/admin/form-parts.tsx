"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/forms/action-state";

/** The form-level outcome: an error (announced at once) or a success note. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return state.status === "success" ? (
    <p className="form__success" role="status">
      {state.message}
    </p>
  ) : (
    <p className="form__error" role="alert">
      {state.message}
    </p>
  );
}

/** Errors under a field, linked to it through aria-describedby (`${id}-error`). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field__error" id={`${id}-error`}>
      {errors.join(" ")}
    </p>
  );
}

/** Props that tie an input to its error text. */
export function describedBy(id: string, errors?: string[], hintId?: string) {
  const ids = [errors?.length ? `${id}-error` : null, hintId ?? null].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: ReactNode; pendingLabel: string; variant?: "primary" | "danger" | "ghost" | "plain" }) {
  const { pending } = useFormStatus();
  const className = variant === "plain" ? "button" : `button button--${variant}`;
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
