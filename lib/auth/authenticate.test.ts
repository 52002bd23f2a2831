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
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name, role: "AUTHOR", sessionVersion: 1 });
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

  it("throttles an account after 5 failures, tells how long to wait, then lets the owner in", async () => {
    const user = await makeUser();
    for (let i = 1; i <= 4; i++) expect(await signInError(user.email, `guess number ${i}`, client(10 + i))).toBe("Wrong email or password.");
    expect(await signInError(user.email, "guess number 5", client(15))).toMatch(/^Wrong email or password\. Too many failed sign-in attempts\. Wait 30 seconds/);
    // Even the right password waits: the check does not run while blocked.
    expect(await signInError(user.email, PASSWORD, client(16))).toMatch(/^Too many failed sign-in attempts\. Wait \d+ seconds and try again\.$/);
    const throttled = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: user.id }, orderBy: { id: "desc" } });
    expect(throttled.data).toEqual({ reason: "throttled" });

    await waitOutBlocks();
    expect((await authenticateWithPassword(user.email, PASSWORD, client(17))).id).toBe(user.id);
    // Success ends the run: the next mistake starts counting from zero.
    expect(await signInError(user.email, "one more typo", client(18))).toBe("Wrong email or password.");
  });

  it("doubles the wait with each further failure, up to five minutes", async () => {
    const user = await makeUser();
    for (let i = 1; i <= 5; i++) await signInError(user.email, `guess ${i} here`, client(20 + i));
    const waits: string[] = [];
    for (let i = 0; i < 5; i++) {
      await waitOutBlocks();
      waits.push((await signInError(user.email, `late guess ${i}`, client(30 + i))).match(/Wait (.+?) and/)?.[1] ?? "");
    }
    expect(waits).toEqual(["1 minute", "2 minutes", "4 minutes", "5 minutes", "5 minutes"]);
  });

  it("throttles unknown emails exactly like real ones", async () => {
    for (let i = 1; i <= 5; i++) await signInError("ghost@auth.test", `guess ${i} here`, client(40 + i));
    expect(await signInError("ghost@auth.test", "guess 6 here", client(46))).toMatch(/^Too many failed sign-in attempts/);
  });

  it("throttles a client address spraying many accounts, not other clients", async () => {
    const sprayer = client(50);
    for (let i = 0; i < 20; i++) await signInError(`sprayed${i}@auth.test`, "summer-holiday-2024", sprayer);
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

  it("counts parallel guesses before checking them, so a burst gets no more than the limit", async () => {
    const user = await makeUser();
    const messages = await Promise.all(Array.from({ length: 12 }, (_, i) => signInError(user.email, `parallel guess ${i}`, client(70 + i))));
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
