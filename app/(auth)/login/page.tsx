import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { LoginForm } from "./_components/login-form";
import { safeCallbackUrl } from "./callback-url";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; reason?: string }> };

const NOTICES: Record<string, string> = {
  ended: "Your session has ended. Please sign in again.",
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You have been signed out on every device.",
  "step-expired": "That sign-in took too long. Please enter your password again.",
};

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error, reason } = await searchParams;
  const destination = safeCallbackUrl(callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  // next-auth's own error codes only: a message taken from the URL would let anyone put words on this page.
  const initialError = error ? (error === "CredentialsSignin" ? "Wrong email or password." : "Sign-in failed. Please try again.") : undefined;
  const notice = reason ? NOTICES[reason] : undefined;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__brand">{getEnv().NEWSDESK_SITE_NAME} newsroom</p>
        <h1>Sign in</h1>
        {notice && !initialError && (
          <p className="auth-card__notice" role="status">
            {notice}
          </p>
        )}
        <LoginForm callbackUrl={destination} initialError={initialError} />
      </div>
    </main>
  );
}
