import { randomBytes } from "node:crypto";

/**
 * A uuid v7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Prisma fills `@default(uuid(7))` itself; raw INSERTs (an atomic
 * INSERT … ON CONFLICT) need one made here, ordered the same way.
 */
export function uuid7(now = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
