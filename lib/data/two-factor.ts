import "server-only";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { canManageSettings, canManageUsers } from "../auth/permissions";
import { requireUser } from "../auth/session";
import {
  disableTotp,
  enableTotp,
  getTwoFactorState,
  regenerateRecoveryCodes,
  resetTwoFactor,
  type TwoFactorState,
} from "../auth/two-factor/account-factors";
import { createPasskeyRegistrationOptions, registerPasskey, removePasskey } from "../auth/two-factor/passkeys";
import { isTwoFactorRequiredSetting, REQUIRE_TWO_FACTOR_SETTING } from "../auth/two-factor/requirement";
import { beginTotpEnrolment, readTotpEnrolment } from "../auth/two-factor/totp-enrolment";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { getRequestClientHash } from "../security/request-client";
import { isUuid } from "../validations/uuid";

/** The signed-in user's second factors. */
export async function getOwnTwoFactor(): Promise<TwoFactorState> {
  const actor = await requireUser();
  return getTwoFactorState(actor.id);
}

/** A QR code and key for adding an authenticator app to one's own account. */
export async function startOwnTotpEnrolment() {
  const actor = await requireUser();
  return beginTotpEnrolment(actor);
}

/** Confirms the app with a code; returns new recovery codes when the account had none left. */
export async function confirmOwnTotpEnrolment(sealed: string | undefined, code: string): Promise<string[] | null> {
  const actor = await requireUser();
  const secret = await readTotpEnrolment(sealed, actor.id);
  return enableTotp(actor.id, secret, code, await getRequestClientHash());
}

export async function removeOwnTotp(): Promise<void> {
  const actor = await requireUser();
  await disableTotp(actor.id, await getRequestClientHash());
}

export async function regenerateOwnRecoveryCodes(): Promise<string[]> {
  const actor = await requireUser();
  return regenerateRecoveryCodes(actor.id, await getRequestClientHash());
}

export async function startOwnPasskeyRegistration(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const actor = await requireUser();
  return createPasskeyRegistrationOptions(actor);
}

export async function finishOwnPasskeyRegistration(response: RegistrationResponseJSON, expectedChallenge: string, name: string): Promise<void> {
  const actor = await requireUser();
  await registerPasskey(actor.id, response, expectedChallenge, name, await getRequestClientHash());
}

export async function removeOwnPasskey(passkeyId: string): Promise<void> {
  const actor = await requireUser();
  if (!isUuid(passkeyId)) throw new NotFoundError("No such passkey");
  await removePasskey(actor.id, passkeyId, await getRequestClientHash());
}

/** Another account's second-factor summary, for the user admin. */
export async function getTwoFactorForAdmin(userId: string): Promise<TwoFactorState> {
  const actor = await requireUser();
  if (!canManageUsers(actor) || !isUuid(userId)) throw new NotFoundError();
  return getTwoFactorState(userId);
}

/**
 * An admin removes someone's second factors (a lost phone and no recovery
 * codes): audited, and every session of theirs ends. If two-factor is
 * required they set it up again at their next sign-in.
 */
export async function resetUserTwoFactor(userId: string): Promise<void> {
  const actor = await requireUser();
  if (!canManageUsers(actor)) throw new ForbiddenError();
  if (!isUuid(userId) || !(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new NotFoundError("No such account");
  await resetTwoFactor(userId, actor.id, await getRequestClientHash());
}

export async function getRequireTwoFactor(): Promise<boolean> {
  const actor = await requireUser();
  if (!canManageSettings(actor)) throw new NotFoundError();
  return isTwoFactorRequiredSetting();
}

/** The admins' setting: admins and editors must sign in with a second factor. */
export async function setRequireTwoFactor(required: boolean): Promise<void> {
  const actor = await requireUser();
  if (!canManageSettings(actor)) throw new ForbiddenError();
  const clientHash = await getRequestClientHash();
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: REQUIRE_TWO_FACTOR_SETTING },
      create: { key: REQUIRE_TWO_FACTOR_SETTING, value: required },
      update: { value: required },
    });
    await recordAuditEvent(tx, {
      action: "setting.update",
      actorId: actor.id,
      entityType: "setting",
      entityId: null,
      data: { key: REQUIRE_TWO_FACTOR_SETTING, value: required },
      clientHash,
    });
  });
}
