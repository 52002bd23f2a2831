"use client";

import Link from "next/link";
import { useActionState } from "react";
import { describedBy, FieldError, FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { PasswordChoice } from "@/components/admin/password-choice";
import { initialActionState } from "@/lib/forms/action-state";
import { ROLE_LABELS, ROLES } from "@/lib/validations/users";
import { createUserAction } from "../../actions";

export function CreateUserForm() {
  const [state, formAction] = useActionState(createUserAction, initialActionState);
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <>
      {state.status === "success" && (
        <div className="panel" role="status">
          <p className="form__success">{state.message}</p>
          {state.secret && <OneTimeSecret label="Their password" value={state.secret} />}
          <p>
            <Link href="/admin/users">Back to users</Link>
          </p>
        </div>
      )}
      <form action={formAction} className="form" noValidate>
        {state.status === "error" && <FormMessage state={state} />}
        <div className="field">
          <label htmlFor="name">Name</label>
          <input id="name" name="name" autoComplete="off" defaultValue={values.name} required maxLength={120} {...describedBy("name", errors.name)} />
          <FieldError id="name" errors={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="off" defaultValue={values.email} required {...describedBy("email", errors.email)} />
          <FieldError id="email" errors={errors.email} />
        </div>
        <div className="field">
          <label htmlFor="role">Role</label>
          <select id="role" name="role" defaultValue={values.role || "AUTHOR"} {...describedBy("role", errors.role, "role-hint")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <p className="field__hint" id="role-hint">
            Authors write drafts and submit them; editors publish any story; admins also manage accounts and sections.
          </p>
          <FieldError id="role" errors={errors.role} />
        </div>
        <PasswordChoice errors={errors} mode={values.passwordMode} />
        <div>
          <SubmitButton pendingLabel="Creating…">Create account</SubmitButton>
        </div>
      </form>
    </>
  );
}
