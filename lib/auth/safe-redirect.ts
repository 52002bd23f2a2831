/**
 * next-auth's `redirect` callback: where to send a visitor after sign-in or
 * sign-out. The same rule as next-auth's default — a path on this site, or a
 * URL on this site's origin, else the home page — but a callbackUrl (form
 * field or cookie) that is not a URL at all (`%00`, `http://[`) goes home too,
 * where the default threw "Invalid URL" and the sign-in answered 500.
 */
export function safeRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.includes("\u0000")) return `${baseUrl}${url}`;
  try {
    return new URL(url).origin === baseUrl ? url : baseUrl;
  } catch {
    return baseUrl;
  }
}
