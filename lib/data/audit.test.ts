import { describe, expect, it, vi } from "vitest";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError } from "../errors";
import { signInAs } from "../testing/mock-next-headers";
import { provideTestDatabase } from "../testing/test-database";
import { listAuditEvents } from "./audit";

vi.mock("next/headers", () => import("../testing/mock-next-headers"));

const getDb = provideTestDatabase();
let counter = 0;

async function makeUser(role: "ADMIN" | "EDITOR" | "AUTHOR") {
  const n = ++counter;
  return getDb().user.create({ data: { email: `a${n}@audit.test`, name: `Auditor ${n}`, slug: `auditor-${n}`, role, passwordHash: "x" } });
}

describe("the audit log", () => {
  it("does not exist for editors and authors", async () => {
    for (const role of ["EDITOR", "AUTHOR"] as const) {
      await signInAs(await makeUser(role));
      await expect(listAuditEvents()).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("lists events newest first with actor and account names, filtered and paged", async () => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("AUTHOR");
    for (let i = 0; i < 5; i++) {
      await recordAuditEvent(getDb(), { action: "user.role_change", actorId: admin.id, entityType: "user", entityId: target.id, fromState: "AUTHOR", toState: `STEP${i}` });
    }
    await recordAuditEvent(getDb(), { action: "auth.sign_in_failed", actorId: null, entityType: "user", data: { reason: "unknown_account" }, clientHash: "h" });
    await signInAs(admin);

    const all = await listAuditEvents();
    expect(all.events[0]).toMatchObject({ action: "auth.sign_in_failed", actor: null, entityLabel: null });
    expect(all.events[1]).toMatchObject({ action: "user.role_change", toState: "STEP4", actor: { id: admin.id, name: admin.name }, entityLabel: target.name });

    const firstPage = await listAuditEvents({ action: "user.role_change", limit: 2 });
    expect(firstPage.events.map((e) => e.toState)).toEqual(["STEP4", "STEP3"]);
    const secondPage = await listAuditEvents({ action: "user.role_change", limit: 2, before: firstPage.nextCursor ?? undefined });
    expect(secondPage.events.map((e) => e.toState)).toEqual(["STEP2", "STEP1"]);
    const lastPage = await listAuditEvents({ action: "user.role_change", limit: 2, before: secondPage.nextCursor ?? undefined });
    expect(lastPage).toMatchObject({ nextCursor: null, events: [{ toState: "STEP0" }] });

    expect((await listAuditEvents({ actorId: admin.id })).events).toHaveLength(5);
    expect((await listAuditEvents({ entityType: "user", entityId: target.id })).events).toHaveLength(5);
  });

  it("answers malformed ids from a URL with nothing rather than an error", async () => {
    await signInAs(await makeUser("ADMIN"));
    expect(await listAuditEvents({ actorId: "'; drop table" })).toEqual({ events: [], nextCursor: null });
    expect(await listAuditEvents({ before: "yesterday" })).toEqual({ events: [], nextCursor: null });
  });
});
