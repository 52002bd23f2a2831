import { beforeAll, describe, expect, it } from "vitest";
import { provideTestDatabase } from "../testing/test-database";
import { authenticateWithPassword, SignInError } from "./authenticate";
import { hashPassword } from "./password";

const getDb = provideTestDatabase();
const PASSWORD = "tea kettle on the balcony";
let counter = 0;

async function makeUser(overrides: { isActive?: boolean } = {}) {
  const n = ++counter;
  return getDb().user.create({
    data: { email: `user${n}@auth.test`, name: `User ${n}`, slug: `user-${n}`, passwordHash: await hashPassword(PASSWORD), ...overrides },
  });
}
const client = (n: number) => `client-${n}`;

async function signInError(email: string, password: string, clientHash: string): Promise<string> {
  const error = await authenticateWithPassword(email, password, clientHash).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return (error as SignInError).message;
}

/** Lets every block on the account's and client's buckets run out, as waiting would. */
async function waitOutBlocks() {
  await getDb().$executeRaw`UPDATE "RateLimitBucket" SET "blockedUntil" = now() - interval '1 second' WHERE "blockedUntil" IS NOT NULL`;
}

describe("signing in", () => {
  beforeAll(async () => {
    await hashPassword("warm-up");
  });

  it("accepts the right password, case-insensitive email, and records the sign-in", async () => {
    const user = await makeUser();
    const result = await authenticateWithPassword(`  ${user.email.toUpperCase()} `, PASSWORD, client(1));
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name, role: "AUTHOR", sessionVersion: 1, hasSecondFactor: false, mustEnrol: false });
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastLoginAt).not.toBeNull();
    const events = await getDb().auditEvent.findMany({ where: { entityId: user.id } });
    expect(events).toMatchObject([{ action: "auth.sign_in", actorId: user.id, clientHash: client(1) }]);
  });

  it("refuses a wrong password and an unknown email with the same message, and audits both without the raw email", async () => {
    const user = await makeUser();
    expect(await signInError(user.email, "wrong password here", client(2))).toBe("Wrong email or password.");
    expect(await signInError("nobody@auth.test", PASSWORD, client(2))).toBe("Wrong email or password.");
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(1);
    expect(stored.lastFailedAt).not.toBeNull();
    const failures = await getDb().auditEvent.findMany({ where: { action: "auth.sign_in_failed", clientHash: client(2) }, orderBy: { id: "asc" } });
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ entityId: user.id, actorId: null, data: { reason: "wrong_password" } });
    expect(failures[1]).toMatchObject({ entityId: null, data: { reason: "unknown_account" } });
    expect(JSON.stringify(failures[1]?.data)).not.toContain("nobody");
  });

  it("slows a guesser at one address after 5 failures, then doubles the wait up to 15 minutes", async () => {
    const user = await makeUser();
    const guesser = client(10);
    for (let i = 1; i <= 4; i++) expect(await signInError(user.email, `guess number ${i}`, guesser)).toBe("Wrong email or password.");
    expect(await signInError(user.email, "guess number 5", guesser)).toMatch(/^Wrong email or password\. Too many failed sign-in attempts\. Wait 30 seconds/);
    // Even the right password waits at that address: nothing is checked while blocked.
    expect(await signInError(user.email, PASSWORD, guesser)).toMatch(/^Too many failed sign-in attempts\. Wait \d+ seconds and try again\.$/);
    const waits: string[] = [];
    for (let i = 0; i < 6; i++) {
      await waitOutBlocks();
      waits.push((await signInError(user.email, `late guess ${i}`, guesser)).match(/Wait (.+?) and/)?.[1] ?? "");
    }
    expect(waits).toEqual(["1 minute", "2 minutes", "4 minutes", "8 minutes", "15 minutes", "15 minutes"]);
  });

  it("finding 2: failures from one address never keep the owner out at another", async () => {
    const user = await makeUser();
    for (let i = 1; i <= 8; i++) await signInError(user.email, `attacker guess ${i}`, client(20));
    expect((await authenticateWithPassword(user.email, PASSWORD, client(21))).id).toBe(user.id);
    // Once the block runs out, one more wrong guess re-blocks only the guesser.
    await waitOutBlocks();
    await signInError(user.email, "attacker guess 9", client(20));
    expect((await authenticateWithPassword(user.email, PASSWORD, client(22))).id).toBe(user.id);
  });

  it("finding 2: strangers' failures from many addresses lock the account for new browsers, not for the owner's own", async () => {
    const user = await makeUser();
    for (let i = 0; i < 10; i++) await signInError(user.email, `botnet guess ${i}`, client(100 + i));
    const locked = await getDb().auditEvent.findFirst({ where: { entityId: user.id, action: "auth.sign_in_locked" } });
    expect(locked).not.toBeNull();
    expect(await signInError(user.email, PASSWORD, client(200))).toMatch(/browser you have used before/);
    // The owner's browser (the known-device cookie names the account) gets in, and lifts the lock.
    expect((await authenticateWithPassword(user.email, PASSWORD, client(201), { knownDeviceAccounts: [user.id] })).id).toBe(user.id);
    expect((await authenticateWithPassword(user.email, PASSWORD, client(202))).id).toBe(user.id);
  });

  it("finding 2: an account with a second factor still reaches that step while locked", async () => {
    const user = await makeUser();
    await getDb().user.update({ where: { id: user.id }, data: { totpSecret: "x", totpEnabledAt: new Date() } });
    for (let i = 0; i < 10; i++) await signInError(user.email, `botnet guess ${i}`, client(300 + i));
    const result = await authenticateWithPassword(user.email, PASSWORD, client(320));
    expect(result).toMatchObject({ id: user.id, hasSecondFactor: true });
    // No session yet: the sign-in is recorded only when the second step passes.
    expect(await getDb().auditEvent.count({ where: { entityId: user.id, action: "auth.sign_in" } })).toBe(0);
  });

  it("throttles unknown emails exactly like real ones", async () => {
    for (let i = 1; i <= 5; i++) await signInError("ghost@auth.test", `guess ${i} here`, client(40));
    expect(await signInError("ghost@auth.test", "guess 6 here", client(40))).toMatch(/^Too many failed sign-in attempts/);
  });

  it("throttles a client address spraying many accounts, not other clients", async () => {
    const sprayer = client(50);
    for (let i = 0; i < 30; i++) await signInError(`sprayed${i}@auth.test`, "summer-holiday-2024", sprayer);
    const user = await makeUser();
    expect(await signInError(user.email, PASSWORD, sprayer)).toMatch(/^Too many failed sign-in attempts/);
    expect((await authenticateWithPassword(user.email, PASSWORD, client(51))).id).toBe(user.id);
  });

  it("does not count successful sign-ins against a shared address", async () => {
    const office = client(60);
    const user = await makeUser();
    for (let i = 0; i < 30; i++) await authenticateWithPassword(user.email, PASSWORD, office);
    const bucket = await getDb().rateLimitBucket.findUnique({ where: { key: `sign-in:client:${office}` } });
    expect(bucket?.count ?? 0).toBe(0);
  });

  it("counts parallel guesses before checking them, so a burst from one address gets no more than the limit", async () => {
    const user = await makeUser();
    const messages = await Promise.all(Array.from({ length: 12 }, (_, i) => signInError(user.email, `parallel guess ${i}`, client(70))));
    expect(messages.filter((m) => m.startsWith("Wrong email or password."))).toHaveLength(5);
    expect(messages.filter((m) => m.startsWith("Too many"))).toHaveLength(7);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(5);
    expect(await getDb().auditEvent.count({ where: { entityId: user.id, action: "auth.sign_in_failed" } })).toBe(12);
  });

  it("tells a deactivated user with the right password, and only them", async () => {
    const user = await makeUser({ isActive: false });
    expect(await signInError(user.email, "not the password", client(90))).toBe("Wrong email or password.");
    expect(await signInError(user.email, PASSWORD, client(91))).toMatch(/deactivated/);
    const last = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: user.id }, orderBy: { id: "desc" } });
    expect(last.data).toEqual({ reason: "inactive" });
  });
});
