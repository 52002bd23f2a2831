import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { listAdminNavItems } from "@/lib/auth/admin-navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { countNewTypoReports } from "@/lib/data/typo-reports/report-queue";
import { getEnv } from "@/lib/env";
import "../../admin.css";

export const metadata: Metadata = { title: { default: "Newsroom", template: "%s | Newsroom" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) {
    // proxy.ts lets only a well-formed session cookie through, so reaching
    // here means the session was revoked: deactivated, role changed,
    // password reset or signed out everywhere.
    const path = (await headers()).get("x-newsdesk-path") ?? "/admin";
    redirect(`/login?${new URLSearchParams({ callbackUrl: path, reason: "ended" })}`);
  }
  const newTypoReports = await countNewTypoReports();
  return (
    <AdminShell user={user} items={listAdminNavItems(user, { newTypoReports })} siteName={getEnv().NEWSDESK_SITE_NAME}>
      {children}
    </AdminShell>
  );
}
