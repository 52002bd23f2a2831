import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./migrations";
import { readMigrationList } from "./migrations-dir";

describe("migrations", () => {
  it("agree with schema.prisma (run `npm run db:migration:create -- <name>` when this fails)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("are in Prisma's standard layout", () => {
    const list = readMigrationList();
    expect(list.lockfile.content).toContain('provider = "postgresql"');
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) {
      expect(dir.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(dir.migrationFile.content.tag).toBe("ok");
    }
  });
});
