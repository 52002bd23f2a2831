import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "../env";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { resolveAuthSecret } from "./auth-secret";
import { safeRedirect } from "./safe-redirect";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";
import { findActiveSessionUser, revokeUserSession } from "./user-sessions";

// next-auth v4 reads its public origin from NEXTAUTH_URL.
process.env.NEXTAUTH_URL ??= getEnv().NEWSDESK_SITE_URL;

const isProduction = process.env.NODE_ENV === "production";

/**
 * next-auth configuration: its JWT cookie format and its /api/auth routes.
 * Signing in runs through Newsdesk's own steps (app/(auth)/login/actions.ts:
 * password, then a second factor when the account has one), since next-auth
 * 4 has no multi-factor provider; they issue the same cookie. The JWT carries
 * who, which role, which session version and which session row; whether the
 * session is still good is decided per request (lib/auth/session.ts).
 */
export const authOptions: NextAuthOptions = {
  secret: resolveAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
  // Secure cookies in production (browsers accept them on http://localhost too).
  useSecureCookies: isProduction,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    // Posting a password to /api/auth/callback/credentials would skip the
    // second factor: this provider accepts nothing.
    CredentialsProvider({
      name: "Newsdesk",
      credentials: {},
      authorize() {
        throw new Error("Sign in on the sign-in page.");
      },
    }),
  ],
  callbacks: {
    redirect: safeRedirect,
    async jwt({ token }) {
      // /api/auth/session answers only for a live session: a signed-out,
      // ended or deactivated one is refused (next-auth then clears the cookie).
      // While the database is unreachable the signed cookie stands, as in the
      // proxy (lib/auth/session-check.ts): nothing can be read or changed meanwhile.
      const isCurrent = await findActiveSessionUser(token).then(Boolean, (error: unknown) => {
        if (isDatabaseUnavailableError(error)) return true;
        throw error;
      });
      if (!isCurrent) throw new Error("The session has ended.");
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role ?? "AUTHOR",
      };
      return session;
    },
  },
  logger: {
    // A refused session is the check working, not an error worth a stack trace.
    error(code, metadata) {
      if (code !== "JWT_SESSION_ERROR") console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      await revokeUserSession(token?.sid, { actorId: token?.sub ?? null, clientHash: null, action: "auth.sign_out" });
    },
  },
};
