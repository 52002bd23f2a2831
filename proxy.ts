import { NextResponse, type NextRequest } from "next/server";
import { SESSION_IDLE_SECONDS } from "./lib/auth/session-policy";
import { readSessionToken, refreshSessionToken, SESSION_COOKIE } from "./lib/auth/session-token";
import { baseSecurityHeaders, buildContentSecurityPolicy, createNonce, isAdminPath } from "./lib/security/headers";

const isAdminArea = (pathname: string) => pathname === "/admin" || pathname.startsWith("/admin/");
/** Draft previews and share links: never cached, indexed or leaked through Referer. */
const isPreviewArea = (pathname: string) => pathname.startsWith("/preview/");

/**
 * Runs before every page and route handler:
 * - gives each response a fresh CSP nonce (Next.js reads it from the
 *   request's CSP header and stamps its own scripts) and the security headers;
 * - sends visitors without a valid session from /admin to /login (an
 *   optimistic check: the data-access layer re-checks everything), and slides
 *   an active session's idle deadline forward.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  if (isAdmin || isPreviewArea(pathname)) response.headers.set("Cache-Control", "private, no-store");
  if (isPreviewArea(pathname)) {
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Referrer-Policy", "no-referrer");
  }
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
