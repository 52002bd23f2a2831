"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { removeTotpAction } from "../actions";

export function RemoveTotpForm() {
  const [state, formAction] = useActionState(removeTotpAction, initialActionState);
  return (
    <form action={formAction} className="form">
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Removing…" variant="danger">
          Remove authenticator app
        </SubmitButton>
      </div>
    </form>
  );
}
