import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readPendingSignIn } from "@/lib/auth/sign-in-steps";
import { getTwoFactorState } from "@/lib/auth/two-factor/account-factors";
import { getEnv } from "@/lib/env";
import { PasskeySignInButton } from "../_components/passkey-sign-in-button";
import { SecondFactorForm } from "../_components/second-factor-form";
import { safeCallbackUrl } from "../callback-url";

export const metadata: Metadata = { title: "Two-factor sign-in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** The second step: the password was right; now the app's code, a recovery code or a passkey. */
export default async function VerifyPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const pending = await readPendingSignIn("second-factor");
  if (!pending) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}&reason=step-expired`);
  const factors = await getTwoFactorState(pending.id);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__brand">{getEnv().NEWSDESK_SITE_NAME} newsroom</p>
        <h1>Two-factor sign-in</h1>
        {factors.totpEnabledAt && <SecondFactorForm callbackUrl={callbackUrl} />}
        {factors.passkeys.length > 0 && <PasskeySignInButton callbackUrl={callbackUrl} mode="second-factor" />}
        {!factors.totpEnabledAt && factors.recoveryCodesLeft > 0 && <SecondFactorForm callbackUrl={callbackUrl} recoveryOnly />}
      </div>
    </main>
  );
}
