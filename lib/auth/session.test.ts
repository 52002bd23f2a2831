import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UnauthenticatedError } from "../errors";
import { setCookie, signInAs, signOut } from "../testing/mock-next-headers";
import { provideTestDatabase } from "../testing/test-database";
import { resolveAuthSecret } from "./auth-secret";
import { authOptions } from "./auth-options";
import { clearSessionCookie, getCurrentUser, renewCurrentSession, requireUser } from "./session";
import { getCookie } from "../testing/mock-next-headers";
import { readSessionToken } from "./session-token";
import { SESSION_ABSOLUTE_SECONDS } from "./session-policy";
import { SESSION_COOKIE } from "./session-token";

vi.mock("next/headers", () => import("../testing/mock-next-headers"));

const getDb = provideTestDatabase();
const now = () => Math.floor(Date.now() / 1000);
let counter = 0;

async function makeUser() {
  const n = ++counter;
  return getDb().user.create({
    data: { email: `s${n}@session.test`, name: `Session ${n}`, slug: `session-${n}`, role: "EDITOR", passwordHash: "x" },
  });
}

describe("sessions", () => {
  beforeEach(() => signOut());

  it("know the signed-in user, with the role as the database has it now", async () => {
    const user = await makeUser();
    await signInAs(user, { role: "AUTHOR" });
    expect(await getCurrentUser()).toEqual({ id: user.id, email: user.email, name: user.name, role: "EDITOR" });
  });

  it("end at the next request once the session version is bumped", async () => {
    const user = await makeUser();
    await signInAs(user);
    expect(await getCurrentUser()).not.toBeNull();
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getCurrentUser()).toBeNull();
    await expect(requireUser()).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("end at the next request once the account is deactivated", async () => {
    const user = await makeUser();
    await signInAs(user);
    await getDb().user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("end when the account is gone", async () => {
    const user = await makeUser();
    await signInAs(user);
    await getDb().user.delete({ where: { id: user.id } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("end after the absolute lifetime however active they are", async () => {
    const user = await makeUser();
    await signInAs(user, { authTime: now() - SESSION_ABSOLUTE_SECONDS - 5 });
    expect(await getCurrentUser()).toBeNull();
    await signInAs(user, { authTime: now() - SESSION_ABSOLUTE_SECONDS + 60 });
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("end when idle past the cookie's expiry", async () => {
    const user = await makeUser();
    await signInAs(user, {}, -60); // expired a minute ago (decode allows 15 s of clock skew)
    expect(await getCurrentUser()).toBeNull();
  });

  it("refuse forged, foreign and malformed cookies", async () => {
    const user = await makeUser();
    setCookie(SESSION_COOKIE, await encode({ token: { sub: user.id, sv: 1, authTime: now() }, secret: "someone-elses-secret" }));
    expect(await getCurrentUser()).toBeNull();
    setCookie(SESSION_COOKIE, "garbage");
    expect(await getCurrentUser()).toBeNull();
    setCookie(SESSION_COOKIE, await encode({ token: { sub: user.id }, secret: resolveAuthSecret() }));
    expect(await getCurrentUser()).toBeNull(); // no session version, no sign-in time
    signOut();
    expect(await getCurrentUser()).toBeNull();
  });

  it("can carry this browser across a bump it made itself", async () => {
    const user = await makeUser();
    await signInAs(user);
    const bumped = await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getCurrentUser()).toBeNull();
    await renewCurrentSession(bumped.sessionVersion);
    expect((await getCurrentUser())?.id).toBe(user.id);
  });

  it("finding 4: signing out revokes this session, so a copy of its cookie is refused on the next request", async () => {
    const user = await makeUser();
    await signInAs(user);
    const copied = getCookie(SESSION_COOKIE) as string;
    await signInAs(user); // the same person on a second device
    const otherDevice = getCookie(SESSION_COOKIE) as string;
    setCookie(SESSION_COOKIE, copied);
    expect(await getCurrentUser()).not.toBeNull();
    await clearSessionCookie();
    setCookie(SESSION_COOKIE, copied);
    expect(await getCurrentUser()).toBeNull();
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "auth.sign_out" } });
    expect(event.actorId).toBe(user.id);
    // Only that session: the other device stays signed in.
    setCookie(SESSION_COOKIE, otherDevice);
    expect((await getCurrentUser())?.id).toBe(user.id);
  });

  it("finding 5: /api/auth/session refuses a revoked or deactivated session (next-auth's jwt callback throws, it answers {})", async () => {
    const user = await makeUser();
    await signInAs(user);
    const token = await readSessionToken(getCookie(SESSION_COOKIE));
    const jwt = authOptions.callbacks?.jwt;
    if (!token || !jwt) throw new Error("setup");
    const call = () => jwt({ token, account: null, user: undefined as never });
    await expect(call()).resolves.toMatchObject({ sub: user.id });
    await getDb().user.update({ where: { id: user.id }, data: { isActive: false } });
    await expect(call()).rejects.toThrow();
    await getDb().user.update({ where: { id: user.id }, data: { isActive: true } });
    await expect(call()).resolves.toMatchObject({ sub: user.id });
    await getDb().userSession.update({ where: { id: token.sid as string }, data: { revokedAt: new Date() } });
    await expect(call()).rejects.toThrow();
  });
});
