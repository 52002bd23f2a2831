import { signOutAction } from "@/lib/auth/session-actions";

/** A form, not a script: signing out works even before the page has loaded its JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button button--ghost">
        Sign out
      </button>
    </form>
  );
}
