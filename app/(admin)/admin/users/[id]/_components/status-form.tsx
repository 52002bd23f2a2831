"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState } from "@/lib/forms/action-state";
import { setActiveAction } from "../../actions";

export function StatusForm({ userId, isActive, name }: { userId: string; isActive: boolean; name: string }) {
  const [state, formAction] = useActionState(setActiveAction, initialActionState);
  return (
    <form
      action={formAction}
      className="form"
      onSubmit={(event) => {
        if (isActive && !window.confirm(`Deactivate ${name}? They are signed out at once and cannot sign in until reactivated.`)) event.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="intent" value={isActive ? "deactivate" : "reactivate"} />
      <p className="muted">
        {isActive
          ? "Deactivating ends their sessions at once and stops them signing in. Their stories and bylines stay."
          : "This account is deactivated: it cannot sign in."}
      </p>
      <div>
        {isActive ? (
          <SubmitButton variant="danger" pendingLabel="Deactivating…">
            Deactivate account
          </SubmitButton>
        ) : (
          <SubmitButton pendingLabel="Reactivating…">Reactivate account</SubmitButton>
        )}
      </div>
    </form>
  );
}
