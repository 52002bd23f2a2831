"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { signOutUserEverywhereAction } from "../../actions";

export function SignOutEverywhereForm({ userId, isSelf }: { userId: string; isSelf: boolean }) {
  const [state, formAction] = useActionState(signOutUserEverywhereAction, initialActionState);
  return (
    <form action={formAction} className="form" aria-labelledby="sign-out-heading">
      <input type="hidden" name="userId" value={userId} />
      <h3 id="sign-out-heading">Sign out everywhere</h3>
      <FormMessage state={state} />
      <p className="muted">
        {isSelf
          ? "Ends every one of your sessions, this one included."
          : "Ends every open session of this account, on every device. They can sign in again with their password."}
      </p>
      <div>
        <SubmitButton pendingLabel="Signing out…" variant="plain">
          Sign out everywhere
        </SubmitButton>
      </div>
    </form>
  );
}
