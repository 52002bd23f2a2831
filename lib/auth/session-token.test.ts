import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./auth-secret";
import { SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from "./session-policy";
import { readSessionToken, refreshSessionToken } from "./session-token";

const secret = resolveAuthSecret();
const now = () => Math.floor(Date.now() / 1000);

describe("sliding idle deadline", () => {
  it("re-issues an active session's cookie with a later expiry, keeping who, version and sign-in time", async () => {
    const token = { sub: "u1", sv: 3, authTime: now() - 3600, role: "EDITOR" as const, iat: now() - SESSION_REFRESH_SECONDS - 1 };
    const refreshed = await refreshSessionToken(token);
    expect(refreshed).not.toBeNull();
    const decoded = await decode({ token: refreshed as string, secret });
    expect(decoded).toMatchObject({ sub: "u1", sv: 3, authTime: token.authTime, role: "EDITOR" });
    expect(Number(decoded?.exp)).toBeGreaterThanOrEqual(now() + SESSION_IDLE_SECONDS - 5);
  });

  it("leaves a freshly issued cookie alone", async () => {
    expect(await refreshSessionToken({ sub: "u1", sv: 1, authTime: now(), iat: now() - 10 })).toBeNull();
  });

  it("reads only complete, unexpired tokens", async () => {
    const good = await encode({ token: { sub: "u1", sv: 1, sid: "s1", authTime: now() }, secret });
    expect(await readSessionToken(good)).toMatchObject({ sub: "u1" });
    expect(await readSessionToken(undefined)).toBeNull();
    expect(await readSessionToken(await encode({ token: { sub: "u1", authTime: now() }, secret }))).toBeNull();
    expect(await readSessionToken(await encode({ token: { sub: "u1", sv: 1, sid: "s1", authTime: now() }, secret, maxAge: -60 }))).toBeNull();
    // No session row named: a token from before sessions were recorded.
    expect(await readSessionToken(await encode({ token: { sub: "u1", sv: 1, authTime: now() }, secret }))).toBeNull();
  });
});
