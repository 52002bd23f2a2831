import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { resolveAuthSecret } from "../auth/auth-secret";
import { getEnv } from "../env";

/** Request headers as next-auth (a plain object) or a route handler (Headers) hands them over. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * One throttling identity per client: IPv4 as is, IPv4-mapped IPv6 as IPv4,
 * other IPv6 addresses by their /64 (one subscriber line holds a whole /64,
 * so per-address limits would otherwise be trivial to dodge).
 */
export function normalizeClientAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase(); // zone index
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped?.[1]) value = mapped[1];
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return null;
  return `${expandIPv6(value).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail = ""] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const missing = 8 - headParts.length - tailParts.length;
  return [...headParts, ...Array.from({ length: Math.max(missing, 0) }, () => "0"), ...tailParts].map((p) => p.padStart(4, "0"));
}

/**
 * The client's address. The server (lib/server/start-server.mjs) appends the
 * socket's peer to X-Forwarded-For, as a proxy would, so the last entry is
 * whoever connected to us; each trusted proxy in front appended the address
 * *it* saw one entry further left. The entry NEWSDESK_TRUSTED_PROXY_HOPS from
 * the right is therefore the one a client cannot forge; anything further left
 * is whatever the client sent. (Plain `next start` only fills the header when
 * it is missing: behind nothing, run `npm start`.)
 */
export function getClientAddress(headers: HeaderSource, trustedHops = getEnv().NEWSDESK_TRUSTED_PROXY_HOPS): string | null {
  const forwarded = readHeader(headers, "x-forwarded-for")
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded?.length) {
    const entry = forwarded[Math.max(forwarded.length - 1 - trustedHops, 0)];
    if (entry) return normalizeClientAddress(entry);
  }
  const realIp = readHeader(headers, "x-real-ip");
  return realIp ? normalizeClientAddress(realIp) : null;
}

/** X-Forwarded-For as a proxy passes it on: what came in, then the peer it saw. */
export function appendPeerAddress(forwarded: string | string[] | undefined, peer: string | undefined): string | undefined {
  const incoming = Array.isArray(forwarded) ? forwarded.join(", ") : forwarded;
  if (!peer) return incoming;
  return incoming ? `${incoming}, ${peer}` : peer;
}

let secret: string | undefined;

/**
 * A keyed hash standing in for a personal value (client address, an email
 * that matches no account) wherever it is stored: it links repeat attempts
 * without keeping the value. Keyed with the session secret, so every
 * instance agrees and a database leak alone cannot reverse it.
 */
export function hashIdentifier(kind: "client" | "email", value: string): string {
  secret ??= resolveAuthSecret();
  return createHmac("sha256", secret).update(`newsdesk:${kind}:${value}`).digest("base64url").slice(0, 24);
}

/** The stored form of the request's client address ("unknown" when no header says). */
export function hashClientAddress(headers: HeaderSource): string {
  return hashIdentifier("client", getClientAddress(headers) ?? "unknown");
}
