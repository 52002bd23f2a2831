import { NextResponse, type NextRequest } from "next/server";
import { SESSION_IDLE_SECONDS } from "./lib/auth/session-policy";
import { readSessionToken, refreshSessionToken, SESSION_COOKIE } from "./lib/auth/session-token";
import { findMovedArticlePath } from "./lib/data/articles/find-article-redirect";
import { baseSecurityHeaders, buildContentSecurityPolicy, createNonce, isAdminPath } from "./lib/security/headers";
import { isOversizedActionRequest } from "./lib/security/request-limits";

const isAdminArea = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");

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
 *   would answer them with a 500).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isOversizedActionRequest(request.method, request.headers)) {
    return NextResponse.json({ error: "This request is too large. A story's body can be at most 1,000,000 characters." }, { status: 413 });
  }
  const moved = request.method === "GET" || request.method === "HEAD" ? await findMovedArticlePath(pathname) : null;
  if (moved) return NextResponse.redirect(new URL(`${moved}${search}`, request.url), 301);
  const isAdmin = isAdminPath(pathname);
  let refreshedToken: string | null = null;

  if (isAdminArea(pathname)) {
    const token = await readSessionToken(request.cookies.get(SESSION_COOKIE)?.value);
    if (!token) {
      const login = new URL("/login", request.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      const redirect = NextResponse.redirect(login);
      redirect.cookies.delete(SESSION_COOKIE);
      return redirect;
    }
    refreshedToken = await refreshSessionToken(token);
  }

  const nonce = createNonce();
  const csp = buildContentSecurityPolicy({ nonce, isAdmin, isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(isAdmin))) response.headers.set(name, value);
  if (isAdmin) response.headers.set("Cache-Control", "private, no-store");
  if (refreshedToken) {
    response.cookies.set(SESSION_COOKIE, refreshedToken, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NODE_ENV === "production",
      maxAge: SESSION_IDLE_SECONDS,
    });
  }
  return response;
}

export const config = {
  // Static assets need no nonce; skipping them keeps them at full speed.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
