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
    /** Sign-in instant, epoch seconds: the absolute lifetime counts from here. */
    authTime?: number;
  }
}
