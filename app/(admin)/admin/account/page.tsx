import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getOwnAccount } from "@/lib/data/own-account";
import { DATABASE_UNAVAILABLE_MESSAGE, UnauthenticatedError } from "@/lib/errors";
import { signOutEverywhereAction } from "@/lib/auth/session-actions";
import { formatNewsroomDateTime } from "@/lib/time";
import { ROLE_LABELS } from "@/lib/validations/users";
import { ChangePasswordForm } from "./_components/change-password-form";

export const metadata: Metadata = { title: "Your account" };

async function loadAccount() {
  try {
    return await getOwnAccount();
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/login?callbackUrl=/admin/account");
    throw error;
  }
}

type Props = { searchParams: Promise<{ everywhere?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const account = await loadAccount();
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
