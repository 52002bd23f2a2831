"use client";

import { useActionState, type ReactNode } from "react";
import { describedBy, FieldError, FormMessage, SubmitButton } from "@/components/admin/form-parts";
import { initialActionState, type ActionState } from "@/lib/forms/action-state";
import { RecoveryCodesList } from "./recovery-codes";

export interface TotpEnrolmentView {
  qrDataUrl: string;
  manualKey: string;
  /** The secret, sealed for this user (lib/auth/sealed.ts); handed back with the code. */
  sealed: string;
}

/**
 * Adding an authenticator app: scan the QR code (or type the key), then
 * prove it works with a code. On success the recovery codes are shown once,
 * followed by `after` (a link onwards).
 */
export function TotpEnrolmentForm({
  enrolment,
  action,
  hiddenFields = {},
  after,
}: {
  enrolment: TotpEnrolmentView;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hiddenFields?: Record<string, string>;
  after?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  if (state.status === "success") {
    return (
      <div>
        <FormMessage state={state} />
        {state.codes && <RecoveryCodesList codes={state.codes} />}
        {after}
      </div>
    );
  }
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <ol className="steps">
        <li>
          <p>Scan this code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator, Aegis…).</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server, nothing to optimise */}
          <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} />
          <p>
            Can&apos;t scan it? Enter this key instead: <code data-testid="totp-manual-key">{enrolment.manualKey}</code>
          </p>
        </li>
        <li>
          <div className="field">
            <label htmlFor="code">Enter the 6-digit code the app shows</label>
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} {...describedBy("code", errors.code)} />
            <FieldError id="code" errors={errors.code} />
          </div>
        </li>
      </ol>
      <input type="hidden" name="sealed" value={enrolment.sealed} />
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <SubmitButton pendingLabel="Checking…">Turn on</SubmitButton>
      </div>
    </form>
  );
}
