import "server-only";
import { db } from "../../db";
import type { Role } from "../../generated/prisma/enums";

/** Setting key: admins and editors must have a second factor. Off by default (demo logins stay password-only). */
export const REQUIRE_TWO_FACTOR_SETTING = "auth.requireTwoFactor";

/** Roles the setting applies to: those who publish under the newsroom's name or manage accounts. */
export const isRoleCoveredByRequirement = (role: Role) => role === "ADMIN" || role === "EDITOR";

export async function isTwoFactorRequiredSetting(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: REQUIRE_TWO_FACTOR_SETTING }, select: { value: true } });
  return row?.value === true;
}

export async function mustEnrolSecondFactor(role: Role): Promise<boolean> {
  return isRoleCoveredByRequirement(role) && (await isTwoFactorRequiredSetting());
}
