import { randomBytes } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A uuid v7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence,
 * then random bits. Prisma fills `@default(uuid(7))` itself; raw INSERTs
 * (an atomic INSERT … ON CONFLICT) need one made here. Ids made by this
 * process only ever grow, even within one millisecond (the sequence counts
 * up from a random start), so "newest first" by id stays exact.
 */
export function uuid7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE() & 0x3ff;
  } else if (++sequence > 0xfff) {
    lastMs++;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
