"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { requireTwoFactorAction } from "../actions";

export function RequireTwoFactorForm({ required }: { required: boolean }) {
  const [state, formAction] = useActionState(requireTwoFactorAction, initialActionState);
  return (
    <form action={formAction} className="form">
      <FormMessage state={state} />
      <div className="field field--checkbox">
        <input id="require-two-factor" name="required" type="checkbox" defaultChecked={required} />
        <label htmlFor="require-two-factor">Require two-factor sign-in for admins and editors</label>
      </div>
      <p className="muted">Those without it are led through setting up an authenticator app at their next sign-in.</p>
      <div>
        <SubmitButton pendingLabel="Saving…" variant="plain">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
