import { NextResponse, type NextRequest } from "next/server";
import { checkSession } from "./lib/auth/session-check";
import { touchUserSession } from "./lib/auth/user-sessions";
import { SESSION_IDLE_SECONDS } from "./lib/auth/session-policy";
import { readSessionToken, refreshSessionToken, SESSION_COOKIE, SESSION_COOKIE_OPTIONS } from "./lib/auth/session-token";
import { getEnv } from "./lib/env";
import { findMovedArticlePath } from "./lib/data/articles/find-article-redirect";
import { INTERNAL_RENDER_HEADER, internalRenderNonce } from "./lib/public-cache/state";
import { baseSecurityHeaders, buildContentSecurityPolicy, createNonce, isAdminPath } from "./lib/security/headers";
import { isOversizedActionRequest } from "./lib/security/request-limits";
import { checkRequestTarget } from "./lib/server/request-target.mjs";

const siteUrl = getEnv().NEWSDESK_SITE_URL;

/** Request header carrying the path to server components (layouts cannot read it otherwise). */
const REQUEST_PATH_HEADER = "x-newsdesk-path";

const isAdminArea = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");
/** Draft previews and share links: never cached, indexed or leaked through Referer. */
const isPreviewArea = (pathname: string) => pathname.startsWith("/preview/");

/**
 * Runs before every page and route handler:
 * - gives each response a fresh CSP nonce (Next.js reads it from the
 *   request's CSP header and stamps its own scripts) and the security headers;
 * - sends visitors without a valid session from /admin to /login (an
 *   optimistic check: the data-access layer re-checks everything), and slides
 *   an active session's idle deadline forward;
 * - answers an old article URL (the story's slug changed after it went out)
 *   with a 301 to its current one;
 * - refuses server-action posts over the body limit with a 413 (Next.js
 *   would answer them with a 500);
 * - refuses malformed addresses (400) and unsupported methods (405), as
 *   lib/server/request-guard.mjs does in front of `npm start`.
 *
 * The public page cache's own renders (lib/public-cache/front.ts) get a
 * placeholder nonce instead; the cache swaps in a fresh one, in the body and
 * in the CSP header, on every response it serves.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Under `npm start` lib/server/request-guard.mjs has already refused these; plain `next start` has only this.
  const refusal = checkRequestTarget(request.method, `${pathname}${search}`);
  if (refusal) return refuse(refusal, isAdminPath(pathname));
  const isAdmin = isAdminPath(pathname);
  if (isOversizedActionRequest(request.method, request.headers)) {
    const tooLarge = NextResponse.json({ error: "This request is too large. A story's body can be at most 1,000,000 characters." }, { status: 413 });
    return withSecurityHeaders(tooLarge, isAdmin);
  }
  const moved = request.method === "GET" || request.method === "HEAD" ? await findMovedArticlePath(pathname) : null;
  if (moved) return withSecurityHeaders(NextResponse.redirect(new URL(`${moved}${search}`, request.url), 301), isAdmin);
  let refreshedToken: string | null = null;

  if (isAdminArea(pathname)) {
    const token = await readSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
    // A revoked session (signed out, ended from the sessions list, deactivated, role changed, password reset, signed
    // out everywhere) is turned away here on its very next request, client
    // navigations included; the data-access layer re-checks regardless.
    // "unknown" (the database is unreachable) lets the signed cookie through: see lib/auth/session-check.ts.
    const check = token ? await checkSession(token) : "revoked";
    if (!token || check === "revoked") {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      if (token) login.searchParams.set("reason", "ended");
      const redirect = NextResponse.redirect(login);
      // An unreadable or expired cookie goes (with the same attributes: a
      // __Secure- cookie can only be overwritten by a Secure one). A revoked
      // one stays until the next sign-in replaces it, so that every request
      // it makes, prefetches included, tells the same story: "session ended".
      if (!token) redirect.cookies.set(SESSION_COOKIE, "", { ...SESSION_COOKIE_OPTIONS, maxAge: 0 });
      return withSecurityHeaders(redirect, true);
    }
    // An unconfirmed session is not extended: it lives until its own idle deadline.
    if (check === "current") refreshedToken = await refreshSessionToken(token);
    if (refreshedToken) await touchUserSession(token.sid);
  }

  const nonce = internalRenderNonce(request.headers) ?? createNonce();
  const csp = buildContentSecurityPolicy({ nonce, isAdmin, isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(INTERNAL_RENDER_HEADER);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Lets the admin layout send a revoked session back to where it was going.
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(isAdmin, siteUrl))) response.headers.set(name, value);
  if (isAdmin || isPreviewArea(pathname)) response.headers.set("Cache-Control", "private, no-store");
  if (isPreviewArea(pathname)) {
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Referrer-Policy", "no-referrer");
  }
  if (refreshedToken) {
    response.cookies.set(SESSION_COOKIE, refreshedToken, { ...SESSION_COOKIE_OPTIONS, maxAge: SESSION_IDLE_SECONDS });
  }
  return response;
}

/** An answer the proxy gives itself (refusal, redirect) with every security header a page gets. */
function withSecurityHeaders(response: NextResponse, isAdmin: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", buildContentSecurityPolicy({ nonce: createNonce(), isAdmin, isDev: process.env.NODE_ENV === "development" }));
  for (const [name, value] of Object.entries(baseSecurityHeaders(isAdmin, siteUrl))) response.headers.set(name, value);
  return response;
}

/** A request-guard refusal. */
function refuse(refusal: NonNullable<ReturnType<typeof checkRequestTarget>>, isAdmin: boolean): NextResponse {
  const response = withSecurityHeaders(new NextResponse(refusal.status === 204 ? null : refusal.body, { status: refusal.status }), isAdmin);
  response.headers.set("Cache-Control", "no-store");
  if (refusal.allow) response.headers.set("Allow", refusal.allow);
  if (refusal.status !== 204) response.headers.set("Content-Type", "text/plain; charset=utf-8");
  return response;
}

export const config = {
  // Static assets need no nonce; skipping them keeps them at full speed.
  // Health probes must answer without the database (no redirect lookup).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|healthz|readyz).*)" }],
};
