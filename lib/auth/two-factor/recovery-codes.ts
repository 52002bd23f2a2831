import { randomInt } from "node:crypto";
import { hashPassword, verifyPassword } from "../password";

/**
 * Recovery codes: ten one-time codes of two groups of five from a
 * 27-symbol alphabet without vowels or look-alikes (about 47 bits each),
 * stored as argon2id hashes like passwords, shown once.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "bcdfghjkmnpqrstvwxz23456789";

export function generateRecoveryCodes(): string[] {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${group()}-${group()}`);
}

/** As typed: any case, with or without the dash and spaces. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]+/g, "");
  return /^[a-z0-9]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : null;
}

export const looksLikeRecoveryCode = (input: string) => normalizeRecoveryCode(input) !== null;

export function hashRecoveryCodes(codes: string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hashPassword(code)));
}

/** The id of the unused code matching the input, or null. */
export async function findMatchingRecoveryCode(input: string, unused: { id: string; codeHash: string }[]): Promise<string | null> {
  const code = normalizeRecoveryCode(input);
  if (!code) return null;
  for (const candidate of unused) if (await verifyPassword(candidate.codeHash, code)) return candidate.id;
  return null;
}
