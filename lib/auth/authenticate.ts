import "server-only";
import { db } from "../db";
import type { Role } from "../generated/prisma/enums";
import { hashPassword, verifyPassword } from "./password";

/** Who signed in, as the session records it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/** A sign-in refusal with a message safe to show (it never says which part was wrong). */
export class SignInError extends Error {
  constructor(message = "Wrong email or password.") {
    super(message);
    this.name = "SignInError";
  }
}

// Verifying against a real hash when the account does not exist keeps the
// response time the same, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

/** Checks an email and password; throws SignInError on any failure. */
export async function authenticateWithPassword(email: string, password: string): Promise<AuthenticatedUser> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true, isActive: true, passwordHash: true },
  });
  if (!user) {
    dummyHash ??= hashPassword("newsdesk-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    throw new SignInError();
  }
  const isPasswordRight = await verifyPassword(user.passwordHash, password);
  if (!isPasswordRight || !user.isActive) throw new SignInError();
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), failedLoginCount: 0 } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
