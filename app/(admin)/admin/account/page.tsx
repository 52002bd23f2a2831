import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SessionList } from "@/components/admin/session-list";
import { TotpEnrolmentForm } from "@/components/two-factor/totp-enrolment-form";
import { getOwnAccount } from "@/lib/data/own-account";
import { listActiveSessions } from "@/lib/data/sessions";
import { getOwnTwoFactor, startOwnTotpEnrolment } from "@/lib/data/two-factor";
import { DATABASE_UNAVAILABLE_MESSAGE, UnauthenticatedError } from "@/lib/errors";
import { signOutEverywhereAction } from "@/lib/auth/session-actions";
import { formatNewsroomDateTime } from "@/lib/time";
import { ROLE_LABELS } from "@/lib/validations/users";
import { confirmTotpAction, removePasskeyAction } from "./actions";
import { AddPasskeyButton } from "./_components/add-passkey-button";
import { ChangePasswordForm } from "./_components/change-password-form";
import { RecoveryCodesForm } from "./_components/recovery-codes-form";
import { RemoveTotpForm } from "./_components/remove-totp-form";

export const metadata: Metadata = { title: "Your account" };

async function loadAccount() {
  try {
    const account = await getOwnAccount();
    const [factors, sessions] = await Promise.all([getOwnTwoFactor(), listActiveSessions(account.id)]);
    return { account, factors, sessions, enrolment: factors.totpEnabledAt ? null : await startOwnTotpEnrolment() };
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/login?callbackUrl=/admin/account");
    throw error;
  }
}

type Props = { searchParams: Promise<{ everywhere?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const { account, factors, sessions, enrolment } = await loadAccount();
  const isEverywhereRefused = (await searchParams).everywhere === "unavailable";
  return (
    <div className="admin-page admin-page--narrow">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{account.name}</dd>
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
        <dt>Signed in</dt>
        <dd>{account.lastLoginAt ? formatNewsroomDateTime(account.lastLoginAt) : "–"}</dd>
        <dt>Password set</dt>
        <dd>{formatNewsroomDateTime(account.passwordSetAt)}</dd>
      </dl>

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <ChangePasswordForm />
      </section>

      <section className="panel" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-factor sign-in</h2>
        {factors.totpEnabledAt ? (
          <>
            <p>Authenticator app: on since {formatNewsroomDateTime(factors.totpEnabledAt)}.</p>
            <RemoveTotpForm />
          </>
        ) : (
          <>
            <p className="muted">After your password, sign-in asks for a code from an app on your phone. Someone who learns your password still can&apos;t get in.</p>
            {enrolment && <TotpEnrolmentForm enrolment={enrolment} action={confirmTotpAction} />}
          </>
        )}
        {(factors.totpEnabledAt || factors.recoveryCodesLeft > 0) && <RecoveryCodesForm left={factors.recoveryCodesLeft} />}
      </section>

      <section className="panel" aria-labelledby="passkeys-heading">
        <h2 id="passkeys-heading">Passkeys</h2>
        <p className="muted">A passkey signs you in with this device&apos;s screen lock or a security key, no password needed. After a password it also counts as the second step.</p>
        {factors.passkeys.length > 0 && (
          <ul className="passkey-list" data-testid="passkey-list">
            {factors.passkeys.map((passkey) => (
              <li key={passkey.id}>
                <strong>{passkey.name}</strong>{" "}
                <span className="muted">
                  added {formatNewsroomDateTime(passkey.createdAt)}
                  {passkey.lastUsedAt ? `, last used ${formatNewsroomDateTime(passkey.lastUsedAt)}` : ""}
                </span>
                <form action={removePasskeyAction}>
                  <input type="hidden" name="passkeyId" value={passkey.id} />
                  <button type="submit" className="button" aria-label={`Remove passkey ${passkey.name}`}>
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <AddPasskeyButton />
      </section>

      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you&apos;re signed in</h2>
        <SessionList sessions={sessions} userId={account.id} returnTo="account" />
      </section>

      <section className="panel" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">Sign out everywhere</h2>
        <p className="muted">Lost a laptop or signed in on a shared computer? This ends every one of your sessions, this one included.</p>
        {isEverywhereRefused && (
          <p className="form__error" role="alert">
            Not signed out anywhere: {DATABASE_UNAVAILABLE_MESSAGE}
          </p>
        )}
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button button--danger">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
