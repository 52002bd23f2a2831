import { checkPasswordPolicy, type PasswordContext } from "../auth/password-policy";
import { getEnv } from "../env";
import { ValidationError } from "../errors";

/**
 * Applies the password policy to a password about to be set for the person
 * in `context`; throws ValidationError with the problems under `field`.
 */
export function assertPasswordAllowed(password: string, context: PasswordContext, field = "password"): void {
  const problems = checkPasswordPolicy(password, { ...context, extraWords: [getEnv().NEWSDESK_SITE_NAME, "newsdesk"] });
  if (problems.length > 0) throw new ValidationError(problems[0] ?? "Choose another password", { [field]: problems });
}
