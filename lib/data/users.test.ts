import { beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateWithPassword } from "../auth/authenticate";
import { hashPassword, verifyPassword } from "../auth/password";
import { getCurrentUser } from "../auth/session";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { signInAs, signOut } from "../testing/mock-next-headers";
import { provideTestDatabase } from "../testing/test-database";
import { changeOwnPassword, getOwnAccount } from "./own-account";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  getUserForAdmin,
  listUsers,
  reactivateUser,
  resetUserPassword,
  signOutUserEverywhere,
} from "./users";

vi.mock("next/headers", () => import("../testing/mock-next-headers"));

const getDb = provideTestDatabase();
const PASSWORD = "tea kettle on the balcony";
let passwordHash = "";
let counter = 0;

async function makeUser(role: Role, overrides: { isActive?: boolean } = {}) {
  const n = ++counter;
  return getDb().user.create({
    data: { email: `u${n}@users.test`, name: `Person ${n}`, slug: `person-${n}`, role, passwordHash, ...overrides },
  });
}

async function actAs(role: Role) {
  const user = await makeUser(role);
  await signInAs(user);
  return user;
}

const reload = (id: string) => getDb().user.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

describe("user admin is for admins only", () => {
  it("refuses anyone signed out", async () => {
    signOut();
    await expect(listUsers()).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createUser({ name: "X", email: "x@users.test", role: "ADMIN", password: null })).rejects.toBeInstanceOf(UnauthenticatedError);
    const someone = await makeUser("EDITOR");
    signOut();
    await expect(changeUserRole(someone.id, "ADMIN")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(deactivateUser(someone.id)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(resetUserPassword(someone.id, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(signOutUserEverywhere(someone.id)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(changeOwnPassword(PASSWORD, "a brand new phrase")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(getOwnAccount()).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await reload(someone.id)).toMatchObject({ role: "EDITOR", isActive: true, sessionVersion: 1, passwordHash });
  });

  it.each(["EDITOR", "AUTHOR"] as const)("shows an %s nothing and refuses every change, changing nothing", async (role) => {
    const victim = await makeUser("EDITOR");
    const me = await actAs(role);
    await expect(listUsers()).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUserForAdmin(victim.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createUser({ name: "Mallory", email: "mallory@users.test", role: "ADMIN", password: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeUserRole(me.id, "ADMIN")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deactivateUser(victim.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reactivateUser(victim.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserPassword(victim.id, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(signOutUserEverywhere(victim.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await reload(me.id)).toMatchObject({ role, sessionVersion: 1 });
    expect(await reload(victim.id)).toMatchObject({ isActive: true, sessionVersion: 1, passwordHash });
    expect(await getDb().user.count({ where: { email: "mallory@users.test" } })).toBe(0);
  });

  it("treats malformed and unknown ids as missing", async () => {
    await actAs("ADMIN");
    await expect(getUserForAdmin("not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeUserRole("00000000-0000-7000-8000-000000000000", "EDITOR")).rejects.toBeInstanceOf(NotFoundError);
    await expect(signOutUserEverywhere("../etc")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("creating accounts", () => {
  it("creates an account with a generated password shown once, and audits it", async () => {
    const admin = await actAs("ADMIN");
    const { user, generatedPassword } = await createUser({ name: "Günel Əliyeva", email: "gunel@users.test", role: "EDITOR", password: null });
    expect(user).toMatchObject({ name: "Günel Əliyeva", email: "gunel@users.test", role: "EDITOR", slug: "gunel-eliyeva" });
    expect(generatedPassword).toMatch(/^[b-z2-9]{5}(-[b-z2-9]{5}){3}$/);
    const stored = await reload(user.id);
    expect(stored.passwordHash).not.toContain(generatedPassword);
    expect(await verifyPassword(stored.passwordHash, generatedPassword as string)).toBe(true);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(event).toMatchObject({ action: "user.create", actorId: admin.id, toState: "EDITOR", data: { via: "admin" } });
    expect(event.clientHash).toHaveLength(24);
    expect(JSON.stringify(event)).not.toContain(generatedPassword);
  });

  it("uses a typed password only if the policy allows it, and never shows it back", async () => {
    await actAs("ADMIN");
    await expect(createUser({ name: "Weak One", email: "weak@users.test", role: "AUTHOR", password: "password1" })).rejects.toMatchObject({
      fieldErrors: { password: [expect.stringMatching(/commonly used/)] },
    });
    await expect(createUser({ name: "Nigar Q", email: "nigar@users.test", role: "AUTHOR", password: "nigar-at-the-desk" })).rejects.toBeInstanceOf(ValidationError);
    const created = await createUser({ name: "Strong One", email: "strong@users.test", role: "AUTHOR", password: PASSWORD });
    expect(created.generatedPassword).toBeNull();
  });

  it("refuses a duplicate email and gives namesakes distinct slugs", async () => {
    await actAs("ADMIN");
    await createUser({ name: "Same Name", email: "same1@users.test", role: "AUTHOR", password: null });
    const second = await createUser({ name: "Same Name", email: "same2@users.test", role: "AUTHOR", password: null });
    expect(second.user.slug).toBe("same-name-2");
    await expect(createUser({ name: "Other", email: "same1@users.test", role: "AUTHOR", password: null })).rejects.toMatchObject({
      fieldErrors: { email: ["An account with this email address already exists."] },
    });
  });

  it("lists every account for admins", async () => {
    await actAs("ADMIN");
    const users = await listUsers();
    expect(users.length).toBeGreaterThan(3);
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(["email", "id", "isActive", "lastLoginAt", "name", "role"]);
  });
});

describe("changing roles and status", () => {
  it("changes a role, ends the account's sessions and audits from → to", async () => {
    const admin = await actAs("ADMIN");
    const author = await makeUser("AUTHOR");
    await changeUserRole(author.id, "EDITOR");
    expect(await reload(author.id)).toMatchObject({ role: "EDITOR", sessionVersion: 2 });
    expect(await getDb().auditEvent.findFirstOrThrow({ where: { entityId: author.id } })).toMatchObject({
      action: "user.role_change",
      actorId: admin.id,
      fromState: "AUTHOR",
      toState: "EDITOR",
    });
    await changeUserRole(author.id, "EDITOR"); // no change: no bump, no event
    expect((await reload(author.id)).sessionVersion).toBe(2);
  });

  it("deactivation ends the user's open session at its next request; reactivation lets them sign in again", async () => {
    const admin = await makeUser("ADMIN");
    const editor = await makeUser("EDITOR");
    await signInAs(editor);
    expect((await getCurrentUser())?.id).toBe(editor.id);
    await signInAs(admin);
    await deactivateUser(editor.id);
    await signInAs(editor); // the editor's old cookie
    expect(await getCurrentUser()).toBeNull();
    await expect(authenticateWithPassword(editor.email, PASSWORD, "c1")).rejects.toThrow(/deactivated/);
    await signInAs(admin);
    await reactivateUser(editor.id);
    expect((await authenticateWithPassword(editor.email, PASSWORD, "c1")).id).toBe(editor.id);
    const actions = (await getDb().auditEvent.findMany({ where: { entityId: editor.id, actorId: admin.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("an admin cannot deactivate themselves", async () => {
    const admin = await actAs("ADMIN");
    await expect(deactivateUser(admin.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await reload(admin.id)).isActive).toBe(true);
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or deactivated", async () => {
    await getDb().user.updateMany({ where: { role: "ADMIN" }, data: { isActive: false } });
    const admin = await actAs("ADMIN");
    await expect(changeUserRole(admin.id, "EDITOR")).rejects.toThrow(/at least one active admin/);
    expect(await reload(admin.id)).toMatchObject({ role: "ADMIN", isActive: true, sessionVersion: 1 });
    // An inactive admin does not count: reactivating one makes room.
    const other = await getDb().user.findFirstOrThrow({ where: { role: "ADMIN", isActive: false } });
    await reactivateUser(other.id);
    await signInAs(await reload(admin.id));
    await changeUserRole(admin.id, "EDITOR");
    expect((await reload(admin.id)).role).toBe("EDITOR");
  });

  it("survives two admins demoting each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      await getDb().user.updateMany({ where: { role: "ADMIN" }, data: { isActive: false } });
      const a = await makeUser("ADMIN");
      const b = await makeUser("ADMIN");
      // Each call reads the mocked cookie as it starts: two admins, two requests.
      await signInAs(a);
      const demoteB = changeUserRole(b.id, "AUTHOR");
      await signInAs(b);
      const demoteA = changeUserRole(a.id, "AUTHOR");
      const results = await Promise.allSettled([demoteB, demoteA]);
      expect(await getDb().user.count({ where: { role: "ADMIN", isActive: true } })).toBe(1);
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    }
  });
});

describe("passwords and sessions", () => {
  it("an admin reset ends the user's sessions, lifts throttling and sets a working password", async () => {
    await actAs("ADMIN");
    const editor = await makeUser("EDITOR");
    for (let i = 0; i < 6; i++) await authenticateWithPassword(editor.email, `bad guess ${i}`, `r${i}`).catch(() => null);
    const { generatedPassword, isSelf } = await resetUserPassword(editor.id, null);
    expect(isSelf).toBe(false);
    expect((await reload(editor.id)).sessionVersion).toBe(2);
    expect((await authenticateWithPassword(editor.email, generatedPassword as string, "r9")).id).toBe(editor.id);
    // A typed password must pass the policy for *that* person.
    await expect(resetUserPassword(editor.id, `${editor.name.split(" ")[0]}-at-the-desk`)).rejects.toBeInstanceOf(ValidationError);
    expect((await resetUserPassword(editor.id, "a brand new phrase")).generatedPassword).toBeNull();
  });

  it("anyone can sign themselves out everywhere; admins can do it for others", async () => {
    const author = await actAs("AUTHOR");
    await signOutUserEverywhere(author.id);
    expect(await getCurrentUser()).toBeNull();
    expect((await reload(author.id)).sessionVersion).toBe(2);
    await actAs("ADMIN");
    await signOutUserEverywhere(author.id);
    expect((await reload(author.id)).sessionVersion).toBe(3);
    expect(await getDb().auditEvent.count({ where: { entityId: author.id, action: "auth.sign_out_everywhere" } })).toBe(2);
  });

  it("changing one's own password needs the current one, follows the policy and ends other sessions", async () => {
    const me = await actAs("AUTHOR");
    expect((await getOwnAccount()).email).toBe(me.email);
    await expect(changeOwnPassword("wrong current", "a brand new phrase")).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    await expect(changeOwnPassword(PASSWORD, PASSWORD)).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/differ/)] } });
    await expect(changeOwnPassword(PASSWORD, "iloveyou")).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/common/)] } });
    const { sessionVersion } = await changeOwnPassword(PASSWORD, "a brand new phrase");
    expect(sessionVersion).toBe(2);
    expect(await getCurrentUser()).toBeNull(); // the old cookie; the action renews this browser's
    expect((await authenticateWithPassword(me.email, "a brand new phrase", "o1")).id).toBe(me.id);
    expect(await getDb().auditEvent.count({ where: { entityId: me.id, action: "auth.password_change" } })).toBe(1);
  });

  it("throttles guesses at the current password like sign-in", async () => {
    await actAs("EDITOR");
    for (let i = 0; i < 5; i++) await changeOwnPassword(`guess ${i} here`, "a brand new phrase").catch(() => null);
    await expect(changeOwnPassword(PASSWORD, "a brand new phrase")).rejects.toThrow(/Too many failed/);
  });
});
