import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

/** Only same-site paths: an open redirect after sign-in would hand sessions to phishers. */
function safeCallbackUrl(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/admin";
}

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__brand">{getEnv().NEWSDESK_SITE_NAME} newsroom</p>
        <h1>Sign in</h1>
        <LoginForm callbackUrl={safeCallbackUrl(callbackUrl)} initialError={error ? "Please sign in again." : undefined} />
      </div>
    </main>
  );
}
