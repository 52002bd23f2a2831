import "server-only";
import { getEnv } from "../../env";
import { ValidationError } from "../../errors";
import { seal, unseal } from "../sealed";
import { createTotpEnrolment, formatManualKey } from "./totp";

/**
 * An enrolment in progress. Pages cannot set cookies, so the new secret
 * travels in the form itself, sealed (encrypted, bound to the user, ten
 * minutes) until a code proves the app has it.
 */
const ENROLMENT_SECONDS = 10 * 60;

export async function beginTotpEnrolment(user: { id: string; email: string }) {
  const enrolment = await createTotpEnrolment(getEnv().NEWSDESK_SITE_NAME, user.email);
  return {
    qrDataUrl: enrolment.qrDataUrl,
    manualKey: formatManualKey(enrolment.secret),
    sealed: await seal("totp-enrolment", { userId: user.id, secret: enrolment.secret }, ENROLMENT_SECONDS),
  };
}

/** The secret being enrolled, if the sealed value is good and belongs to `userId`. */
export async function readTotpEnrolment(sealed: string | undefined, userId: string): Promise<string> {
  const payload = await unseal("totp-enrolment", sealed);
  if (!payload || payload.userId !== userId || typeof payload.secret !== "string") {
    throw new ValidationError("This setup has expired. Reload the page and scan the new code.");
  }
  return payload.secret;
}
