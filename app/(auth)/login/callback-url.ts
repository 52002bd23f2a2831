/**
 * Where to go after signing in: only a path on this site. An open redirect
 * after sign-in would hand a freshly signed-in editor to a phishing page.
 *
 * Browsers are lenient: they drop tabs and newlines anywhere in a URL and
 * read "\" as "/", so "/\t/evil.example" becomes "//evil.example", a
 * different host. So the value is decoded (once more, for a double-encoded
 * one) and refused if any form of it holds a control character or a
 * backslash, starts with "//", or carries a scheme; what is left must
 * resolve to this origin.
 */
const FALLBACK = "/admin";
const PROBE_ORIGIN = "http://newsdesk.invalid";

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function isPlainPath(value: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return false;
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || value.length > 2000) return FALLBACK;
  const decoded = decodeOnce(value);
  const twice = decoded === null ? null : decodeOnce(decoded);
  if (decoded === null || twice === null) return FALLBACK;
  if (![value, decoded, twice].every(isPlainPath)) return FALLBACK;
  const resolved = new URL(value, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return FALLBACK;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
