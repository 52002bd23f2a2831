"use client";

import { useActionState } from "react";
import { describedBy, FieldError, FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { ROLE_LABELS, ROLES } from "@/lib/validations/users";
import { changeRoleAction } from "../../actions";

export function RoleForm({ userId, role, isSelf }: { userId: string; role: string; isSelf: boolean }) {
  const [state, formAction] = useActionState(changeRoleAction, initialActionState);
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="form form--inline">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor="role">Role</label>
        <select id="role" name="role" defaultValue={role} key={role} {...describedBy("role", errors.role, "role-hint")}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        <p className="field__hint" id="role-hint">
          {isSelf ? "Changing your own role signs you out; you sign in again with the new role." : "A new role signs them out everywhere; it applies when they sign in again."}
        </p>
        <FieldError id="role" errors={errors.role} />
      </div>
      <div>
        <SubmitButton pendingLabel="Saving…">Change role</SubmitButton>
      </div>
    </form>
  );
}
