import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TotpEnrolmentForm } from "@/components/two-factor/totp-enrolment-form";
import { getCurrentUser } from "@/lib/auth/session";
import { readPendingSignIn } from "@/lib/auth/sign-in-steps";
import { beginTotpEnrolment } from "@/lib/auth/two-factor/totp-enrolment";
import { getEnv } from "@/lib/env";
import { enrolAtSignInAction } from "../actions";
import { safeCallbackUrl } from "../callback-url";

export const metadata: Metadata = { title: "Set up two-factor sign-in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** An admin or editor without a second factor, when the admins require one: set it up before going on. */
export default async function EnrolPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  // Signed in: the enrolment just finished (the action's cookie change
  // re-renders this page) and the form is showing the recovery codes.
  const person = (await readPendingSignIn("enrol")) ?? (await getCurrentUser());
  if (!person) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}&reason=step-expired`);
  const enrolment = await beginTotpEnrolment(person);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="auth-card__brand">{getEnv().NEWSDESK_SITE_NAME} newsroom</p>
        <h1>Set up two-factor sign-in</h1>
        <p>Your newsroom requires a second step at sign-in for admins and editors. It takes a minute.</p>
        <TotpEnrolmentForm
          enrolment={enrolment}
          action={enrolAtSignInAction}
          hiddenFields={{ callbackUrl }}
          after={
            <a className="button button--primary" href={callbackUrl}>
              Continue
            </a>
          }
        />
      </div>
    </main>
  );
}
