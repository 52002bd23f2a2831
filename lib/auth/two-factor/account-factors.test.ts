import { generate } from "otplib/functional";
import { describe, expect, it } from "vitest";
import { provideTestDatabase } from "../../testing/test-database";
import { SignInError } from "../authenticate";
import { decryptSecret } from "../secret-box";
import { enableTotp, getTwoFactorState, regenerateRecoveryCodes, resetTwoFactor, verifySecondFactorCode } from "./account-factors";
import { createTotpEnrolment } from "./totp";

const getDb = provideTestDatabase();
let counter = 0;

async function makeUser() {
  const n = ++counter;
  return getDb().user.create({ data: { email: `tf${n}@2fa.test`, name: `Two Factor ${n}`, slug: `two-factor-${n}`, role: "EDITOR", passwordHash: "x" } });
}

async function enrol(userId: string) {
  const { secret } = await createTotpEnrolment("Newsdesk", "someone@2fa.test");
  const codes = await enableTotp(userId, secret, await generate({ secret }), null);
  return { secret, codes: codes ?? [] };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof SignInError ? error.message : String(error)),
  );

describe("two-factor sign-in", () => {
  it("enrols an app only with a right code, stores the key encrypted and hands out ten recovery codes once", async () => {
    const user = await makeUser();
    const { secret } = await createTotpEnrolment("Newsdesk", user.email);
    await expect(enableTotp(user.id, secret, "000000", null)).rejects.toThrow(/Check the code/);
    const codes = await enableTotp(user.id, secret, await generate({ secret }), null);
    expect(codes).toHaveLength(10);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(decryptSecret(stored.totpSecret as string)).toBe(secret);
    const hashes = await getDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(hashes.every((row) => row.codeHash.startsWith("$argon2id$") && !codes?.includes(row.codeHash))).toBe(true);
    expect(await getDb().auditEvent.count({ where: { entityId: user.id, action: "auth.totp_enable" } })).toBe(1);
  });

  it("accepts the app's current code once, never the same code twice", async () => {
    const user = await makeUser();
    const { secret } = await enrol(user.id);
    // Enrolment used the current step; the next step's code is the fresh one.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await verifySecondFactorCode(user.id, next, "c1")).toBe("totp");
    expect(await refusal(verifySecondFactorCode(user.id, next, "c1"))).toMatch(/not right/);
  });

  it("accepts a recovery code exactly once, typed any way", async () => {
    const user = await makeUser();
    const { codes } = await enrol(user.id);
    const code = codes[3] as string;
    expect(await verifySecondFactorCode(user.id, ` ${code.toUpperCase().replace("-", " ")} `, "c2")).toBe("recovery_code");
    expect(await refusal(verifySecondFactorCode(user.id, code, "c2"))).toMatch(/not right/);
    expect((await getTwoFactorState(user.id)).recoveryCodesLeft).toBe(9);
  });

  it("throttles wrong codes per account: five, then a wait, whatever the address", async () => {
    const user = await makeUser();
    const { secret } = await enrol(user.id);
    for (let i = 0; i < 4; i++) expect(await refusal(verifySecondFactorCode(user.id, "123456", `c${10 + i}`))).toBe("That code is not right. Check it and try again.");
    expect(await refusal(verifySecondFactorCode(user.id, "123456", "c14"))).toMatch(/Wait 30 seconds/);
    const right = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await refusal(verifySecondFactorCode(user.id, right, "c15"))).toMatch(/^Too many failed sign-in attempts/);
    expect(await getDb().auditEvent.count({ where: { entityId: user.id, action: "auth.second_factor_failed" } })).toBe(5);
  });

  it("regenerating recovery codes retires the old set", async () => {
    const user = await makeUser();
    const { codes } = await enrol(user.id);
    const fresh = await regenerateRecoveryCodes(user.id, null);
    expect(await refusal(verifySecondFactorCode(user.id, codes[0] as string, "c20"))).toMatch(/not right/);
    expect(await verifySecondFactorCode(user.id, fresh[0] as string, "c20")).toBe("recovery_code");
  });

  it("an admin's reset removes every factor, ends every session and is audited", async () => {
    const [user, admin] = [await makeUser(), await makeUser()];
    await enrol(user.id);
    await getDb().userSession.create({ data: { userId: user.id, sessionVersion: 1 } });
    await resetTwoFactor(user.id, admin.id, "c30");
    const state = await getTwoFactorState(user.id);
    expect(state).toMatchObject({ totpEnabledAt: null, recoveryCodesLeft: 0, passkeys: [] });
    expect(await getDb().userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
    expect(await getDb().auditEvent.findFirst({ where: { entityId: user.id, action: "auth.two_factor_reset", actorId: admin.id } })).not.toBeNull();
  });
});
