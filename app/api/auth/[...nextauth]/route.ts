import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Sign-in posts to /api/auth/callback/credentials. next-auth answers a GET
 * there by throwing "Callback for provider type credentials not supported"
 * (a 500); it is a method this address does not take, so 405 with Allow.
 * Every other GET (session, csrf, providers, signout page…) is next-auth's.
 */
async function GET(request: NextRequest, context: Context) {
  const [action] = (await context.params).nextauth;
  if (action === "callback") {
    return NextResponse.json({ error: "Sign in with a POST from the sign-in form." }, { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } });
  }
  return handler(request, context);
}

export { GET, handler as POST };
