/**
 * The security headers of the answers lib/server/request-guard.mjs gives
 * before the app runs (400, 405, OPTIONS). Plain JavaScript for the same
 * reason as the guard; the figures are lib/security/headers.ts's, which stays
 * their home — guard-headers.test.ts fails if the two ever differ.
 */

const isAdminPath = (pathname) =>
  pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/login" || pathname.startsWith("/api/auth");

/**
 * @param {string} nonce
 * @param {boolean} isAdmin
 */
export function guardContentSecurityPolicy(nonce, isAdmin) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isAdmin ? "'none'" : "'self'"}`,
  ].join("; ");
}

/**
 * @param {boolean} isAdmin
 * @param {string} [siteUrl] NEWSDESK_SITE_URL: HSTS once it is https
 */
export function guardBaseHeaders(isAdmin, siteUrl = "") {
  return {
    ...(siteUrl.startsWith("https://") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": isAdmin ? "DENY" : "SAMEORIGIN",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/**
 * Every security header for an answer to `target` (a raw request target).
 * @param {string} target
 * @returns {Record<string, string>}
 */
export function guardResponseHeaders(target) {
  const path = target.split(/[?#]/, 1)[0] ?? "/";
  const isAdmin = isAdminPath(path);
  return {
    "Content-Security-Policy": guardContentSecurityPolicy(btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))), isAdmin),
    ...guardBaseHeaders(isAdmin, process.env.NEWSDESK_SITE_URL ?? ""),
  };
}
