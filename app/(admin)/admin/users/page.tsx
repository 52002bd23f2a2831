import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRequireTwoFactor } from "@/lib/data/two-factor";
import { listUsers } from "@/lib/data/users";
import { RequireTwoFactorForm } from "./_components/require-two-factor-form";
import { NotFoundError } from "@/lib/errors";
import { formatNewsroomDateTime, toNewsroomIso } from "@/lib/time";
import { ROLE_LABELS } from "@/lib/validations/users";
import { TableHeader } from "@/components/admin/table-header";

export const metadata: Metadata = { title: "Users" };

/** Loads through the data-access layer; to non-admins the page does not exist. */
async function loadUsers() {
  try {
    return await Promise.all([listUsers(), getRequireTwoFactor()]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function UsersPage() {
  const [users, isTwoFactorRequired] = await loadUsers();
  const activeCount = users.filter((u) => u.isActive).length;
  return (
    <div className="admin-page">
      <div className="admin-page__header">
        <h1>Users</h1>
        <Link href="/admin/users/new" className="button button--primary">
          New account
        </Link>
      </div>
      <p className="muted">
        {activeCount} active of {users.length} accounts. Deactivated accounts keep their bylines and history but cannot sign in.
      </p>
      <table className="table">
        <TableHeader columns={["Name", "Email", "Role", "Status", "Last sign-in"]} />
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
              </td>
              <td>{user.email}</td>
              <td>{ROLE_LABELS[user.role]}</td>
              <td>{user.isActive ? <span className="badge badge--ok">Active</span> : <span className="badge badge--off">Deactivated</span>}</td>
              <td>
                {user.lastLoginAt ? (
                  <time dateTime={toNewsroomIso(user.lastLoginAt)}>{formatNewsroomDateTime(user.lastLoginAt)}</time>
                ) : (
                  <span className="muted">Never</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="panel" aria-labelledby="two-factor-policy-heading">
        <h2 id="two-factor-policy-heading">Two-factor sign-in</h2>
        <RequireTwoFactorForm required={isTwoFactorRequired} />
      </section>
    </div>
  );
}
