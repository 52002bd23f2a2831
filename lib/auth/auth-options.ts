import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "../env";
import { signInSchema } from "../validations/sign-in";
import { resolveAuthSecret } from "./auth-secret";
import { safeRedirect } from "./safe-redirect";
import { hashClientAddress } from "../security/client-address";
import { isDatabaseUnavailableError } from "../db/unavailable";
import { authenticateWithPassword, SIGN_IN_UNAVAILABLE_MESSAGE, SignInError } from "./authenticate";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";

// next-auth v4 reads its public origin from NEXTAUTH_URL.
process.env.NEXTAUTH_URL ??= getEnv().NEWSDESK_SITE_URL;

const isProduction = process.env.NODE_ENV === "production";

/**
 * next-auth configuration: email + password, JWT sessions. The JWT carries
 * only who, which role and which session version; whether the session is
 * still good is decided per request by getCurrentUser().
 */
export const authOptions: NextAuthOptions = {
  secret: resolveAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
  // Secure cookies in production (browsers accept them on http://localhost too).
  useSecureCookies: isProduction,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email and password.");
        try {
          return await authenticateWithPassword(parsed.data.email, parsed.data.password, hashClientAddress(req?.headers ?? {}));
        } catch (error) {
          if (error instanceof SignInError) throw error;
          if (isDatabaseUnavailableError(error)) throw new Error(SIGN_IN_UNAVAILABLE_MESSAGE);
          // next-auth shows the message to the visitor: never an internal one.
          console.error("[newsdesk] sign-in failed unexpectedly", error);
          throw new Error("Sign-in is unavailable right now. Please try again in a moment.");
        }
      },
    }),
  ],
  callbacks: {
    redirect: safeRedirect,
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
      }
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
};
