"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { RecoveryCodesList } from "@/components/two-factor/recovery-codes";
import { initialActionState } from "@/lib/forms/action-state";
import { regenerateRecoveryCodesAction } from "../actions";

export function RecoveryCodesForm({ left }: { left: number }) {
  const [state, formAction] = useActionState(regenerateRecoveryCodesAction, initialActionState);
  return (
    <form action={formAction} className="form">
      <FormMessage state={state} />
      {state.codes ? (
        <RecoveryCodesList codes={state.codes} />
      ) : (
        <p className={left < 3 ? "form__error" : "muted"}>
          {left} of 10 recovery codes left. Each signs you in once if you lose your phone.
        </p>
      )}
      <div>
        <SubmitButton pendingLabel="Making codes…" variant="plain">
          Make new recovery codes
        </SubmitButton>
      </div>
    </form>
  );
}
