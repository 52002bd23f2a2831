"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { PasswordChoice } from "@/components/admin/password-choice";
import { initialActionState } from "@/lib/forms/action-state";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, initialActionState);
  return (
    <form action={formAction} className="form" noValidate aria-labelledby="reset-heading">
      <input type="hidden" name="userId" value={userId} />
      <h3 id="reset-heading">Reset password</h3>
      <FormMessage state={state} />
      {state.secret && <OneTimeSecret label="New password" value={state.secret} />}
      <PasswordChoice errors={state.errors ?? {}} />
      <div>
        <SubmitButton pendingLabel="Resetting…" variant="plain">
          Reset password
        </SubmitButton>
      </div>
    </form>
  );
}
