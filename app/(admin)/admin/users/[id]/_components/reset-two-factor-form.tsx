"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { resetTwoFactorAction } from "../../actions";

export function ResetTwoFactorForm({ userId }: { userId: string }) {
  const [state, formAction] = useActionState(resetTwoFactorAction, initialActionState);
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      <p className="muted">For a lost phone with no recovery codes left: removes their authenticator app, recovery codes and passkeys, and ends their sessions.</p>
      <div>
        <SubmitButton pendingLabel="Resetting…" variant="danger">
          Reset two-factor sign-in
        </SubmitButton>
      </div>
    </form>
  );
}
