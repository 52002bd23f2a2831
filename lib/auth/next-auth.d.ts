import type { Role } from "../generated/prisma/enums";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** User.sessionVersion when the session began; a bump revokes the session. */
    sv?: number;
    /** UserSession row id: the session a sign-out or an admin can end on its own. */
    sid?: string;
    /** Sign-in instant, epoch seconds: the absolute lifetime counts from here. */
    authTime?: number;
  }
}
