/**
 * The largest server-action request the app accepts. next.config.js sets
 * the same figure as `experimental.serverActions.bodySizeLimit` (a test
 * keeps the two equal). The biggest legitimate request is a save of a
 * story at the body limit (1,000,000 characters, up to 4 bytes each in
 * UTF-8) with its other fields.
 */
export const SERVER_ACTION_BODY_LIMIT = "6mb";
export const SERVER_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/**
 * A server-action POST announcing a body over the limit, answered before
 * Next.js reads it: Next itself would fail such a request with a 500.
 */
export function isOversizedActionRequest(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const length = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > SERVER_ACTION_BODY_LIMIT_BYTES;
}
