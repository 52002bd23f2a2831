"use client";

import { useActionState } from "react";
import { describedBy, FieldError, FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { changeOwnPasswordAction } from "../actions";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "8 to 128 characters. A few unrelated words work well; common passwords and your name are refused." },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changeOwnPasswordAction, initialActionState);
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {FIELDS.map((field) => {
        const hintId = "hint" in field ? `${field.name}-hint` : undefined;
        return (
          <div className="field" key={field.name}>
            <label htmlFor={field.name}>{field.label}</label>
            <input id={field.name} name={field.name} type="password" autoComplete={field.autoComplete} {...describedBy(field.name, errors[field.name], hintId)} />
            {"hint" in field && (
              <p className="field__hint" id={hintId}>
                {field.hint}
              </p>
            )}
            <FieldError id={field.name} errors={errors[field.name]} />
          </div>
        );
      })}
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
