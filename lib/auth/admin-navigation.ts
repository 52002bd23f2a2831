import type { Actor } from "./permissions";
import { canListAllArticles, canManageSections, canManageUsers, canViewAuditLog } from "./permissions";

export interface AdminNavItem {
  href: string;
  label: string;
}

/** The admin areas a role can use; the nav shows exactly these (and only pages that exist). */
export function listAdminNavItems(user: Actor): AdminNavItem[] {
  const items: AdminNavItem[] = [
    { href: "/admin", label: "Dashboard" },
    { href: "/admin/articles", label: canListAllArticles(user) ? "Articles" : "My articles" },
  ];
  if (canManageSections(user)) items.push({ href: "/admin/sections", label: "Sections" });
  if (canManageUsers(user)) items.push({ href: "/admin/users", label: "Users" });
  if (canViewAuditLog(user)) items.push({ href: "/admin/audit", label: "Audit log" });
  return items;
}
