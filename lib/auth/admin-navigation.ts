import type { Actor } from "./permissions";
import { canListAllArticles, canManageSections, canManageUsers, canViewAuditLog } from "./permissions";

export interface AdminNavItem {
  href: string;
  label: string;
  /** Items waiting for the user (shown as a badge: "Typo reports 3 new"). */
  count?: number;
}

/** Numbers the navigation shows beside items, read once per admin page. */
export interface AdminNavCounts {
  /** NEW typo reports the user may see. */
  newTypoReports?: number;
}

/** The admin areas a role can use; the nav shows exactly these (and only pages that exist). */
export function listAdminNavItems(user: Actor, counts: AdminNavCounts = {}): AdminNavItem[] {
  const items: AdminNavItem[] = [
    { href: "/admin", label: "Dashboard" },
    { href: "/admin/articles", label: canListAllArticles(user) ? "Articles" : "My articles" },
    // Everyone: editors decide every report, authors follow those on their own stories.
    { href: "/admin/reports", label: "Typo reports", count: counts.newTypoReports },
  ];
  if (canManageSections(user)) items.push({ href: "/admin/sections", label: "Sections" });
  if (canManageUsers(user)) items.push({ href: "/admin/users", label: "Users" });
  if (canViewAuditLog(user)) items.push({ href: "/admin/audit", label: "Audit log" });
  return items;
}
