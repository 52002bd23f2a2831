import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit";
import { getUserForAdmin } from "@/lib/data/users";
import { NotFoundError } from "@/lib/errors";
import { formatNewsroomDateTime } from "@/lib/time";
import { ROLE_LABELS } from "@/lib/validations/users";
import { AuditEventList } from "@/components/admin/audit-event-list";
import { SessionList } from "@/components/admin/session-list";
import { listActiveSessions } from "@/lib/data/sessions";
import { getTwoFactorForAdmin } from "@/lib/data/two-factor";
import { ResetTwoFactorForm } from "./_components/reset-two-factor-form";
import { ResetPasswordForm } from "./_components/reset-password-form";
import { RoleForm } from "./_components/role-form";
import { SignOutEverywhereForm } from "./_components/sign-out-everywhere-form";
import { StatusForm } from "./_components/status-form";

export const metadata: Metadata = { title: "Account" };

type Props = { params: Promise<{ id: string }> };

async function loadUser(id: string) {
  try {
    return await getUserForAdmin(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

const when = (date: Date | null, otherwise = "Never") => (date ? formatNewsroomDateTime(date) : otherwise);

export default async function UserPage({ params }: Props) {
  const { id } = await params;
  const user = await loadUser(id);
  const [me, activity, factors, sessions] = await Promise.all([
    getCurrentUser(),
    listAuditEvents({ entityType: "user", entityId: user.id, limit: 15 }),
    getTwoFactorForAdmin(user.id),
    listActiveSessions(user.id),
  ]);
  const hasTwoFactor = Boolean(factors.totpEnabledAt) || factors.passkeys.length > 0;
  const isSelf = me?.id === user.id;
  return (
    <div className="admin-page admin-page--narrow">
      <p>
        <Link href="/admin/users">← Users</Link>
      </p>
      <h1>
        {user.name} {!user.isActive && <span className="badge badge--off">Deactivated</span>}
      </h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>Last sign-in</dt>
        <dd>{when(user.lastLoginAt)}</dd>
        <dt>Password set</dt>
        <dd>{when(user.passwordSetAt)}</dd>
        <dt>Failed sign-ins since the last success</dt>
        <dd>
          {user.failedLoginCount}
          {user.lastFailedAt && user.failedLoginCount > 0 ? ` (last ${when(user.lastFailedAt)})` : ""}
        </dd>
        <dt>Account created</dt>
        <dd>{when(user.createdAt)}</dd>
      </dl>

      <section className="panel" aria-labelledby="role-heading">
        <h2 id="role-heading">Role</h2>
        <RoleForm userId={user.id} role={user.role} isSelf={isSelf} />
      </section>

      <section className="panel" aria-labelledby="access-heading">
        <h2 id="access-heading">Access</h2>
        {isSelf ? (
          <p className="muted">
            You can&apos;t deactivate your own account. To change your own password, use <Link href="/admin/account">your account</Link>.
          </p>
        ) : (
          <>
            <StatusForm userId={user.id} isActive={user.isActive} name={user.name} />
            <ResetPasswordForm userId={user.id} />
          </>
        )}
        <SignOutEverywhereForm userId={user.id} isSelf={isSelf} />
      </section>

      <section className="panel" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">Two-factor sign-in</h2>
        <p>
          {factors.totpEnabledAt ? "Authenticator app on" : "No authenticator app"}; {factors.passkeys.length} passkey{factors.passkeys.length === 1 ? "" : "s"};{" "}
          {factors.recoveryCodesLeft} recovery code{factors.recoveryCodesLeft === 1 ? "" : "s"} left.
        </p>
        {hasTwoFactor && !isSelf && <ResetTwoFactorForm userId={user.id} />}
      </section>

      <section className="panel" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where they&apos;re signed in</h2>
        <SessionList sessions={sessions} userId={user.id} returnTo="user" />
      </section>

      <section className="panel" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        <AuditEventList events={activity.events} showEntity={false} />
        <p>
          <Link href={`/admin/audit?actor=${user.id}`}>Everything this account did</Link>
        </p>
      </section>
    </div>
  );
}
