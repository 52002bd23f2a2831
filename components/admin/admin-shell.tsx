import Link from "next/link";
import type { ReactNode } from "react";
import type { AdminNavItem } from "@/lib/auth/admin-navigation";
import type { SessionUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { ADMIN: "Admin", EDITOR: "Editor", AUTHOR: "Author" } as const;

/** The admin frame: navigation for the user's role, who is signed in, sign out. */
export function AdminShell({ user, items, siteName, children }: { user: SessionUser; items: AdminNavItem[]; siteName: string; children: ReactNode }) {
  return (
    <div className="admin">
      <a href="#admin-main" className="skip-link">
        Skip to content
      </a>
      <header className="admin-header">
        <Link href="/admin" className="admin-header__brand">
          {siteName} <span>newsroom</span>
        </Link>
        <nav aria-label="Admin" className="admin-nav">
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link href={item.href}>
                  {item.label}
                  {item.count ? (
                    <>
                      {" "}
                      <span className="nav-count">
                        {item.count.toLocaleString("en-US")}
                        <span className="visually-hidden"> new</span>
                      </span>
                    </>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="admin-header__user">
          <Link href="/admin/account" data-testid="signed-in-user" title="Your account">
            {user.name} <span className="badge">{ROLE_LABEL[user.role]}</span>
          </Link>
          <Link href="/" className="admin-header__site">
            View site
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="admin-main" className="admin-main">
        {children}
      </main>
    </div>
  );
}
