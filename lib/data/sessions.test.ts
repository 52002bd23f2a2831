import { beforeEach, describe, expect, it, vi } from "vitest";
import { describeUserAgent } from "../auth/user-agent";
import { NotFoundError } from "../errors";
import { getCookie, setCookie, signInAs, signOut } from "../testing/mock-next-headers";
import { provideTestDatabase } from "../testing/test-database";
import { SESSION_COOKIE } from "../auth/session-token";
import { getCurrentUser } from "../auth/session";
import { endSession, listActiveSessions } from "./sessions";

vi.mock("next/headers", () => import("../testing/mock-next-headers"));

const getDb = provideTestDatabase();
let counter = 0;
async function makeUser(role: "ADMIN" | "EDITOR" = "EDITOR") {
  const n = ++counter;
  return getDb().user.create({ data: { email: `sl${n}@sessions.test`, name: `Sessions ${n}`, slug: `sessions-${n}`, role, passwordHash: "x" } });
}

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("where you're signed in", () => {
  beforeEach(() => signOut());

  it("names devices from the user agent", () => {
    expect(describeUserAgent(FIREFOX_WINDOWS)).toBe("Firefox 133 on Windows");
    expect(describeUserAgent(null)).toBe("Unknown device");
  });

  it("lists one's own live sessions, this one marked, and leaves out ended ones", async () => {
    const user = await makeUser();
    await signInAs(user);
    const other = getCookie(SESSION_COOKIE) as string;
    await getDb().userSession.updateMany({ where: { userId: user.id }, data: { userAgent: FIREFOX_WINDOWS } });
    const ended = await getDb().userSession.create({ data: { userId: user.id, sessionVersion: 1, revokedAt: new Date() } });
    await signInAs(user);
    const sessions = await listActiveSessions(user.id);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    expect(sessions.map((s) => s.device)).toContain("Firefox 133 on Windows");
    expect(sessions.map((s) => s.id)).not.toContain(ended.id);

    // "Sign out" on the other device's row ends exactly that one.
    const otherRow = sessions.find((s) => !s.isCurrent);
    await endSession(user.id, otherRow?.id ?? "");
    expect(await listActiveSessions(user.id)).toHaveLength(1);
    expect(await getDb().auditEvent.count({ where: { entityId: user.id, action: "auth.session_revoke" } })).toBe(1);
    setCookie(SESSION_COOKIE, other);
    expect(await getCurrentUser()).toBeNull();
  });

  it("shows someone else's sessions to admins only", async () => {
    const [owner, colleague, admin] = [await makeUser(), await makeUser(), await makeUser("ADMIN")];
    await signInAs(owner);
    const [session] = await listActiveSessions(owner.id);
    await signInAs(colleague);
    await expect(listActiveSessions(owner.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(endSession(owner.id, session?.id ?? "")).rejects.toThrow();
    await signInAs(admin);
    expect(await listActiveSessions(owner.id)).toHaveLength(1);
    await endSession(owner.id, session?.id ?? "");
    expect(await listActiveSessions(owner.id)).toHaveLength(0);
  });
});
