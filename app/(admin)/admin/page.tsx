import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await getCurrentUser();
  return (
    <div className="admin-page">
      <h1>Welcome, {user?.name}</h1>
      <p className="muted">Use the navigation to find stories and everything your role can manage.</p>
    </div>
  );
}
