import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { normalizePassword } from "./password-length";

// OWASP Password Storage Cheat Sheet: argon2id (the library's default
// algorithm), m=19 MiB, t=2, p=1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), OPTIONS);
}

/** Constant-time check; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

// No vowels (no accidental words), no look-alikes (0/o, 1/l/i).
const GENERATED_ALPHABET = "bcdfghjkmnpqrstvwxz23456789";

/**
 * A strong password to hand to a person once: four groups of five from a
 * 27-symbol alphabet (about 95 bits), e.g. "k7m2p-x9qrt-bb4hz-3nw8c".
 */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}
