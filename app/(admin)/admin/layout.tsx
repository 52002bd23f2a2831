import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { listAdminNavItems } from "@/lib/auth/admin-navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import "../../admin.css";

export const metadata: Metadata = { title: { default: "Newsroom", template: "%s | Newsroom" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=/admin");
  return (
    <AdminShell user={user} items={listAdminNavItems(user)} siteName={getEnv().NEWSDESK_SITE_NAME}>
      {children}
    </AdminShell>
  );
}
