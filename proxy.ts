import { NextResponse, type NextRequest } from "next/server";
import { INTERNAL_RENDER_HEADER, internalRenderNonce } from "./lib/public-cache/state";
import { baseSecurityHeaders, buildContentSecurityPolicy, createNonce, isAdminPath } from "./lib/security/headers";

/**
 * Runs before every page and route handler: gives each response a fresh CSP
 * nonce (Next.js reads it from the request's CSP header and stamps its own
 * scripts) and the security headers.
 *
 * The public page cache's own renders (lib/public-cache/front.ts) get a
 * placeholder nonce instead; the cache swaps in a fresh one, in the body and
 * in this CSP header, on every response it serves.
 */
export function proxy(request: NextRequest) {
  const nonce = internalRenderNonce(request.headers) ?? createNonce();
  const isAdmin = isAdminPath(request.nextUrl.pathname);
  const csp = buildContentSecurityPolicy({ nonce, isAdmin, isDev: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(INTERNAL_RENDER_HEADER);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(isAdmin))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets need no nonce; skipping them keeps them at full speed.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
