/**
 * Password length rules, safe for client bundles (the full policy, with its
 * common-password list, stays on the server).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Unicode passwords are compared in NFKC form, so the same password typed on
 * another keyboard or OS (composed vs decomposed "é", full-width digits)
 * still matches. Hashing and verification use the same form.
 */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Length as a person counts it: Unicode code points after normalisation, not UTF-16 units. */
export function countPasswordCharacters(password: string): number {
  return [...normalizePassword(password)].length;
}
