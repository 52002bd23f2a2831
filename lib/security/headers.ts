/**
 * Security headers for every response. Scripts run only with the
 * per-response nonce ('strict-dynamic' lets those scripts load Next's
 * chunks); nothing may frame the admin.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  isAdmin: boolean;
  isDev: boolean;
}

export function buildContentSecurityPolicy({ nonce, isAdmin, isDev }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React, the rich-text editor) carry no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isAdmin ? "'none'" : "'self'"}`,
  ];
  return directives.join("; ");
}

/**
 * HSTS once the site is served over https: two years, subdomains included
 * (the values hstspreload.org asks for; "preload" itself is the operator's
 * choice). Never over http, where browsers ignore it anyway and a local
 * `npm run up` must keep working.
 */
export function strictTransportSecurity(siteUrl: string): Record<string, string> {
  return siteUrl.startsWith("https://") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}

/** Headers every response carries besides the CSP. `siteUrl`: NEWSDESK_SITE_URL. */
export function baseSecurityHeaders(isAdmin: boolean, siteUrl = ""): Record<string, string> {
  return {
    ...strictTransportSecurity(siteUrl),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": isAdmin ? "DENY" : "SAMEORIGIN",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** 128 random bits, base64: unguessable per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function isAdminPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/login" || pathname.startsWith("/api/auth");
}
