import "server-only";
import type { JWT } from "next-auth/jwt";
import { findActiveSessionUser } from "./user-sessions";

/**
 * True when the session behind a token is still good: its row is not
 * revoked (signed out, ended by an admin), the account is active and the
 * session version current. One indexed lookup: cheap enough for every admin request.
 */
export async function isSessionCurrent(token: Pick<JWT, "sub" | "sid" | "sv">): Promise<boolean> {
  return (await findActiveSessionUser(token)) !== null;
}
