import { createHash, randomBytes } from "node:crypto";

/**
 * Share-link tokens: 32 random bytes, base64url (43 characters). Only the
 * SHA-256 is stored, so a leaked database row does not open the preview, and
 * lookup is by hash equality in a unique index (no string comparison of the
 * secret in application code).
 */
export function createPreviewToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashPreviewToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Rejects anything that cannot be a token before touching the database. */
export function isWellFormedPreviewToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
