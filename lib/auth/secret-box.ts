import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { resolveAuthSecret } from "./auth-secret";

/**
 * Encryption at rest for second-factor secrets (TOTP keys): AES-256-GCM with
 * a key derived from the session secret, so a copy of the database alone
 * cannot generate anyone's codes.
 */
let key: Buffer | undefined;
function getKey(): Buffer {
  key ??= Buffer.from(hkdfSync("sha256", resolveAuthSecret(), "newsdesk", "newsdesk:secret-box:v1", 32));
  return key;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", getKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plain secret, or null when the value was not sealed with this key. */
export function decryptSecret(sealed: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", getKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
