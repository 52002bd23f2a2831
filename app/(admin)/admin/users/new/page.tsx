import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canManageUsers } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { CreateUserForm } from "./_components/create-user-form";

export const metadata: Metadata = { title: "New account" };

export default async function NewUserPage() {
  // The action re-checks in the data-access layer; this only avoids showing a form that would be refused.
  const user = await getCurrentUser();
  if (!user || !canManageUsers(user)) notFound();
  return (
    <div className="admin-page admin-page--narrow">
      <p>
        <Link href="/admin/users">← Users</Link>
      </p>
      <h1>New account</h1>
      <CreateUserForm />
    </div>
  );
}
