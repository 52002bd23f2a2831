import { describe, expect, it } from "vitest";
import { checkReadiness, expectedMigrations, type RawQueryClient } from "./readiness";

function client(answers: { table: string | null; applied?: string[]; error?: Error }): RawQueryClient {
  return {
    async $queryRawUnsafe<T>(query: string): Promise<T> {
      if (answers.error) throw answers.error;
      if (query.includes("to_regclass")) return [{ name: answers.table }] as T;
      return (answers.applied ?? []).map((migration_name) => ({ migration_name })) as T;
    },
  };
}

describe("checkReadiness", () => {
  it("is ready when every migration this build ships is applied", async () => {
    expect(await checkReadiness(client({ table: "_prisma_migrations", applied: ["a", "b"] }), ["a", "b"])).toEqual({ ok: true });
  });

  it.each([
    ["not migrated at all", client({ table: null }), /not migrated/],
    ["migrations pending", client({ table: "_prisma_migrations", applied: ["a"] }), /migrations pending: b/],
    ["unreachable", client({ table: null, error: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), { code: "ECONNREFUSED" }) }), /^database unreachable: connect ECONNREFUSED/],
  ])("says why not when %s", async (_label, db, reason) => {
    const result = await checkReadiness(db, ["a", "b"]);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(reason);
  });

  it("knows the migrations of this checkout", () => {
    expect(expectedMigrations()?.[0]).toMatch(/^\d{14}_init$/);
  });
});
